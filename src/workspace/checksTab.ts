import { asCellText } from '../domain/text';
import type { SharedTabs } from './tabLook';
import { giveLook } from './tabLook';
import { ensureSheet, replaceContent, TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HEADER = ['Đơn vị', 'Kỳ', 'Mã quy tắc', 'Mức độ', 'Thông báo', 'Vế trái', 'Vế phải'];

export interface CheckRow {
  unit: string;
  period: string;
  ruleId: string;
  importance: 'error' | 'warning';
  message: string;
  left: number | null;
  right: number | null;
}

/** Kiểm tra holds the latest check of every unit, rewritten in one write. */
export function writeChecks(spreadsheet: Spreadsheet, rows: CheckRow[], shared?: SharedTabs): void {
  const sheet = shared?.sheet(TAB.checks) ?? ensureSheet(spreadsheet, TAB.checks);
  replaceContent(
    sheet,
    [
      HEADER,
      ...rows.map((r) => [
        asCellText(r.unit),
        r.period,
        asCellText(r.ruleId),
        r.importance === 'error' ? 'Lỗi' : 'Cảnh báo',
        asCellText(r.message),
        r.left ?? '',
        r.right ?? '',
      ]),
    ],
    shared?.known(TAB.checks),
  );
  giveLook(sheet, TAB.checks, { header: HEADER.length }, shared);
}
