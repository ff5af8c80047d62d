/**
 * `Sheets.Spreadsheets.Values` of the Advanced Sheets service (the Sheets API v4 `spreadsheets.values`
 * resource, called from Apps Script): `get`, `batchGet` and `batchUpdate`, over the same emulated
 * spreadsheets SpreadsheetApp uses (services/sheets/). Sources, unless a line says otherwise:
 * - the REST reference, https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values
 *   (ValueRange: "For output, this range indicates the entire requested range, even though the values
 *   will exclude trailing rows and columns"; "For output, empty trailing rows and columns will not be
 *   included. For input, supported value types are: bool, string, and double. Null values will be
 *   skipped. To set a cell to an empty value, set the string value to an empty string.");
 * - ValueRenderOption, DateTimeRenderOption and ValueInputOption
 *   (https://developers.google.com/sheets/api/reference/rest/v4/ValueRenderOption and siblings);
 * - the advanced service's signatures (https://developers.google.com/apps-script/advanced/sheets):
 *   `batchGet(spreadsheetId, optionalArgs)`, `get(spreadsheetId, range, optionalArgs)`,
 *   `batchUpdate(resource, spreadsheetId)`;
 * - its error text, "API call to sheets.spreadsheets.values.batchGet failed with error: Unable to parse
 *   range: …", seen in public production code (the REST message after Apps Script's prefix).
 * Anything else the methods accept throws `Not emulated`.
 */
import { apiFail, openForCall } from './access';
import type { EmulatorContext } from '../../core/context';
import { Emulated, isDate } from '../../core/context';
import type { A1Ref } from '../sheets/a1';
import { columnLetters, parseA1 } from '../sheets/a1';
import { assertCellText } from '../sheets/limits';
import { conventionsOf } from '../sheets/locales';
import { cellAt } from '../sheets/model';
import { assertScriptCanEdit } from '../sheets/protection';
import type { Cell, SheetData, SpreadsheetData } from '../sheets/types';
import { displayValue, isDateFormat } from '../sheets/values';
import type { Content } from '../sheets/writes';
import {
  assertScriptWriteValid,
  contentValue,
  inputContext,
  prepareInput,
  storeContent,
} from '../sheets/writes';

type Method = 'get' | 'batchGet' | 'batchUpdate';
type Render = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
type DateRender = 'SERIAL_NUMBER' | 'FORMATTED_STRING';
type Dimension = 'ROWS' | 'COLUMNS';

const RENDERS: readonly Render[] = ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'];
const DATE_RENDERS: readonly DateRender[] = ['SERIAL_NUMBER', 'FORMATTED_STRING'];
/** DIMENSION_UNSPECIFIED is the enum's default member; the API then answers in rows. */
const DIMENSIONS = ['ROWS', 'COLUMNS', 'DIMENSION_UNSPECIFIED'] as const;

export interface ValueRange {
  range: string;
  majorDimension: Dimension;
  values?: unknown[][];
}

/** A range of the request resolved on its sheet: 1-based, inclusive, inside the grid. */
interface Block {
  sheet: SheetData;
  row: number;
  col: number;
  lastRow: number;
  lastCol: number;
}

/** Apps Script's prefix before the API's own message. */
/**
 * A sheet name as the API writes it in a returned range: quoted unless it is a plain word.
 * // unverified: which names Google leaves unquoted (spaces and non-ASCII letters are quoted here)
 */
