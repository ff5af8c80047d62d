import { MENU_ITEMS, MENU_TITLE } from '../domain/menu';
import { openTagsTab } from '../workspace/tagsTab';

/** Adds the menu to the open Sheet. Runs in onOpen, which has limited authorisation: UI only. */
export function addMenu(): void {
  const menu = SpreadsheetApp.getUi().createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item.caption, item.functionName);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/** "Nhập số liệu từ CSV…": a dialog to paste the CSV or name a Drive file; it calls importCsv. */
export function showImportDialog(): void {
  const page = HtmlService.createHtmlOutputFromFile('ImportDialog').setWidth(640).setHeight(480);
  SpreadsheetApp.getUi().showModalDialog(page, 'Nhập số liệu từ CSV');
}

/** "Tạo báo cáo…": pick the kind and the period, see completeness and checks, then generate. */
export function showReportDialog(): void {
  const page = HtmlService.createHtmlOutputFromFile('ReportDialog').setWidth(600).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(page, 'Tạo báo cáo');
}

/** Brings "Danh sách thẻ" forward; Khởi tạo writes it. */
export function openTagList(): void {
  if (!openTagsTab()) {
    const ui = SpreadsheetApp.getUi();
    ui.alert(
      'Danh sách thẻ báo cáo',
      'Chưa có danh sách thẻ: hãy chạy Khởi tạo / cập nhật bảng tính.',
      ui.ButtonSet.OK,
    );
  }
}
