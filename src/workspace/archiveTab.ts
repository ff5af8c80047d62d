import type { DataPoint } from '../domain/dataPoints';
import { asCellText } from '../domain/text';
import { appendRows, ensureSheet, styleHeader, TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HEADER = ['Đơn vị', 'Kỳ', 'Mã chỉ tiêu', 'Giá trị', 'Thời điểm', 'Người thực hiện', 'Nguồn'];

export function ensureArchiveTab(spreadsheet: Spreadsheet): void {
  const sheet = ensureSheet(spreadsheet, TAB.archive);
  if (sheet.getLastRow() === 0) {
    appendRows(sheet, [HEADER]);
    styleHeader(sheet, HEADER.length);
  }
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
  if (points.length === 0) return;
  ensureArchiveTab(spreadsheet);
  appendRows(
    ensureSheet(spreadsheet, TAB.archive),
    points.map((p) => [
      asCellText(p.unit),
      p.period,
      p.code,
      typeof p.value === 'string' ? asCellText(p.value) : p.value,
      at,
      asCellText(by || '(không xác định)'),
      source,
    ]),
  );
}
