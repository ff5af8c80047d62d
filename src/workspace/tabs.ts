/** Tab names of the workbook (DESIGN §4). Users see them, so they are Vietnamese. */
export const TAB = {
  guide: 'Hướng dẫn',
  config: 'Cấu hình',
  units: 'Đơn vị',
} as const;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The tab, created at the end of the workbook when it does not exist yet. */
export function ensureSheet(spreadsheet: Spreadsheet, name: string): Sheet {
  return spreadsheet.getSheetByName(name) ?? spreadsheet.insertSheet(name, spreadsheet.getSheets().length);
}

/** Everything typed in a tab (one read), or [] for an empty tab. */
export function readAll(sheet: Sheet): unknown[][] {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow === 0 || lastColumn === 0) return [];
  return sheet.getRange(1, 1, lastRow, lastColumn).getValues();
}

/** Writes a block of rows from A1 in one call; rows are padded to the widest. */
export function writeBlock(sheet: Sheet, rows: unknown[][]): void {
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array<unknown>(width - r.length).fill('')]);
  sheet.getRange(1, 1, padded.length, width).setValues(padded);
}

/** Names Google gives the first tab of a new Sheet, depending on the account's language. */
const DEFAULT_TAB_NAMES = ['Trang tính1', 'Sheet1'];

/**
 * Removes the blank first tab of a new Sheet once the workbook has its own tabs. A default-named
 * tab that holds anything is someone's work and stays.
 */
export function removeBlankDefaultTab(spreadsheet: Spreadsheet): void {
  if (spreadsheet.getSheets().length < 2) return;
  for (const name of DEFAULT_TAB_NAMES) {
    const sheet = spreadsheet.getSheetByName(name);
    if (sheet && sheet.getLastRow() === 0 && sheet.getLastColumn() === 0) spreadsheet.deleteSheet(sheet);
  }
}

/** The Sheet this script is bound to. */
export function activeSpreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}
