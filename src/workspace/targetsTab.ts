import { TARGET_HEADER, TARGET_TYPE_LABELS } from '../domain/targets';
import { asCellText } from '../domain/text';
import { appendRows, ensureSheet, readAll, replaceContent, styleHeader, TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Creates Mục tiêu with its header; what admins typed in it is never touched. */
export function ensureTargetsTab(spreadsheet: Spreadsheet): void {
  const sheet = ensureSheet(spreadsheet, TAB.targets);
  if (sheet.getLastRow() === 0) {
    appendRows(sheet, [[...TARGET_HEADER]]);
    styleHeader(sheet, TARGET_HEADER.length);
  }
  // Values stay as typed ("2%", "95-100"): the Vietnamese locale would turn "2%" into 0,02.
  sheet.getRange(2, 6, sheet.getMaxRows() - 1, 3).setNumberFormat('@');
  sheet
    .getRange(2, 5, sheet.getMaxRows() - 1, 1)
    .setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList(Object.values(TARGET_TYPE_LABELS), true)
        .setHelpText('Chọn loại chỉ tiêu trong danh sách.')
        .build(),
    );
}

/** Everything typed in Mục tiêu, header included (one read). */
export function readTargetRows(spreadsheet: Spreadsheet): unknown[][] {
  const sheet = spreadsheet.getSheetByName(TAB.targets);
  return sheet ? readAll(sheet) : [];
}

/** Mục tiêu rewritten whole in one write (a targets file, all or nothing); typed text stays text. */
export function writeTargetRows(spreadsheet: Spreadsheet, rows: unknown[][]): void {
  replaceContent(
    ensureSheet(spreadsheet, TAB.targets),
    rows.map((row) => row.map((cell) => (typeof cell === 'string' ? asCellText(cell) : cell))),
  );
}
