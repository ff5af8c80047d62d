import { appendRows, ensureSheet, TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Tổng hợp is written whole by each roll-up; until the first one it says how to get one. */
export function ensureSummaryTab(spreadsheet: Spreadsheet): void {
  const sheet = ensureSheet(spreadsheet, TAB.summary);
  if (sheet.getLastRow() === 0) {
    appendRows(sheet, [['Chưa có số liệu tổng hợp: chọn Hội LHPN › Tổng hợp ngay.']]);
  }
}
