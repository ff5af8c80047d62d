import { TARGET_HEADER, TARGET_TYPE_LABELS } from '../domain/targets';
import { asCellText } from '../domain/text';
import type { SharedTabs } from './tabLook';
import { giveLook } from './tabLook';
import { appendRows, ensureSheet, readAll, replaceContent, TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Creates Mục tiêu with its header; what admins typed in it is never touched. */
export function ensureTargetsTab(spreadsheet: Spreadsheet, shared?: SharedTabs): void {
  let fresh = shared?.startEmpty(TAB.targets, [[...TARGET_HEADER]]) ?? null;
  const sheet = fresh === null ? ensureSheet(spreadsheet, TAB.targets) : null;
  if (sheet && sheet.getLastRow() === 0) {
    appendRows(sheet, [[...TARGET_HEADER]]);
    fresh = true;
  }
  giveLook(
    sheet,
    TAB.targets,
    {
      ...(fresh ? { header: TARGET_HEADER.length } : {}),
      // Values stay as typed ("2%", "95-100"): the Vietnamese locale would turn "2%" into 0,02.
      numberFormats: [{ block: { row: 2, column: 6, columns: 3 }, pattern: '@' }],
      list: {
        block: { row: 2, column: 5 },
        values: Object.values(TARGET_TYPE_LABELS),
        help: 'Chọn loại chỉ tiêu trong danh sách.',
      },
    },
    shared,
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
