/** A1 notation: "A1", "A1:C3", "A:C", "2:5", "A2:C", with an optional sheet name ("'Cấu hình'!A1"). */

export type RangeShape = 'cells' | 'columns' | 'rows';

/** A parsed reference; a missing end row or column means "to the end of the sheet". */
export interface A1Ref {
  sheetName: string | null;
  row: number;
  col: number;
  endRow: number | null;
  endCol: number | null;
  shape: RangeShape;
}

export function columnLetters(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;
const SHEET_PREFIX = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/;

/** Parses A1 notation; null when the text is not a reference (Google then says "Range not found"). */
export function parseA1(text: string): A1Ref | null {
  let sheetName: string | null = null;
  let ref = text.trim();
  const prefixed = SHEET_PREFIX.exec(ref);
  if (prefixed) {
    sheetName = prefixed[1] !== undefined ? prefixed[1].replace(/''/g, "'") : (prefixed[2] ?? null);
    ref = prefixed[3] ?? '';
  }
  const pieces = ref.split(':');
  if (pieces.length > 2) return null;
  const parts = pieces.map((p) => PART.exec(p));
  if (parts.some((p) => !p || (!p[1] && !p[2]))) return null;
  const [start, end] = parts as RegExpExecArray[];
  const startCol = start?.[1] ? columnNumber(start[1]) : null;
  const startRow = start?.[2] ? Number(start[2]) : null;
  if (!end) {
    // A single reference must be a cell ("A" or "2" alone is not a range).
    if (startCol === null || startRow === null || startRow < 1) return null;
    return { sheetName, row: startRow, col: startCol, endRow: startRow, endCol: startCol, shape: 'cells' };
  }
  const endCol = end[1] ? columnNumber(end[1]) : null;
  const endRow = end[2] ? Number(end[2]) : null;
  if (startRow === 0 || endRow === 0) return null;
  // Whole columns ("A:C") or whole rows ("2:5"): both ends must be of the same kind.
  if (startRow === null && endRow === null) {
    if (startCol === null || endCol === null) return null;
    return {
      sheetName,
      row: 1,
      col: Math.min(startCol, endCol),
      endRow: null,
      endCol: Math.max(startCol, endCol),
      shape: 'columns',
    };
  }
  if (startCol === null && endCol === null) {
    if (startRow === null || endRow === null) return null;
    return {
      sheetName,
      row: Math.min(startRow, endRow),
      col: 1,
      endRow: Math.max(startRow, endRow),
      endCol: null,
      shape: 'rows',
    };
  }
  if (startCol === null || startRow === null) return null;
  const bottom = endRow ?? null;
  const right = endCol ?? null;
  return {
    sheetName,
    row: bottom === null ? startRow : Math.min(startRow, bottom),
    col: right === null ? startCol : Math.min(startCol, right),
    endRow: bottom === null ? null : Math.max(startRow, bottom),
    endCol: right === null ? null : Math.max(startCol, right),
    shape: 'cells',
  };
}

export function a1Notation(
  row: number,
  col: number,
  numRows: number,
  numCols: number,
  shape: RangeShape,
): string {
  if (shape === 'columns') return `${columnLetters(col)}:${columnLetters(col + numCols - 1)}`;
  if (shape === 'rows') return `${row}:${row + numRows - 1}`;
  const start = `${columnLetters(col)}${row}`;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnLetters(col + numCols - 1)}${row + numRows - 1}`;
}
