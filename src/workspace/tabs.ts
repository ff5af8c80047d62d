import { applyLook } from './tabLook';

/** Tab names of the workbook (docs/architecture.md §5). Users see them, so they are Vietnamese. */
export const TAB = {
  guide: 'Hướng dẫn',
  config: 'Cấu hình',
  units: 'Đơn vị',
  catalogue: 'Chỉ tiêu',
  targets: 'Mục tiêu',
  rules: 'Quy tắc kiểm tra',
  summary: 'Tổng hợp',
  progress: 'Tiến độ',
  checks: 'Kiểm tra',
  archive: 'Lưu trữ',
  log: 'Nhật ký',
  tags: 'Danh sách thẻ',
} as const;

/** Tabs that people edit (admins only) and whose every change is logged. */
export const AUDITED_TABS: readonly string[] = [TAB.config, TAB.units, TAB.catalogue, TAB.targets];

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The Sheet this script is bound to. */
export function activeSpreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/**
 * The tab, created when it does not exist yet: before `before` when that tab exists (unit tabs go
 * ahead of the records tabs), else at the end.
 */
export function ensureSheet(spreadsheet: Spreadsheet, name: string, before?: string): Sheet {
  const existing = spreadsheet.getSheetByName(name);
  if (existing) return existing;
  const anchor = before ? spreadsheet.getSheetByName(before) : null;
  return spreadsheet.insertSheet(name, anchor ? anchor.getIndex() - 1 : spreadsheet.getSheets().length);
}

/** Everything typed in a tab (two calls: its data range and its values), or [] for an empty tab. */
export function readAll(sheet: Sheet): unknown[][] {
  // An empty tab's data range is A1 alone, holding ''.
  const values = sheet.getDataRange().getValues();
  return values.length === 1 && values[0]!.length === 1 && values[0]![0] === '' ? [] : values;
}

/** The data rows of a record tab (below the header) that have a key in column A; [] without the tab. */
export function readRecords(sheet: Sheet | null): unknown[][] {
  return sheet ? recordsOf(readAll(sheet)) : [];
}

/** The rows below the header that have a key in column A. */
export function recordsOf(values: unknown[][]): unknown[][] {
  return values.slice(1).filter((row) => String(row[0] ?? '').trim() !== '');
}

/** A checkbox or a yes typed by hand ("x", "có", TRUE). */
export function isTicked(value: unknown): boolean {
  return value === true || /^(true|x|có)$/i.test(String(value ?? '').trim());
}

/**
 * Grows the grid so a write of `rows` × `columns` from A1 fits: a new tab has 1000 rows and 26
 * columns, and writing past them is an error. Lưu trữ alone passes 1000 rows in a year.
 */
export function ensureGrid(sheet: Sheet, rows: number, columns: number, known?: TabExtent | null): void {
  const maxRows = known ? known.rows : sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = known ? known.columns : sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** A tab's grid and the extent of what it holds, when already known (setup's SharedTabs). */
export interface TabExtent {
  rows: number;
  columns: number;
  lastRow: number;
  lastColumn: number;
  /** Takes a block from A1 to write later with other tabs' in one call; false when it cannot. */
  defer?: (rows: unknown[][]) => boolean;
}

function pad(rows: unknown[][], width: number): unknown[][] {
  return rows.map((r) => [...r, ...Array<unknown>(Math.max(0, width - r.length)).fill('')]);
}

/** Writes a block of rows from A1 in one call; rows are padded to the widest. */
export function writeBlock(sheet: Sheet, rows: unknown[][]): void {
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r.length));
  ensureGrid(sheet, rows.length, width);
  sheet.getRange(1, 1, rows.length, width).setValues(pad(rows, width));
}

/**
 * Replaces a tab's content with `rows` in one write (and four reads of its size, unless known), clearing what the old content had beyond it,
 * so a shorter table never leaves stale rows behind. Setup's tabs may defer the write (TabExtent).
 */
export function replaceContent(sheet: Sheet, rows: unknown[][], known?: TabExtent | null): void {
  const width = Math.max(1, ...rows.map((r) => r.length), known ? known.lastColumn : sheet.getLastColumn());
  const height = Math.max(rows.length, known ? known.lastRow : sheet.getLastRow());
  if (height === 0) return;
  const padded = pad(rows, width);
  while (padded.length < height) padded.push(Array<unknown>(width).fill(''));
  if (known?.defer && height <= known.rows && width <= known.columns && known.defer(padded)) return;
  ensureGrid(sheet, height, width, known);
  sheet.getRange(1, 1, height, width).setValues(padded);
}

/** Appends rows after the last one (`lastRow`, when already read) in one write. */
export function appendRows(sheet: Sheet, rows: unknown[][], lastRow = sheet.getLastRow()): void {
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r.length));
  const first = lastRow + 1;
  ensureGrid(sheet, first + rows.length - 1, width);
  sheet.getRange(first, 1, rows.length, width).setValues(pad(rows, width));
}

/** A header row: bold, grey, frozen. */
export function styleHeader(sheet: Sheet, width: number): void {
  applyLook(sheet, { header: width });
}

/**
 * Appends rows to a record tab that only grows (Lưu trữ, Nhật ký), made with its header when it is
 * missing or empty: one read of where it ends, one write.
 */
export function appendRecords(
  spreadsheet: Spreadsheet,
  name: string,
  header: readonly string[],
  rows: unknown[][],
): void {
  if (rows.length === 0) return;
  const sheet = ensureSheet(spreadsheet, name);
  const last = sheet.getLastRow();
  appendRows(sheet, last === 0 ? [[...header], ...rows] : rows, last);
  if (last === 0) styleHeader(sheet, header.length);
}

/** Names Google gives the first tab of a new Sheet, depending on the account's language. */
export const DEFAULT_TAB_NAMES = ['Trang tính1', 'Sheet1'];

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
