import { personLabel } from '../domain/identity';
import { asCellText } from '../domain/text';
import { appendRows, ensureSheet, styleHeader, TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HEADER = [
  'Thời điểm',
  'Người thực hiện',
  'Hành động',
  'Trang / đơn vị',
  'Ô',
  'Giá trị cũ',
  'Giá trị mới',
];

export interface LogEntry {
  at: Date;
  user: string;
  action: string;
  place?: string;
  cell?: string;
  oldValue?: unknown;
  newValue?: unknown;
}

function cell(value: unknown): unknown {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? asCellText(value) : value;
}

export function ensureLogTab(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ensureSheet(spreadsheet, TAB.log);
  if (sheet.getLastRow() === 0) {
    appendRows(sheet, [HEADER]);
    styleHeader(sheet, HEADER.length);
  }
  return sheet;
}

/** Nhật ký only grows: entries are appended in one write. */
export function appendLog(spreadsheet: Spreadsheet, entries: LogEntry[]): void {
  if (entries.length === 0) return;
  appendRows(
    ensureLogTab(spreadsheet),
    entries.map((e) => [
      e.at,
      cell(personLabel(e.user)),
      cell(e.action),
      cell(e.place),
      cell(e.cell),
      cell(e.oldValue),
      cell(e.newValue),
    ]),
  );
}
