import { personLabel } from '../domain/identity';
import { asCellText } from '../domain/text';
import type { SharedTabs } from './tabLook';
import { ensureHeader } from './tabLook';
import { appendRecords, TAB } from './tabs';

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

/** Nhật ký with its header (setup). */
export function ensureLogTab(spreadsheet: Spreadsheet, shared?: SharedTabs): void {
  ensureHeader(spreadsheet, TAB.log, HEADER, shared);
}

/** Nhật ký only grows: entries are appended in one write. */
export function appendLog(spreadsheet: Spreadsheet, entries: LogEntry[]): void {
  appendRecords(
    spreadsheet,
    TAB.log,
    HEADER,
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