export function sheetPrefix(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

function blockA1(block: Block): string {
  const start = `${columnLetters(block.col)}${block.row}`;
  const end = `${columnLetters(block.lastCol)}${block.lastRow}`;
  return `${sheetPrefix(block.sheet.name)}${start === end ? start : `${start}:${end}`}`;
}

/** An enum argument, with the REST API's text for a value it does not know. // unverified: the wording */
function enumArg<T extends string>(
  ctx: EmulatorContext,
  method: Method,
  field: string,
  type: string,
  allowed: readonly T[],
  value: unknown,
  fallback: T,
): T {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw apiFail(
    ctx,
    `values.${method}`,
    `Invalid value at '${field}' (type.googleapis.com/google.apps.sheets.v4.${type}), "${String(value)}"`,
  );
}

/**
 * Keys of an optional-arguments object the method takes; an unknown one is a query parameter the API
 * cannot bind (the REST text; // unverified: as the advanced service reports it).
 */
function checkKeys(ctx: EmulatorContext, method: Method, args: object, known: readonly string[]): void {
  for (const key of Object.keys(args)) {
    if (!known.includes(key))
      throw apiFail(
        ctx,
        `values.${method}`,
        `Invalid JSON payload received. Unknown name "${key}": Cannot bind query parameter. Field '${key}' could not be found in request message.`,
      );
  }
}

export class ValuesCollectionImpl extends Emulated {
  constructor(ctx: EmulatorContext) {
    super(ctx, 'Sheets.Spreadsheets.Values');
  }

  /** The spreadsheet, if the effective user may read it (and write it, when `write`). */
  _spreadsheet(method: Method, spreadsheetId: unknown, write: boolean): SpreadsheetData {
    const ctx = this._ctx;
    if (typeof spreadsheetId !== 'string' || spreadsheetId === '')
      throw ctx.fail(`Not emulated: Sheets.Spreadsheets.Values.${method} without a spreadsheet id`);
    return openForCall(ctx, `values.${method}`, spreadsheetId, write);
  }

  /**
   * A range of the request: "Sheet1!A1:B2", "'Tổng hợp'!A:H", a sheet's name alone (the whole sheet),
   * or A1 notation without a sheet ("the first visible sheet", Sheets API concepts guide,
   * https://developers.google.com/sheets/api/guides/concepts#cell). Anything else: "Unable to parse range".
   */
  _resolve(method: Method, ss: SpreadsheetData, text: unknown): { block: Block; ref: A1Ref | null } {
    const ctx = this._ctx;
    if (typeof text !== 'string')
      throw apiFail(ctx, `values.${method}`, `Unable to parse range: ${String(text)}`);
    // A sheet's name alone, quoted or not (a quoted one may hold "!").
    const quoted = /^'((?:[^']|'')+)'$/.exec(text.trim());
    const wholeName = quoted ? quoted[1]!.replace(/''/g, "'") : text.includes('!') ? null : text.trim();
    const whole = wholeName === null ? undefined : ss.sheets.find((s) => s.name === wholeName);
    if (whole)
      return {
        block: { sheet: whole, row: 1, col: 1, lastRow: whole.maxRows, lastCol: whole.maxCols },
        ref: null,
      };
    if (/^(?:.*!)?R\d*C\d*/i.test(text.trim()) && !parseA1(text))
      throw ctx.fail('Not emulated: R1C1 notation in the Sheets API');
    const ref = parseA1(text);
    const sheet = ref
      ? ref.sheetName === null
        ? ss.sheets.find((s) => !s.hidden)
        : ss.sheets.find((s) => s.name === ref.sheetName)
      : undefined;
    // Named ranges are ranges too in the API; not used here.
    if (!ref && ss.namedRanges.some((n) => n.name === text.trim()))
      throw ctx.fail('Not emulated: named ranges in the Sheets API');
    if (!ref || !sheet) throw apiFail(ctx, `values.${method}`, `Unable to parse range: ${text}`);
    const block: Block = {
      sheet,
      row: ref.row,
      col: ref.col,
      lastRow: ref.endRow ?? sheet.maxRows,
      lastCol: ref.endCol ?? sheet.maxCols,
    };
    this._checkGrid(method, block, text);
    return { block, ref };
  }

  /**
   * A range past the sheet's grid is refused, with the text the API gives for writes.
   * // unverified: whether reads are refused too or clipped to the grid (the stricter reading)
   */
  _checkGrid(method: Method, block: Block, text: string): void {
    if (block.lastRow > block.sheet.maxRows || block.lastCol > block.sheet.maxCols)
      throw apiFail(
        this._ctx,
        `values.${method}`,
        `Range (${text}) exceeds grid limits. Max rows: ${block.sheet.maxRows}, max columns: ${block.sheet.maxCols}`,
      );
  }

  /** One range read: cells rendered as asked, empty trailing rows and columns left out. */
  _read(
    ss: SpreadsheetData,
    block: Block,
    render: Render,
    dates: DateRender,
    dimension: Dimension,
  ): ValueRange {
    const ctx = this._ctx;
    const { sheet } = block;
    const locale = conventionsOf(ss.locale);
    const show = (cell: Cell | undefined, row: number, col: number): unknown => {
      if (render === 'FORMULA' && cell?.f !== undefined) return cell.f;
      const value = contentValue(ctx, ss, sheet, row, col, cell);
      if (value === undefined) return '';
      const formatted = () => displayValue(value, cell?.numberFormat, ctx.fail, locale);
      if (render === 'FORMATTED_VALUE') return formatted();
      // Dates are serial numbers in the sheet; FORMATTED_STRING shows them in their format.
      if (dates === 'FORMATTED_STRING' && typeof value === 'number' && isDateFormat(cell?.numberFormat))
        return formatted();
      return value;
    };
    // Only stored rows can hold anything: rows past the last stored one are empty.
    const lastStored = Math.min(block.lastRow, sheet.rows.length);
    const grid: unknown[][] = [];
    for (let r = block.row; r <= lastStored; r++) {
      const line: unknown[] = [];
      const stored = sheet.rows[r - 1]?.length ?? 0;
      for (let c = block.col; c <= Math.min(block.lastCol, stored); c++)
        line.push(show(cellAt(sheet, r, c) ?? undefined, r, c));
      grid.push(line);
    }
    const major = dimension === 'COLUMNS' ? transpose(grid) : grid;
    const values = trimTrailing(major);
    this._ctx.noteCells(values.reduce((n, line) => n + line.length, 0));
    const out: ValueRange = { range: blockA1(block), majorDimension: dimension };
    if (values.length > 0) out.values = values;
    return out;
  }

  _readArgs(method: Method, args: unknown): { render: Render; dates: DateRender; dimension: Dimension } {
    const ctx = this._ctx;
    const options = (args ?? {}) as Record<string, unknown>;
    const dimension = enumArg(
      ctx,
      method,
      'major_dimension',
      'Dimension',
      DIMENSIONS,
      options.majorDimension,
      'ROWS',
    );
    return {
      render: enumArg(
        ctx,
        method,
        'value_render_option',
        'ValueRenderOption',
        RENDERS,
        options.valueRenderOption,
        'FORMATTED_VALUE',
      ),
      dates: enumArg(
        ctx,
        method,
        'date_time_render_option',
        'DateTimeRenderOption',
        DATE_RENDERS,
        options.dateTimeRenderOption,
        'SERIAL_NUMBER',
      ),
      dimension: dimension === 'COLUMNS' ? 'COLUMNS' : 'ROWS',
    };
  }

  /** Values of one range (`spreadsheets.values.get`). */
  get(spreadsheetId: string, range: string, optionalArgs?: Record<string, unknown>): ValueRange {
    const ss = this._spreadsheet('get', spreadsheetId, false);
    checkKeys(this._ctx, 'get', optionalArgs ?? {}, [
      'majorDimension',
      'valueRenderOption',
      'dateTimeRenderOption',
    ]);
    const { render, dates, dimension } = this._readArgs('get', optionalArgs);
    const { block } = this._resolve('get', ss, range);
    return this._read(ss, block, render, dates, dimension);
  }

  /**
   * Values of several ranges in one call (`spreadsheets.values.batchGet`): one ValueRange per range,
   * in the order asked. A range that does not resolve fails the whole call.
   */
  batchGet(
    spreadsheetId: string,
    optionalArgs?: Record<string, unknown>,
  ): { spreadsheetId: string; valueRanges: ValueRange[] } {
    const ctx = this._ctx;
    const ss = this._spreadsheet('batchGet', spreadsheetId, false);
    const options = optionalArgs ?? {};
    checkKeys(ctx, 'batchGet', options, [
      'ranges',
      'majorDimension',
      'valueRenderOption',
      'dateTimeRenderOption',
    ]);
    const { render, dates, dimension } = this._readArgs('batchGet', options);
    // A repeated query parameter: a list, or one string.
    const ranges = typeof options.ranges === 'string' ? [options.ranges] : options.ranges;
    // "The caller must specify the spreadsheet ID and one or more ranges."
    if (!Array.isArray(ranges) || ranges.length === 0)
      throw ctx.fail('Not emulated: Sheets.Spreadsheets.Values.batchGet without ranges');
    const blocks = ranges.map((range: unknown) => this._resolve('batchGet', ss, range).block);
    return {
      spreadsheetId: ss.id,
      valueRanges: blocks.map((block) => this._read(ss, block, render, dates, dimension)),
    };
  }

  /**
   * Writes several ranges in one call (`spreadsheets.values.batchUpdate`), all or nothing ("Requests
   * are atomic", https://developers.google.com/sheets/api/limits). RAW stores strings as they are;
   * USER_ENTERED parses them "as if the user typed them into the UI", in the spreadsheet's locale,
   * like a SpreadsheetApp write (services/sheets/writes.ts). Protections bind the effective user as
   * they bind SpreadsheetApp (the owner and the protection's editors may write); a rule that rejects
   * invalid input refuses the write with the text SpreadsheetApp gives
   * (// unverified: whether the API enforces validation at all; the stricter reading).
   */
  batchUpdate(resource: Record<string, unknown>, spreadsheetId: string): Record<string, unknown> {
    const ctx = this._ctx;
    const method: Method = 'batchUpdate';
    const ss = this._spreadsheet(method, spreadsheetId, true);
    if (!resource || typeof resource !== 'object')
      throw ctx.fail('Not emulated: Sheets.Spreadsheets.Values.batchUpdate without a request body');
    for (const key of Object.keys(resource)) {
      if (key !== 'valueInputOption' && key !== 'data')
        throw ctx.fail(`Not emulated: Sheets.Spreadsheets.Values.batchUpdate with ${key}`);
    }
    // // unverified: the REST text for a missing valueInputOption
    if (resource.valueInputOption === undefined || resource.valueInputOption === null)
      throw apiFail(ctx, `values.${method}`, "'valueInputOption' is required but not specified");
    const input = enumArg(
      ctx,
      method,
      'value_input_option',
      'ValueInputOption',
      ['RAW', 'USER_ENTERED'] as const,
      resource.valueInputOption,
      'RAW',
    );
    const data = resource.data ?? [];
    if (!Array.isArray(data))
      throw ctx.fail('Not emulated: Sheets.Spreadsheets.Values.batchUpdate data that is not a list');
    const reading = inputContext(ctx, ss);

    // Everything checked first: a failed call changes nothing.
    const planned = data.map((item: unknown, index: number) => {
      if (!item || typeof item !== 'object')
        throw apiFail(ctx, `values.${method}`, `Invalid data[${index}]: missing range`);
      const { range, values, majorDimension } = item as Record<string, unknown>;
      const { block, ref } = this._resolve(method, ss, range);
      const dimension = enumArg(
        ctx,
        method,
        `data[${index}].major_dimension`,
        'Dimension',
        DIMENSIONS,
        majorDimension,
        'ROWS',
      );
      if (!Array.isArray(values) || !values.every((line) => Array.isArray(line)))
        throw ctx.fail(
          'Not emulated: Sheets.Spreadsheets.Values.batchUpdate values that are not a list of lists',
        );
      const rows = dimension === 'COLUMNS' ? transpose(values as unknown[][]) : (values as unknown[][]);
      // A single cell is where the values start; a larger range bounds them.
      const anchorOnly = ref !== null && ref.endRow === ref.row && ref.endCol === ref.col;
      const height = rows.length;
      const width = rows.reduce((most, line) => Math.max(most, line.length), 0);
      const target: Block = anchorOnly
        ? {
            ...block,
            lastRow: block.row + Math.max(height, 1) - 1,
            lastCol: block.col + Math.max(width, 1) - 1,
          }
        : block;
      // // unverified: the REST text for values larger than their range
      if (block.row + height - 1 > target.lastRow)
        throw apiFail(
          ctx,
          `values.${method}`,
          `Requested writing within range [${String(range)}], but tried writing to row [${target.lastRow + 1}]`,
        );
      if (block.col + width - 1 > target.lastCol)
        throw apiFail(
          ctx,
          `values.${method}`,
          `Requested writing within range [${String(range)}], but tried writing to column [${columnLetters(target.lastCol + 1)}]`,
        );
      this._checkGrid(method, target, String(range));
      const writes: Array<{ row: number; col: number; content: Content }> = [];
      rows.forEach((line, i) =>
        line.forEach((value, j) => {
          // "Null values will be skipped."
          if (value === null || value === undefined) return;
          const row = block.row + i;
          const col = block.col + j;
          const content = this._content(
            method,
            ss,
            block.sheet,
            row,
            col,
            value,
            input,
            reading,
            index,
            i,
            j,
          );
          writes.push({ row, col, content });
        }),
      );
      if (writes.length > 0) {
        // A loop, not Math.min(...): a large write would pass the arguments limit.
        const written: Block = { sheet: block.sheet, row: Infinity, col: Infinity, lastRow: 0, lastCol: 0 };
        for (const w of writes) {
          written.row = Math.min(written.row, w.row);
          written.col = Math.min(written.col, w.col);
          written.lastRow = Math.max(written.lastRow, w.row);
          written.lastCol = Math.max(written.lastCol, w.col);
        }
        assertProtections(ctx, method, ss, written);
        return { sheet: block.sheet, writes, written };
      }
      return { sheet: block.sheet, writes, written: null };
    });
    for (const { sheet, writes } of planned)
      for (const w of writes) storeContent(sheet, w.row, w.col, w.content);

    const cells = planned.reduce((n, p) => n + p.writes.length, 0);
    ctx.noteCells(cells);
    const responses = planned
      .filter((p) => p.written)
      .map((p) => ({
        spreadsheetId: ss.id,
        updatedRange: blockA1(p.written!),
        updatedRows: new Set(p.writes.map((w) => w.row)).size,
        updatedColumns: new Set(p.writes.map((w) => w.col)).size,
        updatedCells: p.writes.length,
      }));
    const all = planned.flatMap((p) => p.writes.map((w) => ({ ...w, sheetId: p.sheet.id })));
    if (all.length === 0) return { spreadsheetId: ss.id };
    return {
      spreadsheetId: ss.id,
      totalUpdatedRows: new Set(all.map((w) => `${w.sheetId}:${w.row}`)).size,
      totalUpdatedColumns: new Set(all.map((w) => `${w.sheetId}:${w.col}`)).size,
      totalUpdatedCells: cells,
      totalUpdatedSheets: new Set(all.map((w) => w.sheetId)).size,
      responses,
    };
  }

  /** What one value of the request puts in its cell, checked against the cell's rule. */
  _content(
    method: Method,
    ss: SpreadsheetData,
    sheet: SheetData,
    row: number,
    col: number,
    value: unknown,
    input: 'RAW' | 'USER_ENTERED',
    reading: ReturnType<typeof inputContext>,
    index: number,
    i: number,
    j: number,
  ): Content {
    const ctx = this._ctx;
    // "supported value types are: bool, string, and double"; a Date reaches the API as something else.
    // // unverified: the REST text for a value of another type
    if (
      !(typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') ||
      isDate(value)
    )
      throw apiFail(
        ctx,
        `values.${method}`,
        `Invalid data[${index}].values[${i}][${j}]: ${JSON.stringify(value) ?? String(value)}`,
      );
    if (typeof value === 'number' && !Number.isFinite(value))
      throw ctx.fail(`Not emulated: writing ${value} through the Sheets API`);
    assertCellText(ctx, value);
    let content: Content;
    if (input === 'USER_ENTERED') content = prepareInput(ctx, ss, cellAt(sheet, row, col), value, reading);
    else content = value === '' ? {} : { v: value };
    try {
      assertScriptWriteValid(ctx, ss, sheet, row, col, content);
    } catch (error) {
      throw apiFail(ctx, `values.${method}`, (error as Error).message);
    }
    return content;
  }
}

