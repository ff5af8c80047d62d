/**
 * Structure through the Advanced Sheets service (Sheets API v4): one read of the workbook's tabs,
 * grids and protections (with the values of the tabs asked for), request lists built from plain data,
 * and `batchUpdate` calls packed under the payload limit. Google applies each call all or nothing, so
 * a group of requests that closes what it opens (a protection replaced, a tab and its protections)
 * always travels in one call. SpreadsheetApp buffers its writes and the API does not see them, so
 * both entry points flush first.
 */
type Request = GoogleAppsScript.Sheets.Schema.Request;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Under the 2 MB payload the Sheets API recommends (https://developers.google.com/sheets/api/limits). */
const MAX_CALL_BYTES = 1_800_000;

export interface ProtectionInfo {
  id: number;
  /** A whole-tab protection (its range has no bounds). */
  sheet: boolean;
  description: string;
}

export interface TabInfo {
  sheetId: number;
  title: string;
  index: number;
  rows: number;
  columns: number;
  protections: ProtectionInfo[];
}

export interface WorkbookStructure {
  tabs: Map<string, TabInfo>;
  /** The values of the tabs asked for, as SpreadsheetApp reads them ('' for an empty cell). */
  values: Map<string, unknown[][]>;
  /** A sheetId no tab uses yet (and the ones after it). */
  nextSheetId: number;
}

const ids = new WeakMap<Spreadsheet, string>();

/** The spreadsheet's id, asked once per handle (a setup passes one handle to a dozen API calls). */
export function spreadsheetId(spreadsheet: Spreadsheet): string {
  let id = ids.get(spreadsheet);
  if (id === undefined) {
    id = spreadsheet.getId();
    ids.set(spreadsheet, id);
  }
  return id;
}

function spreadsheets(): GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection {
  // The manifest enables the service; a project copied without it fails here, not halfway.
  if (typeof Sheets === 'undefined' || !Sheets?.Spreadsheets)
    throw new Error('Dịch vụ Google Sheets API chưa được bật cho dự án (appsscript.json).');
  return Sheets.Spreadsheets;
}

/** A range naming a whole tab (quotes doubled, as A1 notation wants). */
export function tabRange(title: string, a1 = ''): string {
  return `'${title.replace(/'/g, "''")}'${a1 ? `!${a1}` : ''}`;
}

/**
 * A cell's value as SpreadsheetApp reads it, but a date or time as the text it shows: what is read
 * here is written back as it is, and a date would otherwise come back as its serial number.
 */
function plainValue(cell: GoogleAppsScript.Sheets.Schema.CellData | undefined): unknown {
  const value = cell?.effectiveValue;
  if (!value) return '';
  const type = cell?.userEnteredFormat?.numberFormat?.type;
  if ((type === 'DATE' || type === 'TIME' || type === 'DATE_TIME') && cell?.formattedValue)
    return cell.formattedValue;
  if (value.numberValue !== undefined && value.numberValue !== null) return value.numberValue;
  if (value.boolValue !== undefined && value.boolValue !== null) return value.boolValue;
  return value.stringValue ?? '';
}

/** A tab's info from the API's sheet resource. */
function tabInfo(sheet: GoogleAppsScript.Sheets.Schema.Sheet): TabInfo {
  const p = sheet.properties!;
  return {
    sheetId: p.sheetId ?? 0,
    title: p.title!,
    index: p.index ?? 0,
    rows: p.gridProperties?.rowCount ?? 0,
    columns: p.gridProperties?.columnCount ?? 0,
    protections: (sheet.protectedRanges ?? []).map((r) => ({
      id: r.protectedRangeId!,
      sheet:
        r.range?.startRowIndex == null &&
        r.range?.endRowIndex == null &&
        r.range?.startColumnIndex == null &&
        r.range?.endColumnIndex == null,
      description: r.description ?? '',
    })),
  };
}

/**
 * Every tab's id, position, grid and protections (one call), and the values of `valueTabs` that
 * exist, whole or only the rows or cells `a1` names ("1:10", or by tab), in one more call made only
 * when there are any.
 */
export function readStructure(
  spreadsheet: Spreadsheet,
  valueTabs: readonly string[] = [],
  a1: string | ((tab: string) => string) = '',
): WorkbookStructure {
  SpreadsheetApp.flush();
  const id = spreadsheetId(spreadsheet);
  const got = spreadsheets().get(id, {
    fields:
      'sheets(properties(sheetId,title,index,gridProperties(rowCount,columnCount)),' +
      'protectedRanges(protectedRangeId,range,description))',
  });
  const tabs = new Map((got.sheets ?? []).map((s) => [s.properties!.title!, tabInfo(s)]));
  const nextSheetId = Math.max(0, ...[...tabs.values()].map((t) => t.sheetId)) + 1;
  const values = new Map<string, unknown[][]>();
  const wanted = valueTabs.filter((t) => tabs.has(t));
  if (wanted.length > 0) {
    const data = spreadsheets().get(id, {
      ranges: wanted.map((t) => tabRange(t, typeof a1 === 'string' ? a1 : a1(t))),
      fields:
        'sheets(properties.title,data.rowData.values(effectiveValue,formattedValue,userEnteredFormat.numberFormat.type))',
    });
    for (const sheet of data.sheets ?? []) {
      const rows = (sheet.data?.[0]?.rowData ?? []).map((row) => (row.values ?? []).map(plainValue));
      const width = Math.max(0, ...rows.map((r) => r.length));
      values.set(
        sheet.properties!.title!,
        rows.map((r) => [...r, ...Array<unknown>(width - r.length).fill('')]),
      );
    }
  }
  return { tabs, values, nextSheetId };
}

/** UTF-8 bytes of a text (what the payload limit counts); V8 in Apps Script has no TextEncoder. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Applies the groups in order, as few calls as the payload allows: a group never spans two calls, so
 * what it changes is all there or none of it is.
 */
export function applyGroups(spreadsheet: Spreadsheet, groups: ReadonlyArray<readonly Request[]>): void {
  const calls: Request[][] = [];
  let current: Request[] = [];
  let bytes = 0;
  for (const group of groups) {
    if (group.length === 0) continue;
    const size = utf8Bytes(JSON.stringify(group));
    if (size > MAX_CALL_BYTES) throw new Error(`Một thay đổi quá lớn để gửi trong một lần (${size} byte).`);
    if (bytes + size > MAX_CALL_BYTES && current.length > 0) {
      calls.push(current);
      current = [];
      bytes = 0;
    }
    current.push(...group);
    bytes += size;
  }
  if (current.length > 0) calls.push(current);
  if (calls.length === 0) return;
  SpreadsheetApp.flush();
  const id = spreadsheetId(spreadsheet);
  // A refused call changes nothing; Google's text goes up to the job's boundary (lock.ts), which
  // keeps it in Nhật ký and tells the person what to do.
  for (const requests of calls) spreadsheets().batchUpdate({ requests }, id);
}

/** A colour as the API takes it (0–1 floats), from #rrggbb; four decimals round-trip every byte. */
export function apiColor(hex: string): GoogleAppsScript.Sheets.Schema.Color {
  const part = (i: number) => Math.round((parseInt(hex.slice(i, i + 2), 16) / 255) * 10000) / 10000;
  return { red: part(1), green: part(3), blue: part(5) };
}

/**
 * A cell value as the API stores it without parsing: text stays text (a leading apostrophe, which
 * SpreadsheetApp needs to keep "=…" as text, is dropped), numbers and booleans as they are.
 */
export function apiValue(value: unknown): GoogleAppsScript.Sheets.Schema.ExtendedValue | undefined {
  if (value === '' || value === null || value === undefined) return undefined;
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  const text = String(value);
  return { stringValue: text.startsWith("'") ? text.slice(1) : text };
}

/** The grid of a tab, `rows` × `columns`, with its frozen rows and columns. */
export function gridRequest(
  sheetId: number,
  rows: number,
  columns: number,
  frozenRows: number,
  frozenColumns: number,
): Request {
  return {
    updateSheetProperties: {
      properties: {
        sheetId,
        gridProperties: {
          rowCount: rows,
          columnCount: columns,
          frozenRowCount: frozenRows,
          frozenColumnCount: frozenColumns,
        },
      },
      fields: 'gridProperties(rowCount,columnCount,frozenRowCount,frozenColumnCount)',
    },
  };
}

export function columnWidthRequest(sheetId: number, column: number, count: number, pixels: number): Request {
  return {
    updateDimensionProperties: {
      range: { sheetId, dimension: 'COLUMNS', startIndex: column - 1, endIndex: column - 1 + count },
      properties: { pixelSize: pixels },
      fields: 'pixelSize',
    },
  };
}

/** Cell fields a tab's block replaces: content, look, note and rule together. */
export const CELL_FIELDS =
  'userEnteredValue,userEnteredFormat(backgroundColor,textFormat.bold,numberFormat,wrapStrategy),note,dataValidation';

/** Writes `rows` from A1 of the tab over exactly that block (cells the rows leave out are cleared). */
export function cellsRequest(sheetId: number, rows: CellData[][], width: number): Request {
  return {
    updateCells: {
      range: {
        sheetId,
        startRowIndex: 0,
        endRowIndex: rows.length,
        startColumnIndex: 0,
        endColumnIndex: width,
      },
      rows: rows.map((values) => ({ values })),
      fields: CELL_FIELDS,
    },
  };
}
