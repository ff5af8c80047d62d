import type { EmulatorContext } from '../../core/context';
import type { Cell, Rect, SheetData, SpreadsheetData } from './types';

/** Reading and reshaping the stored grid; every facade goes through these helpers. */

/** Text when a facade outlives its sheet. // unverified: confirm on a real account */
const SHEET_GONE = 'The sheet has been deleted.';

export function spreadsheetData(ctx: EmulatorContext, id: string): SpreadsheetData {
  const ss = ctx.state.spreadsheet.spreadsheets[id];
  if (!ss) throw new Error(`No emulated spreadsheet ${id}`);
  return ss;
}

export function sheetData(ctx: EmulatorContext, ss: SpreadsheetData, sheetId: number): SheetData {
  const sheet = ss.sheets.find((s) => s.id === sheetId);
  if (!sheet) throw ctx.fail(SHEET_GONE);
  return sheet;
}

export function cellAt(sheet: SheetData, row: number, col: number): Cell | undefined {
  return sheet.rows[row - 1]?.[col - 1] ?? undefined;
}

/** The cell, created when missing (rows and cells are allocated only when something is stored). */
export function cellFor(sheet: SheetData, row: number, col: number): Cell {
  while (sheet.rows.length < row) sheet.rows.push(null);
  const cells = (sheet.rows[row - 1] ??= []);
  while (cells.length < col) cells.push(null);
  return (cells[col - 1] ??= {});
}

export function hasContent(cell: Cell | null | undefined): boolean {
  return !!cell && (cell.v !== undefined || cell.f !== undefined);
}

/** Visits the stored cells of a block (cells never touched are skipped). */
export function forEachStoredCell(
  sheet: SheetData,
  rect: Rect,
  visit: (cell: Cell, row: number, col: number) => void,
): void {
  const lastRowIndex = Math.min(rect.row + rect.numRows - 1, sheet.rows.length);
  for (let r = rect.row; r <= lastRowIndex; r++) {
    const cells = sheet.rows[r - 1];
    if (!cells) continue;
    const lastColIndex = Math.min(rect.col + rect.numCols - 1, cells.length);
    for (let c = rect.col; c <= lastColIndex; c++) {
      const cell = cells[c - 1];
      if (cell) visit(cell, r, c);
    }
  }
}

export function lastRow(sheet: SheetData): number {
  for (let r = sheet.rows.length; r >= 1; r--) if (sheet.rows[r - 1]?.some(hasContent)) return r;
  return 0;
}

export function lastColumn(sheet: SheetData): number {
  let last = 0;
  for (const cells of sheet.rows) {
    if (!cells) continue;
    for (let c = cells.length; c > last; c--) {
      if (hasContent(cells[c - 1])) {
        last = c;
        break;
      }
    }
  }
  return last;
}

export function rectOf(sheet: SheetData): Rect {
  return { sheetId: sheet.id, row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
}

export function intersects(a: Rect, b: Rect): boolean {
  return (
    a.sheetId === b.sheetId &&
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.col < b.col + b.numCols &&
    b.col < a.col + a.numCols
  );
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    outer.sheetId === inner.sheetId &&
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.col + inner.numCols <= outer.col + outer.numCols
  );
}

/**
 * Moves what refers to rows (or columns) of a sheet when some are inserted (delta > 0, before
 * `at`) or deleted (delta < 0, from `at`): named ranges and protections follow their cells, and
 * vanish when all their cells are deleted.
 */
export function shiftReferences(
  ss: SpreadsheetData,
  sheetId: number,
  dim: 'row' | 'col',
  at: number,
  delta: number,
): void {
  const sizeKey = dim === 'row' ? 'numRows' : 'numCols';
  const shift = (rect: Rect): boolean => {
    if (rect.sheetId !== sheetId) return true;
    const start = rect[dim];
    const end = start + rect[sizeKey] - 1;
    let newStart: number;
    let newEnd: number;
    if (delta > 0) {
      newStart = start >= at ? start + delta : start;
      newEnd = end >= at ? end + delta : end;
    } else {
      const gone = -delta;
      const lastGone = at + gone - 1;
      newStart = start < at ? start : start > lastGone ? start - gone : at;
      newEnd = end < at ? end : end > lastGone ? end - gone : at - 1;
    }
    if (newEnd < newStart) return false;
    rect[dim] = newStart;
    rect[sizeKey] = newEnd - newStart + 1;
    return true;
  };
  ss.namedRanges = ss.namedRanges.filter((n) => shift(n.rect));
  ss.protections = ss.protections.filter((p) => {
    p.unprotected = p.unprotected.filter(shift);
    return p.type === 'SHEET' || shift(p.rect);
  });
  // Charts: their ranges like named ranges; the anchor cell moves with its row or column, and stays
  // at the first row (column) after a deleted one. // unverified: confirm on a real account
  for (const sheet of ss.sheets) {
    for (const chart of sheet.charts ?? []) {
      chart.ranges = chart.ranges.filter(shift);
      const anchor: Rect = {
        sheetId: sheet.id,
        row: chart.position.row,
        col: chart.position.col,
        numRows: 1,
        numCols: 1,
      };
      chart.position[dim] = shift(anchor) ? anchor[dim] : at;
    }
  }
}
