/**
 * The first-run dialog (FirstRunDialog.html) of a Sheet never set up; src/app/firstRun.ts answers
 * its calls.
 */
export const FIRST_RUN_TITLE = 'Thiết lập bảng tính lần đầu';

/** What setUpWorkbook returns when it opened the dialog instead of setting up. */
export interface FirstRunOpened {
  hop_thoai: string;
}

/**
 * Opens the dialog. A custom dialog does not suspend the script, so nothing is held meanwhile
 * (https://developers.google.com/apps-script/guides/dialogs). Where Google gives no Sheet UI (the
 * script editor's Run button), the person is told to use the menu instead.
 */
export function openFirstRunDialog(): FirstRunOpened {
  let ui: GoogleAppsScript.Base.Ui;
  try {
    ui = SpreadsheetApp.getUi();
  } catch {
    throw new Error(
      'Bảng tính chưa được thiết lập. Hãy mở bảng tính, chọn menu "Hội LHPN" > "Khởi tạo / cập nhật bảng tính" rồi điền thông tin trong hộp thoại.',
    );
  }
  const page = HtmlService.createHtmlOutputFromFile('FirstRunDialog').setWidth(720).setHeight(640);
  ui.showModalDialog(page, FIRST_RUN_TITLE);
  return { hop_thoai: FIRST_RUN_TITLE };
}