/**
 * Protections bind the block a range writes (its written extent: a skipped null inside it counts, the
 * stricter reading), with the API's prefix before SpreadsheetApp's text.
 * // unverified: the API's text for a protected cell
 */
function assertProtections(ctx: EmulatorContext, method: Method, ss: SpreadsheetData, block: Block): void {
  const rect = {
    sheetId: block.sheet.id,
    row: block.row,
    col: block.col,
    numRows: block.lastRow - block.row + 1,
    numCols: block.lastCol - block.col + 1,
  };
  try {
    assertScriptCanEdit(ctx, ss, rect);
  } catch (error) {
    throw apiFail(ctx, `values.${method}`, (error as Error).message);
  }
}

function transpose(grid: readonly unknown[][]): unknown[][] {
  const width = grid.reduce((most, line) => Math.max(most, line.length), 0);
  return Array.from({ length: width }, (_, c) => grid.map((line) => (c < line.length ? line[c] : '')));
}

/** Empty trailing cells of each line, then empty trailing lines, left out (as the API returns them). */
function trimTrailing(grid: unknown[][]): unknown[][] {
  const lines = grid.map((line) => {
    let end = line.length;
    while (end > 0 && line[end - 1] === '') end--;
    return line.slice(0, end);
  });
  while (lines.length > 0 && lines[lines.length - 1]!.length === 0) lines.pop();
  return lines;
}
