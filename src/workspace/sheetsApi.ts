/**
 * Reads through the Sheets API (the Advanced Sheets service, enabled in appsscript.json): many
 * ranges of the bound spreadsheet in one call, where SpreadsheetApp needs one call per range
 * (docs/architecture.md §8). The Sheets API limits page counts "each batch request, including any
 * subrequest" as one request.
 */

import { spreadsheetId, tabRange } from './sheetsBatch';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A1 of whole columns from A to the `width`-th column of a tab, its name quoted for the API. */
export function tabColumns(tabName: string, width: number): string {
  return `'${tabName.replace(/'/g, "''")}'!A:${String.fromCharCode(64 + width)}`;
}

/**
 * The values of `ranges` (each of whole columns from row 1, e.g. tabColumns(…)), as getValues gives
 * them over the rows that hold anything: a row per sheet row, `width` cells each, '' where empty.
 * Numbers, text and booleans as stored, formulas by their result; a date cell comes as its serial
 * number (getValues would give a Date), which no reader of these ranges expects. The API leaves out
 * empty trailing rows and cells; they are filled back here.
 *
 * Writes made through SpreadsheetApp earlier in the same execution are flushed first: the API reads
 * what the spreadsheet has stored, not Apps Script's write cache (SpreadsheetApp.flush reference:
 * "Applies all pending Spreadsheet changes").
 */
export function readColumnBlocks(spreadsheet: Spreadsheet, ranges: string[], width: number): unknown[][][] {
  if (ranges.length === 0) return [];
  const api = Sheets;
  if (!api) throw new Error('Dịch vụ Google Sheets API chưa được bật cho dự án Apps Script này.');
  SpreadsheetApp.flush();
  const response = api.Spreadsheets.Values.batchGet(spreadsheetId(spreadsheet), {
    ranges,
    valueRenderOption: 'UNFORMATTED_VALUE',
    dateTimeRenderOption: 'SERIAL_NUMBER',
    majorDimension: 'ROWS',
  });
  return (response.valueRanges ?? []).map((range) =>
    (range.values ?? []).map((row: unknown[]) => {
      const full = row.slice(0, width);
      while (full.length < width) full.push('');
      return full;
    }),
  );
}

/** A column's letters in A1 notation (1 → A, 27 → AA). */
function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A cell to write: its tab, 1-based row and column, and a number, text or boolean. */
export interface CellWrite {
  tab: string;
  row: number;
  column: number;
  value: number | string | boolean;
}

/**
 * Writes single cells of many tabs in one call (writeRanges), and nothing else: the cells around
 * them are not read back and rewritten. Values are stored as they are (RAW: text is never parsed, so
 * it needs no leading apostrophe), or read as if typed (USER_ENTERED, as Range.setValue does).
 */
export function writeCells(
  spreadsheet: Spreadsheet,
  cells: readonly CellWrite[],
  input: 'RAW' | 'USER_ENTERED' = 'RAW',
): void {
  writeRanges(
    spreadsheet,
    cells.map((c) => ({
      range: tabRange(c.tab, `${columnLetters(c.column)}${c.row}`),
      values: [[typeof c.value === 'string' ? c.value.normalize('NFC') : c.value]],
    })),
    input,
  );
}

/**
 * Writes blocks of many tabs from A1, in one call: values read as if typed (USER_ENTERED, as
 * Range.setValues reads them: a leading apostrophe keeps text as text), '' empties a cell.
 */
export function writeBlocks(
  spreadsheet: Spreadsheet,
  blocks: ReadonlyArray<{ tab: string; rows: unknown[][] }>,
): void {
  writeRanges(
    spreadsheet,
    blocks.map(({ tab, rows }) => ({
      range: tabRange(tab, `A1:${columnLetters(Math.max(1, ...rows.map((r) => r.length)))}${rows.length}`),
      values: rows,
    })),
    'USER_ENTERED',
  );
}

/**
 * One `spreadsheets.values.batchUpdate`, which Google applies all or nothing. SpreadsheetApp's
 * pending writes are flushed first, so they land before these.
 */
function writeRanges(
  spreadsheet: Spreadsheet,
  data: Array<{ range: string; values: unknown[][] }>,
  valueInputOption: 'RAW' | 'USER_ENTERED',
): void {
  if (data.length === 0) return;
  const api = Sheets;
  if (!api) throw new Error('Dịch vụ Google Sheets API chưa được bật cho dự án Apps Script này.');
  SpreadsheetApp.flush();
  api.Spreadsheets.Values.batchUpdate({ valueInputOption, data }, spreadsheetId(spreadsheet));
}
