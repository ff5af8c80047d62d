import type { DataPoint } from '../domain/dataPoints';
import { personLabel } from '../domain/identity';
import { asCellText } from '../domain/text';
import type { SharedTabs } from './tabLook';
import { ensureHeader } from './tabLook';
import { appendRecords, readRecords, TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HEADER = ['Đơn vị', 'Kỳ', 'Mã chỉ tiêu', 'Giá trị', 'Thời điểm', 'Người thực hiện', 'Nguồn'];

export function ensureArchiveTab(spreadsheet: Spreadsheet, shared?: SharedTabs): void {
  ensureHeader(spreadsheet, TAB.archive, HEADER, shared);
}

/**
 * Lưu trữ is the long history every multi-year report reads; it only grows. A later row for the
 * same unit, period and indicator supersedes an earlier one (a correction after reopening).
 */
export function appendArchive(
  spreadsheet: Spreadsheet,
  points: DataPoint[],
  at: Date,
  by: string,
  source: string,
): void {
  appendRecords(
    spreadsheet,
    TAB.archive,
    HEADER,
    points.map((p) => [
      asCellText(p.unit),
      p.period,
      p.code,
      typeof p.value === 'string' ? asCellText(p.value) : p.value,
      at,
      asCellText(personLabel(by)),
      source,
    ]),
  );
}

/**
 * The latest archived value of every unit, period and indicator (a later row supersedes an earlier
 * one), optionally only for some periods. One read of the tab.
 */
export function readArchive(spreadsheet: Spreadsheet, periods?: ReadonlySet<string>): DataPoint[] {
  const latest = new Map<string, DataPoint>();
  for (const row of readRecords(spreadsheet.getSheetByName(TAB.archive))) {
    const point = { unit: String(row[0]).trim(), period: String(row[1]).trim(), code: String(row[2]).trim() };
    if (periods && !periods.has(point.period)) continue;
    const value = row[3];
    if (value === '' || value === null || value === undefined) continue;
    latest.set(`${point.unit}|${point.period}|${point.code}`, {
      ...point,
      value: typeof value === 'number' ? value : String(value),
    });
  }
  return [...latest.values()];
}
