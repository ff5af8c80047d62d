import { asCellText } from '../domain/text';
import type { SharedTabs } from './tabLook';
import { giveLook } from './tabLook';
import { ensureSheet, readRecords, replaceContent, TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A unit's submission of a quarter: the source of truth for "submitted" and for timeliness. */
export interface Submission {
  unit: string;
  quarter: number;
  at: Date;
  by: string;
}

export interface ProgressRow {
  unit: string;
  unitName: string;
  cells: Array<{ at: Date | ''; by: string; state: string }>;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const COLUMNS_PER_QUARTER = 3;

function header(year: number): string[] {
  return [
    'Mã',
    'Đơn vị',
    ...ROMAN.flatMap((r) => [
      `Quý ${r}/${year}: ngày nộp`,
      `Quý ${r}/${year}: người nộp`,
      `Quý ${r}/${year}: tình trạng`,
    ]),
  ];
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The submissions recorded in Tiến độ. */
export function readSubmissions(spreadsheet: Spreadsheet, shared?: SharedTabs): Submission[] {
  // Setup's read shows a Tiến độ with no row (a new workbook, a new year): nothing to ask. Its dates
  // come from SpreadsheetApp otherwise, which reads them as dates in the spreadsheet's time zone.
  if (shared?.holdsRows(TAB.progress) === false) return [];
  const submissions: Submission[] = [];
  const sheet = shared ? shared.sheet(TAB.progress) : spreadsheet.getSheetByName(TAB.progress);
  for (const row of readRecords(sheet)) {
    const unit = String(row[0]).trim();
    for (let q = 1; q <= 4; q++) {
      const at = row[2 + (q - 1) * COLUMNS_PER_QUARTER];
      if (isDate(at))
        submissions.push({ unit, quarter: q, at, by: String(row[3 + (q - 1) * COLUMNS_PER_QUARTER] ?? '') });
    }
  }
  return submissions;
}

/** Rewrites Tiến độ in one write: one row per unit, then the completeness of each quarter. */
export function writeProgress(
  spreadsheet: Spreadsheet,
  year: number,
  rows: ProgressRow[],
  totals: string[],
  shared?: SharedTabs,
): void {
  const sheet = shared?.sheet(TAB.progress) ?? ensureSheet(spreadsheet, TAB.progress);
  const head = header(year);
  replaceContent(
    sheet,
    [
      head,
      ...rows.map((r) => [
        asCellText(r.unit),
        asCellText(r.unitName),
        ...r.cells.flatMap((c) => [c.at, asCellText(c.by), c.state]),
      ]),
      ['', 'Tổng hợp', ...totals.flatMap((t) => ['', '', t])],
    ],
    shared?.known(TAB.progress),
  );
  giveLook(
    sheet,
    TAB.progress,
    {
      header: head.length,
      frozenColumns: 2,
      ...(rows.length > 0
        ? {
            numberFormats: [
              {
                block: { row: 2, column: 3, rows: rows.length, columns: head.length - 2 },
                pattern: 'dd/MM/yyyy HH:mm',
              },
            ],
          }
        : {}),
    },
    shared,
  );
}

/**
 * A new year starts with no submission: the request that empties Tiến độ below its header (its
 * values as read whole, `values`), for the new year's clearing call; none when it holds no row.
 */
export function clearSubmissionsRequest(
  sheetId: number,
  values: readonly unknown[][],
): GoogleAppsScript.Sheets.Schema.Request[] {
  if (values.length < 2) return [];
  return [
    {
      repeatCell: {
        range: {
          sheetId,
          startRowIndex: 1,
          endRowIndex: values.length,
          startColumnIndex: 0,
          endColumnIndex: values[0]!.length,
        },
        cell: {},
        fields: 'userEnteredValue',
      },
    },
  ];
}
