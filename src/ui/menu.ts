import { openTagsTab } from '../workspace/tagsTab';

/** The custom menu: captions are what officers see; functions are global entry points (main.ts). */
export const MENU_TITLE = 'Hội LHPN';

export const MENU_ITEMS: ReadonlyArray<{ caption: string; functionName: string } | null> = [
  { caption: 'Khởi tạo / cập nhật bảng tính', functionName: 'setUpWorkbook' },
  null,
  { caption: 'Nộp số liệu quý…', functionName: 'submitQuarter' },
  { caption: 'Mở lại quý đã nộp…', functionName: 'reopenQuarter' },
  { caption: 'Kiểm tra số liệu', functionName: 'checkData' },
  { caption: 'Tổng hợp ngay', functionName: 'rollUp' },
  { caption: 'Tạo báo cáo…', functionName: 'openReportDialog' },
  { caption: 'Danh sách thẻ báo cáo', functionName: 'showTagList' },
  null,
  { caption: 'Gửi nhắc nhở', functionName: 'remindLateUnits' },
  { caption: 'Cài đặt lịch tự động', functionName: 'installSchedules' },
  { caption: 'Kiểm tra cài đặt', functionName: 'checkInstallation' },
  { caption: 'Nhập số liệu từ CSV…', functionName: 'openImportDialog' },
  { caption: 'Sang năm mới…', functionName: 'startNewYear' },
  null,
  { caption: 'Hướng dẫn', functionName: 'showGuide' },
];

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
