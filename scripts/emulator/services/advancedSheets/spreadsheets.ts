/**
 * The Advanced Sheets service's `Sheets.Spreadsheets.batchUpdate` and `get` (Sheets API v4), on the
 * same state SpreadsheetApp uses (services/sheets/types.ts): a protection added here blocks a
 * person's edit and a SpreadsheetApp write exactly as one made with `protect()` does, a rule set here
 * is the rule `userEdit` checks, and so on. Only the request kinds and fields the product uses are
 * emulated; anything else throws `Not emulated`.
 *
 * Sources: https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate
 * ("Each request is validated before being applied. If any request is not valid then the entire
 * request will fail and nothing will be applied"; replies mirror the requests, empty where a request
 * has none), https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request (each
 * request), …/spreadsheets/sheets (GridRange: zero-based, half open, a missing index unbounded;
 * ProtectedRange), …/spreadsheets/cells (CellData), https://developers.google.com/sheets/api/limits
 * (payload), https://developers.google.com/sheets/api/guides/field-masks.
 */
import { ValuesCollectionImpl } from './values';
import { apiFail, openForCall } from './access';
import type { EmulatorContext } from '../../core/context';
import { Emulated } from '../../core/context';
import { domainOf, effectiveUser, findFile, isConsumer } from '../../core/files';
import { parseA1 } from '../sheets/a1';
import { newSheetData } from '../sheets/book';
import { assertCanAddSheet, assertCellText, assertGridGrowth } from '../sheets/limits';
import { conventionsOf } from '../sheets/locales';
import { cellAt, cellFor, lastColumn, lastRow, shiftReferences } from '../sheets/model';
import { assertScriptCanEdit } from '../sheets/protection';
import { nameTaken } from '../sheets/sheet';
import type {
  Cell,
  ConditionalRuleData,
  ProtectionData,
  Rect,
  RuleData,
  SheetData,
  SpreadsheetData,
} from '../sheets/types';
import { validationMessage } from '../sheets/validation';
import { displayValue, isDateFormat } from '../sheets/values';
import { contentValue, violatedRule } from '../sheets/writes';

/* eslint-disable @typescript-eslint/no-explicit-any -- requests are untyped JSON, as the API takes them */
type Json = any;

/** Apps Script's wrapping of an API error, a GoogleJsonResponseException (seen in real runs). */
/**
 * Google: "Sheets API has no hard size limits for an API request … we recommend a 2 MB maximum
 * payload" (https://developers.google.com/sheets/api/limits). The emulator refuses above 2 MB (the
 * stricter reading); the text is Google's for its 10 MB API limit, unverified for Sheets.
 */
export const MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;
const PAYLOAD_TEXT = `Request payload size exceeds the limit: ${MAX_PAYLOAD_BYTES} bytes.`;

/** Seen in real runs (public production logs and issue threads). */
const NO_REQUESTS = 'Must specify at least one request.';
const NO_FIELDS = "At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)";
/** // unverified: confirm on a real account (the texts below are modelled on the API's style) */
const PROTECTION_DENIED = 'You do not have permission to modify this protected range.';
const SHEET_PROTECTED = 'The sheet is already protected.';
const UNPROTECTED_ON_RANGE = 'Unprotected ranges are only supported on protected sheets.';
const DOMAIN_ONLY = 'Domain protection is only supported on documents within a domain.';
const FREEZE_ALL = "You can't freeze all visible rows on the sheet.";

/** An invalid request: reported as `Invalid requests[i].kind: text`. */
class Invalid extends Error {}

/** Whether an error is one of the emulator's Apps Script exceptions (ctx.fail), to be reported in place. */
function isServiceError(error: unknown): error is Error {
  return (error as { name?: unknown })?.name === 'Exception';
}

// ---------------------------------------------------------------------------------------------
// Field masks (https://developers.google.com/sheets/api/guides/field-masks)
// ---------------------------------------------------------------------------------------------

/** A mask as a tree: `a.b,c(d,e)` → { a: { b: {} }, c: { d: {}, e: {} } }; a leaf (`{}`) takes all below. */
export type Mask = { [key: string]: Mask };

export function parseMask(text: string): Mask {
  const root: Mask = {};
  let i = 0;
  const parseList = (into: Mask, closing: boolean): void => {
    for (;;) {
      const match = /^\s*([A-Za-z_*][\w]*)/.exec(text.slice(i));
      if (!match) throw new Invalid(`Invalid field selection ${text}`);
      i += match[0].length;
      let node = (into[match[1]!] ??= {});
      while (text[i] === '.') {
        i++;
        const next = /^([A-Za-z_][\w]*)/.exec(text.slice(i));
        if (!next) throw new Invalid(`Invalid field selection ${text}`);
        i += next[0].length;
        node = node[next[1]!] ??= {};
      }
      if (text[i] === '(') {
        i++;
        parseList(node, true);
      }
      while (text[i] === ' ') i++;
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (closing) {
        if (text[i] !== ')') throw new Invalid(`Invalid field selection ${text}`);
        i++;
      }
      return;
    }
  };
  parseList(root, false);
  if (i < text.trim().length) throw new Invalid(`Invalid field selection ${text}`);
  return root;
}

/** The fields of a request, required and non-empty, as a tree. */
function requiredMask(fields: unknown): Mask {
  if (typeof fields !== 'string' || fields.trim() === '') throw new Invalid(NO_FIELDS);
  return parseMask(fields);
}

/** The part of `value` the mask selects (get's `fields`). */
function prune(value: Json, mask: Mask): Json {
  if (Object.keys(mask).length === 0 || mask['*']) return value;
  if (Array.isArray(value)) return value.map((v) => prune(v, mask));
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, sub] of Object.entries(mask)) if (key in value) out[key] = prune(value[key], sub);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Conversions between the API's shapes and the state
// ---------------------------------------------------------------------------------------------

function sheetById(ss: SpreadsheetData, sheetId: unknown): SheetData {
  const id = sheetId === undefined ? 0 : Number(sheetId);
  const sheet = ss.sheets.find((s) => s.id === id);
  if (!sheet) throw new Invalid(`No grid with id: ${String(sheetId ?? 0)}`);
  return sheet;
}

function index(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value) || (value as number) < 0)
    throw new Invalid(`Invalid ${name}: ${String(value)}`);
  return value as number;
}

function columnName(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * A GridRange on its sheet as a 1-based Rect, unbounded sides reaching the grid's edge. A range past
 * the grid is refused with the API's text (seen in real runs: "Range ('Sheet1'!A1001:B1001) exceeds
 * grid limits. Max rows: 1000, max columns: 26").
 */
function gridRect(ss: SpreadsheetData, range: Json): { sheet: SheetData; rect: Rect; whole: boolean } {
  if (!range || typeof range !== 'object') throw new Invalid('range is required');
  const sheet = sheetById(ss, range.sheetId);
  const r0 = index(range.startRowIndex, 'startRowIndex') ?? 0;
  const r1 = index(range.endRowIndex, 'endRowIndex') ?? sheet.maxRows;
  const c0 = index(range.startColumnIndex, 'startColumnIndex') ?? 0;
  const c1 = index(range.endColumnIndex, 'endColumnIndex') ?? sheet.maxCols;
  if (r1 < r0 || c1 < c0) throw new Invalid('Invalid range: the start is after the end'); // unverified
  if (r1 > sheet.maxRows || c1 > sheet.maxCols) {
    const a1 = `${columnName(c0 + 1)}${r0 + 1}:${columnName(c1)}${r1}`;
    throw new Invalid(
      `Range ('${sheet.name}'!${a1}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxCols}`,
    );
  }
  const whole = ['startRowIndex', 'endRowIndex', 'startColumnIndex', 'endColumnIndex'].every(
    (k) => range[k] === undefined || range[k] === null,
  );
  return {
    sheet,
    rect: { sheetId: sheet.id, row: r0 + 1, col: c0 + 1, numRows: r1 - r0, numCols: c1 - c0 },
    whole,
  };
}

function toGridRange(rect: Rect): Json {
  return {
    sheetId: rect.sheetId,
    startRowIndex: rect.row - 1,
    endRowIndex: rect.row - 1 + rect.numRows,
    startColumnIndex: rect.col - 1,
    endColumnIndex: rect.col - 1 + rect.numCols,
  };
}

/** Colours are 0–1 floats in the API, lower-case #rrggbb in the state. */
function colorToHex(color: Json): string {
  const part = (v: unknown) => {
    const n = v === undefined ? 0 : Number(v);
    if (!(n >= 0 && n <= 1)) throw new Invalid(`Invalid color value: ${String(v)}`);
    return Math.round(n * 255)
      .toString(16)
      .padStart(2, '0');
  };
  if (color.alpha !== undefined && color.alpha !== 1) throw new Invalid('Not emulated: colour alpha');
  return `#${part(color.red)}${part(color.green)}${part(color.blue)}`;
}

/** Data validation condition types and the SpreadsheetApp criteria they are (DataValidationCriteria). */
const VALIDATION_TYPES: Record<string, { criteria: string; values: number | 'list' | 'checkbox' }> = {
  NUMBER_BETWEEN: { criteria: 'NUMBER_BETWEEN', values: 2 },
  NUMBER_NOT_BETWEEN: { criteria: 'NUMBER_NOT_BETWEEN', values: 2 },
  NUMBER_GREATER: { criteria: 'NUMBER_GREATER_THAN', values: 1 },
  NUMBER_GREATER_THAN_EQ: { criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', values: 1 },
  NUMBER_LESS: { criteria: 'NUMBER_LESS_THAN', values: 1 },
  NUMBER_LESS_THAN_EQ: { criteria: 'NUMBER_LESS_THAN_OR_EQUAL_TO', values: 1 },
  NUMBER_EQ: { criteria: 'NUMBER_EQUAL_TO', values: 1 },
  NUMBER_NOT_EQ: { criteria: 'NUMBER_NOT_EQUAL_TO', values: 1 },
  ONE_OF_LIST: { criteria: 'VALUE_IN_LIST', values: 'list' },
  BOOLEAN: { criteria: 'CHECKBOX', values: 'checkbox' },
  TEXT_IS_EMAIL: { criteria: 'TEXT_IS_VALID_EMAIL', values: 0 },
  DATE_IS_VALID: { criteria: 'DATE_IS_VALID_DATE', values: 0 },
};

/**
 * A DataValidationRule as the state keeps rules. `strict` false (the API's default) lets invalid
 * input in with a warning, as `setAllowInvalid(true)` does; `inputMessage` is the help text.
 */
function ruleFromApi(rule: Json): RuleData {
  const type = rule?.condition?.type;
  const known = VALIDATION_TYPES[type];
  if (!known) throw new Invalid(`Not emulated: data validation condition ${String(type)}`);
  const values: string[] = (rule.condition.values ?? []).map((v: Json) => {
    if (typeof v?.userEnteredValue !== 'string')
      throw new Invalid('Not emulated: a condition value other than userEnteredValue');
    return v.userEnteredValue;
  });
  let args: unknown[];
  if (typeof known.values === 'number') {
    if (values.length !== known.values) {
      // unverified: confirm the text on a real account
      throw new Invalid(`Invalid ConditionValue: ${type} requires exactly ${known.values} ConditionValue(s)`);
    }
    args = values.map((v) => {
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n)) throw new Invalid(`Invalid ConditionValue: ${v}`); // unverified
      return n;
    });
  } else if (known.values === 'list') {
    if (values.length === 0)
      throw new Invalid('Invalid ConditionValue: ONE_OF_LIST requires at least one ConditionValue'); // unverified
    args = [values, !!rule.showCustomUi];
  } else {
    if (values.length > 2)
      throw new Invalid('Invalid ConditionValue: BOOLEAN takes at most two ConditionValues'); // unverified
    args = values;
  }
  return {
    criteria: known.criteria,
    args,
    allowInvalid: !rule.strict,
    helpText: typeof rule.inputMessage === 'string' && rule.inputMessage !== '' ? rule.inputMessage : null,
  };
}

function ruleToApi(rule: RuleData): Json {
  const type = Object.keys(VALIDATION_TYPES).find((k) => VALIDATION_TYPES[k]!.criteria === rule.criteria);
  if (!type) throw new Error(`Not emulated: reading a ${rule.criteria} rule through the Sheets API`);
  const list = rule.criteria === 'VALUE_IN_LIST';
  const values = (list ? (rule.args[0] as unknown[]) : rule.args).map((v) => ({
    userEnteredValue: String(v),
  }));
  return {
    condition: { type, ...(values.length > 0 ? { values } : {}) },
    ...(rule.helpText ? { inputMessage: rule.helpText } : {}),
    ...(rule.allowInvalid ? {} : { strict: true }),
    ...(list && rule.args[1] ? { showCustomUi: true } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Cells (CellData: userEnteredValue, userEnteredFormat, note, dataValidation)
// ---------------------------------------------------------------------------------------------

const CELL_FIELDS = ['userEnteredValue', 'userEnteredFormat', 'note', 'dataValidation'];
const FORMAT_FIELDS = [
  'backgroundColor',
  'textFormat',
  'numberFormat',
  'wrapStrategy',
  'horizontalAlignment',
];
const TEXT_FIELDS = ['bold', 'italic', 'foregroundColor'];

/** The mask's leaves under CellData, checked against what is emulated. */
function cellMask(mask: Mask): Mask {
  if (mask['*']) return Object.fromEntries(CELL_FIELDS.map((f) => [f, {}]));
  for (const [key, sub] of Object.entries(mask)) {
    if (!CELL_FIELDS.includes(key)) throw new Invalid(`Not emulated: the cell field ${key}`);
    if (key !== 'userEnteredFormat') continue;
    for (const [f, subsub] of Object.entries(sub)) {
      if (!FORMAT_FIELDS.includes(f)) throw new Invalid(`Not emulated: the format field ${f}`);
      if (f === 'textFormat')
        for (const t of Object.keys(subsub))
          if (!TEXT_FIELDS.includes(t)) throw new Invalid(`Not emulated: the text format field ${t}`);
    }
  }
  return mask;
}

function selected(mask: Mask, key: string): Mask | null {
  return mask[key] ?? null;
}

/** Whether `leaf` of `group` is selected: the group as a whole or that field of it. */
function takes(group: Mask | null, leaf: string): boolean {
  return !!group && (Object.keys(group).length === 0 || leaf in group);
}

/** The content a userEnteredValue stores: strings as they are (the API does not parse them). */
function contentOf(ctx: EmulatorContext, value: Json): Pick<Cell, 'v' | 'f'> {
  if (value === undefined || value === null) return {};
  if ('formulaValue' in value) throw new Invalid('Not emulated: formulaValue');
  if ('stringValue' in value) {
    assertCellText(ctx, value.stringValue);
    return value.stringValue === '' ? {} : { v: String(value.stringValue) };
  }
  if ('numberValue' in value) {
    const n = Number(value.numberValue);
    if (!Number.isFinite(n)) throw new Invalid(`Invalid numberValue: ${String(value.numberValue)}`);
    return { v: n };
  }
  if ('boolValue' in value) return { v: !!value.boolValue };
  throw new Invalid('Not emulated: this userEnteredValue');
}

/**
 * Writes one cell's selected fields. A field selected but absent from `data` is cleared ("fields …
 * that are not set in the data are cleared"). A value written into a cell whose rule (the rule in
 * place, unless this request also sets the rule) rejects it fails as a SpreadsheetApp write does:
 * // unverified (stricter reading): whether the API enforces validation on writes.
 */
function writeCell(
  ctx: EmulatorContext,
  ss: SpreadsheetData,
  sheet: SheetData,
  row: number,
  col: number,
  data: Json,
  mask: Mask,
): void {
  const existing = cellAt(sheet, row, col);
  if (!existing && (!data || Object.keys(data).length === 0)) return;
  const cell = cellFor(sheet, row, col);
  if (mask.userEnteredValue) {
    const content = contentOf(ctx, data?.userEnteredValue);
    if (!mask.dataValidation) {
      const violation = violatedRule(ctx, ss, sheet, row, col, content);
      if (violation && !violation.rule.allowInvalid) throw new Invalid(validationMessage(violation.a1));
    }
    delete cell.v;
    delete cell.f;
    Object.assign(cell, content);
  }
  const format = selected(mask, 'userEnteredFormat');
  const given = data?.userEnteredFormat ?? {};
  if (format) {
    for (const key of Object.keys(given))
      if (!FORMAT_FIELDS.includes(key)) throw new Invalid(`Not emulated: the format field ${key}`);
  }
  if (takes(format, 'backgroundColor')) {
    if (given.backgroundColor) cell.background = colorToHex(given.backgroundColor);
    else delete cell.background;
  }
  if (takes(format, 'textFormat')) {
    const text = format!.textFormat ?? {};
    const all = Object.keys(text).length === 0;
    const tf = given.textFormat ?? {};
    if (all || 'bold' in text) {
      if (tf.bold) cell.fontWeight = 'bold';
      else delete cell.fontWeight;
    }
    if (all || 'italic' in text) {
      if (tf.italic) cell.fontStyle = 'italic';
      else delete cell.fontStyle;
    }
    if (all || 'foregroundColor' in text) {
      if (tf.foregroundColor) cell.fontColor = colorToHex(tf.foregroundColor);
      else delete cell.fontColor;
    }
  }
  if (takes(format, 'numberFormat')) {
    const nf = given.numberFormat;
    if (!nf) delete cell.numberFormat;
    else if (nf.type === 'TEXT') cell.numberFormat = '@';
    else if (typeof nf.pattern === 'string' && nf.pattern !== '') cell.numberFormat = nf.pattern;
    else throw new Invalid('Not emulated: a number format without a pattern');
  }
  if (takes(format, 'wrapStrategy')) {
    const wrap = given.wrapStrategy;
    if (wrap === 'WRAP') cell.wrap = true;
    else if (wrap === undefined || wrap === 'OVERFLOW_CELL') delete cell.wrap;
    else throw new Invalid(`Not emulated: wrapStrategy ${String(wrap)}`);
  }
  if (takes(format, 'horizontalAlignment')) {
    const align = given.horizontalAlignment;
    if (align === undefined) delete cell.horizontalAlignment;
    else if (['LEFT', 'CENTER', 'RIGHT'].includes(align))
      cell.horizontalAlignment = String(align).toLowerCase();
    else throw new Invalid(`Invalid horizontalAlignment: ${String(align)}`);
  }
  if (mask.note) {
    if (typeof data?.note === 'string' && data.note !== '') cell.note = data.note;
    else delete cell.note;
  }
  if (mask.dataValidation) {
    if (data?.dataValidation) cell.validation = ruleFromApi(data.dataValidation);
    else delete cell.validation;
  }
}

/** The effective user may change these cells (protections), or the request is refused. */
function assertEditable(ctx: EmulatorContext, ss: SpreadsheetData, rect: Rect): void {
  if (rect.numRows > 0 && rect.numCols > 0) assertScriptCanEdit(ctx, ss, rect);
}

// ---------------------------------------------------------------------------------------------
// Dimensions
// ---------------------------------------------------------------------------------------------

/** Conditional format rules follow their cells like protections do (shiftReferences covers the rest). */
function shiftConditionalRules(sheet: SheetData, dim: 'row' | 'col', at: number, delta: number): void {
  if (!sheet.conditionalRules) return;
  const size = dim === 'row' ? 'numRows' : 'numCols';
  for (const rule of sheet.conditionalRules) {
    rule.ranges = rule.ranges.filter((r) => {
      const start = r[dim];
      const end = start + r[size] - 1;
      const gone = -delta;
      const last = at + gone - 1;
      const newStart = start < at ? start : start > last ? start - gone : at;
      const newEnd = end < at ? end : end > last ? end - gone : at - 1;
      if (newEnd < newStart) return false;
      r[dim] = newStart;
      r[size] = newEnd - newStart + 1;
      return true;
    });
  }
  sheet.conditionalRules = sheet.conditionalRules.filter((rule) => rule.ranges.length > 0);
}

function deleteRows(
  ctx: EmulatorContext,
  ss: SpreadsheetData,
  sheet: SheetData,
  at: number,
  count: number,
): void {
  // Seen in real runs: "Cannot delete a row that doesn't exist. Tried to delete row index 1372 but
  // there are only 1372 rows." and "Sorry, it is not possible to delete all non-frozen rows."
  if (at - 1 + count > sheet.maxRows)
    throw new Invalid(
      `Cannot delete a row that doesn't exist. Tried to delete row index ${at - 2 + count} but there are only ${sheet.maxRows} rows.`,
    );
  if (sheet.maxRows - count <= sheet.frozenRows)
    throw new Invalid('Sorry, it is not possible to delete all non-frozen rows.');
  assertEditable(ctx, ss, { sheetId: sheet.id, row: at, col: 1, numRows: count, numCols: sheet.maxCols });
  sheet.rows.splice(at - 1, count);
  sheet.maxRows -= count;
  shiftReferences(ss, sheet.id, 'row', at, -count);
  shiftConditionalRules(sheet, 'row', at, -count);
}

function deleteColumns(
  ctx: EmulatorContext,
  ss: SpreadsheetData,
  sheet: SheetData,
  at: number,
  count: number,
): void {
  if (at - 1 + count > sheet.maxCols)
    throw new Invalid(
      `Cannot delete a column that doesn't exist. Tried to delete column index ${at - 2 + count} but there are only ${sheet.maxCols} columns.`,
    );
  // unverified: the text for columns, modelled on the rows'
  if (sheet.maxCols - count <= sheet.frozenCols)
    throw new Invalid('Sorry, it is not possible to delete all non-frozen columns.');
  assertEditable(ctx, ss, { sheetId: sheet.id, row: 1, col: at, numRows: sheet.maxRows, numCols: count });
  for (const cells of sheet.rows) if (cells) cells.splice(at - 1, count);
  const widths: Record<string, number> = {};
  for (const [col, width] of Object.entries(sheet.widths)) {
    const c = Number(col);
    if (c < at) widths[col] = width;
    else if (c >= at + count) widths[String(c - count)] = width;
  }
  sheet.widths = widths;
  sheet.maxCols -= count;
  shiftReferences(ss, sheet.id, 'col', at, -count);
  shiftConditionalRules(sheet, 'col', at, -count);
}

function appendDimension(
  ctx: EmulatorContext,
  ss: SpreadsheetData,
  sheet: SheetData,
  dim: string,
  length: number,
): void {
  if (dim === 'ROWS') {
    assertGridGrowth(ctx, ss, length * sheet.maxCols);
    sheet.maxRows += length;
  } else {
    assertGridGrowth(ctx, ss, length * sheet.maxRows);
    sheet.maxCols += length;
  }
}

/** A grid of rowCount × columnCount: rows and columns appended or deleted at the end. */
function resizeGrid(
  ctx: EmulatorContext,
  ss: SpreadsheetData,
  sheet: SheetData,
  rows?: number,
  cols?: number,
): void {
  if (rows !== undefined) {
    if (rows < 1) throw new Invalid('Invalid rowCount: a sheet has at least one row'); // unverified
    if (rows > sheet.maxRows) appendDimension(ctx, ss, sheet, 'ROWS', rows - sheet.maxRows);
    else if (rows < sheet.maxRows) deleteRows(ctx, ss, sheet, rows + 1, sheet.maxRows - rows);
  }
  if (cols !== undefined) {
    if (cols < 1) throw new Invalid('Invalid columnCount: a sheet has at least one column'); // unverified
    if (cols > sheet.maxCols) appendDimension(ctx, ss, sheet, 'COLUMNS', cols - sheet.maxCols);
    else if (cols < sheet.maxCols) deleteColumns(ctx, ss, sheet, cols + 1, sheet.maxCols - cols);
  }
}

function dimensionRange(
  ss: SpreadsheetData,
  range: Json,
): { sheet: SheetData; dim: string; at: number; count: number } {
  const sheet = sheetById(ss, range?.sheetId);
  const dim = range?.dimension;
  if (dim !== 'ROWS' && dim !== 'COLUMNS') throw new Invalid(`Invalid dimension: ${String(dim)}`);
  const max = dim === 'ROWS' ? sheet.maxRows : sheet.maxCols;
  const start = index(range.startIndex, 'startIndex') ?? 0;
  const end = index(range.endIndex, 'endIndex') ?? max;
  if (end <= start) throw new Invalid('Invalid dimension range: the end must be after the start'); // unverified
  return { sheet, dim, at: start + 1, count: end - start };
}

// ---------------------------------------------------------------------------------------------
// Sheets and protections as the API shows them
// ---------------------------------------------------------------------------------------------

function sheetProperties(ss: SpreadsheetData, sheet: SheetData): Json {
  return {
    sheetId: sheet.id,
    title: sheet.name,
    index: ss.sheets.indexOf(sheet),
    sheetType: 'GRID',
    gridProperties: {
      rowCount: sheet.maxRows,
      columnCount: sheet.maxCols,
      ...(sheet.frozenRows ? { frozenRowCount: sheet.frozenRows } : {}),
      ...(sheet.frozenCols ? { frozenColumnCount: sheet.frozenCols } : {}),
    },
    ...(sheet.hidden ? { hidden: true } : {}),
  };
}

/** The numeric protectedRangeId of a protection (the state's ids are `prot-000123`). */
export function protectedRangeId(p: ProtectionData): number {
  return Number(p.id.replace(/\D/g, ''));
}

function mayChange(ctx: EmulatorContext, p: ProtectionData, email: string): boolean {
  if (email === ctx.state.owner || p.editors.includes(email)) return true;
  return p.domainEdit && !isConsumer(ctx.state.owner) && domainOf(email) === domainOf(ctx.state.owner);
}

/**
 * A ProtectedRange as `get` returns it. "editors … is only visible to users with edit access to the
 * protected range"; the owner is listed first, as getEditors() lists it here (unverified).
 */
function protectionToApi(ctx: EmulatorContext, ss: SpreadsheetData, p: ProtectionData): Json {
  const caller = effectiveUser(ctx);
  const canChange = mayChange(ctx, p, caller);
  const sheet = ss.sheets.find((s) => s.id === p.rect.sheetId)!;
  return {
    protectedRangeId: protectedRangeId(p),
    range: p.type === 'SHEET' ? { sheetId: sheet.id } : toGridRange(p.rect),
    ...(p.description ? { description: p.description } : {}),
    ...(p.warningOnly ? { warningOnly: true } : {}),
    requestingUserCanEdit: p.warningOnly || canChange,
    ...(p.unprotected.length > 0 ? { unprotectedRanges: p.unprotected.map(toGridRange) } : {}),
    ...(canChange && !p.warningOnly
      ? {
          editors: {
            users: [ctx.state.owner, ...p.editors],
            ...(p.domainEdit ? { domainUsersCanEdit: true } : {}),
          },
        }
      : {}),
  };
}

function protectionById(ss: SpreadsheetData, id: unknown): ProtectionData {
  const p = ss.protections.find((x) => protectedRangeId(x) === Number(id));
  if (!p) throw new Invalid(`No protected range with id: ${String(id)}`); // unverified
  return p;
}

/**
 * The editors a protection keeps: the users named, lower case, and always the caller ("protected-range
 * editors" include the one who protects; the owner is never listed in the state, it may always edit).
 * // unverified: whether the API adds the caller when they are not named, or refuses the request
 */
function editorsOf(ctx: EmulatorContext, editors: Json): string[] {
  if (editors?.groups?.length) throw new Invalid('Not emulated: group editors');
  const users: unknown[] = editors?.users ?? [];
  const emails = users.map((u) => {
    if (typeof u !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(u))
      throw new Invalid(`Invalid email address: ${String(u)}`); // unverified
    return u.toLowerCase();
  });
  const caller = effectiveUser(ctx);
  return [...new Set([...emails, caller])].filter((e) => e !== ctx.state.owner);
}

function domainEditOf(ctx: EmulatorContext, editors: Json): boolean {
  if (!editors?.domainUsersCanEdit) return false;
  if (isConsumer(ctx.state.owner)) throw new Invalid(DOMAIN_ONLY);
  return true;
}

function unprotectedOf(ss: SpreadsheetData, sheet: SheetData, ranges: Json): Rect[] {
  return (ranges ?? []).map((r: Json) => {
    const { sheet: other, rect } = gridRect(ss, r);
    if (other.id !== sheet.id) throw new Invalid('An unprotected range must be on the protected sheet'); // unverified
    return rect;
  });
}

// ---------------------------------------------------------------------------------------------
// The requests
// ---------------------------------------------------------------------------------------------

type Handler = (ctx: EmulatorContext, ss: SpreadsheetData, body: Json) => Json | undefined;

function allowOnly(body: Json, keys: string[], what: string): void {
  for (const key of Object.keys(body ?? {}))
    if (!keys.includes(key)) throw new Invalid(`Not emulated: ${what}.${key}`);
}

const HANDLERS: Record<string, Handler> = {
  addSheet(ctx, ss, body) {
    const props = body?.properties ?? {};
    allowOnly(props, ['sheetId', 'title', 'index', 'gridProperties', 'hidden'], 'addSheet.properties');
    allowOnly(
      props.gridProperties,
      ['rowCount', 'columnCount', 'frozenRowCount', 'frozenColumnCount'],
      'gridProperties',
    );
    if (typeof props.title !== 'string') throw new Invalid('Not emulated: addSheet without a title');
    const title: string = props.title;
    // Seen in real runs: both texts.
    if (nameTaken(ss, title))
      throw new Invalid(`A sheet with the name "${title}" already exists. Please enter another name.`);
    if (title.length > 100) throw new Invalid('The sheet name cannot be greater than 100 characters.');
    let id: number;
    if (props.sheetId !== undefined) {
      id = index(props.sheetId, 'sheetId')!;
      if (ss.sheets.some((s) => s.id === id)) throw new Invalid(`A sheet with the id ${id} already exists.`); // unverified
      ss.nextSheetId = Math.max(ss.nextSheetId, id + 1);
    } else id = ss.nextSheetId++;
    const sheet = newSheetData(id, title);
    const grid = props.gridProperties ?? {};
    sheet.maxRows = index(grid.rowCount, 'rowCount') ?? sheet.maxRows;
    sheet.maxCols = index(grid.columnCount, 'columnCount') ?? sheet.maxCols;
    sheet.frozenRows = index(grid.frozenRowCount, 'frozenRowCount') ?? 0;
    sheet.frozenCols = index(grid.frozenColumnCount, 'frozenColumnCount') ?? 0;
    if (sheet.maxRows < 1 || sheet.maxCols < 1) throw new Invalid('Invalid grid size'); // unverified
    if (sheet.frozenRows >= sheet.maxRows) throw new Invalid(FREEZE_ALL);
    sheet.hidden = !!props.hidden;
    assertCanAddSheet(ctx, ss, sheet);
    const at = Math.min(index(props.index, 'index') ?? ss.sheets.length, ss.sheets.length);
    ss.sheets.splice(at, 0, sheet);
    return { addSheet: { properties: sheetProperties(ss, sheet) } };
  },

  updateSheetProperties(ctx, ss, body) {
    const mask = requiredMask(body?.fields);
    const props = body?.properties ?? {};
    const sheet = sheetById(ss, props.sheetId);
    const all = !!mask['*'];
    for (const key of Object.keys(mask))
      if (!['*', 'title', 'hidden', 'gridProperties', 'index'].includes(key))
        throw new Invalid(`Not emulated: updateSheetProperties of ${key}`);
    if (all || mask.title) {
      const title = String(props.title ?? '');
      if (title === '') throw new Invalid('The sheet name cannot be empty.'); // unverified
      if (nameTaken(ss, title, sheet))
        throw new Invalid(`A sheet with the name "${title}" already exists. Please enter another name.`);
      sheet.name = title;
    }
    if (all || mask.hidden) {
      if (props.hidden && !sheet.hidden && ss.sheets.filter((s) => !s.hidden).length === 1)
        throw new Invalid("You can't hide all the sheets in a document."); // unverified
      sheet.hidden = !!props.hidden;
    }
    if (all || mask.index) {
      const to = Math.min(index(props.index, 'index') ?? 0, ss.sheets.length - 1);
      ss.sheets.splice(ss.sheets.indexOf(sheet), 1);
      ss.sheets.splice(to, 0, sheet);
    }
    const grid = all ? {} : mask.gridProperties;
    if (grid) {
      const g = props.gridProperties ?? {};
      const whole = Object.keys(grid).length === 0;
      for (const key of Object.keys(grid))
        if (!['rowCount', 'columnCount', 'frozenRowCount', 'frozenColumnCount'].includes(key))
          throw new Invalid(`Not emulated: gridProperties.${key}`);
      resizeGrid(
        ctx,
        ss,
        sheet,
        whole || 'rowCount' in grid ? index(g.rowCount, 'rowCount') : undefined,
        whole || 'columnCount' in grid ? index(g.columnCount, 'columnCount') : undefined,
      );
      if (whole || 'frozenRowCount' in grid) {
        const frozen = index(g.frozenRowCount, 'frozenRowCount') ?? 0;
        if (frozen >= sheet.maxRows) throw new Invalid(FREEZE_ALL);
        sheet.frozenRows = frozen;
      }
      if (whole || 'frozenColumnCount' in grid) {
        const frozen = index(g.frozenColumnCount, 'frozenColumnCount') ?? 0;
        if (frozen >= sheet.maxCols) throw new Invalid("You can't freeze all visible columns on the sheet."); // unverified
        sheet.frozenCols = frozen;
      }
    }
    return undefined;
  },

  deleteDimension(ctx, ss, body) {
    const { sheet, dim, at, count } = dimensionRange(ss, body?.range);
    if (dim === 'ROWS') deleteRows(ctx, ss, sheet, at, count);
    else deleteColumns(ctx, ss, sheet, at, count);
    return undefined;
  },

  appendDimension(ctx, ss, body) {
    const sheet = sheetById(ss, body?.sheetId);
    const length = index(body?.length, 'length');
    if (!length) throw new Invalid('length must be positive'); // unverified
    if (body.dimension !== 'ROWS' && body.dimension !== 'COLUMNS')
      throw new Invalid(`Invalid dimension: ${String(body.dimension)}`);
    appendDimension(ctx, ss, sheet, body.dimension, length);
    return undefined;
  },

  updateDimensionProperties(_ctx, ss, body) {
    const mask = requiredMask(body?.fields);
    for (const key of Object.keys(mask))
      if (key !== 'pixelSize') throw new Invalid(`Not emulated: updateDimensionProperties of ${key}`);
    const { sheet, dim, at, count } = dimensionRange(ss, body?.range);
    // Row heights are not kept in the state.
    if (dim !== 'COLUMNS') throw new Invalid('Not emulated: row heights');
    const size = index(body?.properties?.pixelSize, 'pixelSize');
    for (let c = at; c < at + count; c++) {
      if (size === undefined) delete sheet.widths[String(c)];
      else sheet.widths[String(c)] = size;
    }
    return undefined;
  },

  repeatCell(ctx, ss, body) {
    const mask = cellMask(requiredMask(body?.fields));
    const { sheet, rect } = gridRect(ss, body?.range);
    assertEditable(ctx, ss, rect);
    for (let r = rect.row; r < rect.row + rect.numRows; r++)
      for (let c = rect.col; c < rect.col + rect.numCols; c++)
        writeCell(ctx, ss, sheet, r, c, body.cell, mask);
    return undefined;
  },

  updateCells(ctx, ss, body) {
    const mask = cellMask(requiredMask(body?.fields));
    const rows: Json[] = body?.rows ?? [];
    let sheet: SheetData;
    let rect: Rect;
    if (body?.range && body?.start) throw new Invalid('Only one of start or range may be set'); // unverified
    if (body?.range) ({ sheet, rect } = gridRect(ss, body.range));
    else {
      const start = body?.start ?? {};
      sheet = sheetById(ss, start.sheetId);
      const numRows = rows.length;
      const numCols = Math.max(0, ...rows.map((r) => (r?.values ?? []).length));
      ({ rect } = gridRect(ss, {
        sheetId: sheet.id,
        startRowIndex: start.rowIndex ?? 0,
        endRowIndex: (start.rowIndex ?? 0) + numRows,
        startColumnIndex: start.columnIndex ?? 0,
        endColumnIndex: (start.columnIndex ?? 0) + numCols,
      }));
    }
    assertEditable(ctx, ss, rect);
    // With a range, cells of the range the rows leave out are cleared; with a start, only the rows' cells change.
    for (let i = 0; i < rect.numRows; i++) {
      const values: Json[] = rows[i]?.values ?? [];
      const width = body.range ? rect.numCols : values.length;
      for (let j = 0; j < width; j++) writeCell(ctx, ss, sheet, rect.row + i, rect.col + j, values[j], mask);
    }
    return undefined;
  },

  setDataValidation(ctx, ss, body) {
    const { sheet, rect } = gridRect(ss, body?.range);
    assertEditable(ctx, ss, rect);
    const rule = body?.rule ? ruleFromApi(body.rule) : null;
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      for (let c = rect.col; c < rect.col + rect.numCols; c++) {
        if (rule) cellFor(sheet, r, c).validation = structuredClone(rule);
        else {
          const cell = cellAt(sheet, r, c);
          if (cell) delete cell.validation;
        }
      }
    }
    return undefined;
  },

  addProtectedRange(ctx, ss, body) {
    const given = body?.protectedRange ?? {};
    allowOnly(
      given,
      ['protectedRangeId', 'range', 'description', 'warningOnly', 'editors', 'unprotectedRanges'],
      'protectedRange',
    );
    const { sheet, rect, whole } = gridRect(ss, given.range);
    const type = whole ? 'SHEET' : 'RANGE';
    if (type === 'SHEET' && ss.protections.some((p) => p.type === 'SHEET' && p.rect.sheetId === sheet.id))
      throw new Invalid(SHEET_PROTECTED);
    if (type === 'RANGE' && given.unprotectedRanges?.length) throw new Invalid(UNPROTECTED_ON_RANGE);
    let id: string;
    if (given.protectedRangeId !== undefined) {
      const n = index(given.protectedRangeId, 'protectedRangeId')!;
      // "It is an error to specify the ID of a range that already exists." // unverified: the text
      if (ss.protections.some((p) => protectedRangeId(p) === n))
        throw new Invalid(`A protected range with ID ${n} already exists.`);
      id = `prot-${String(n).padStart(6, '0')}`;
      ctx.state.nextId = Math.max(ctx.state.nextId, n + 1);
    } else id = ctx.newId('prot');
    // "When writing: if [warningOnly] is true, then editors are ignored."
    const warningOnly = !!given.warningOnly;
    const p: ProtectionData = {
      id,
      type,
      rect:
        type === 'SHEET'
          ? { sheetId: sheet.id, row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols }
          : rect,
      editors: warningOnly ? [] : editorsOf(ctx, given.editors),
      description: typeof given.description === 'string' ? given.description : '',
      warningOnly,
      domainEdit: warningOnly ? false : domainEditOf(ctx, given.editors),
      unprotected: unprotectedOf(ss, sheet, given.unprotectedRanges),
    };
    ss.protections.push(p);
    return { addProtectedRange: { protectedRange: protectionToApi(ctx, ss, p) } };
  },

  updateProtectedRange(ctx, ss, body) {
    const mask = requiredMask(body?.fields);
    const given = body?.protectedRange ?? {};
    const p = protectionById(ss, given.protectedRangeId);
    if (!mayChange(ctx, p, effectiveUser(ctx))) throw new Invalid(PROTECTION_DENIED);
    const all = !!mask['*'];
    for (const key of Object.keys(mask))
      if (!['*', 'description', 'warningOnly', 'editors', 'unprotectedRanges'].includes(key))
        throw new Invalid(`Not emulated: updateProtectedRange of ${key}`);
    if (all || mask.description)
      p.description = typeof given.description === 'string' ? given.description : '';
    if (all || mask.editors) {
      p.editors = editorsOf(ctx, given.editors);
      p.domainEdit = domainEditOf(ctx, given.editors);
    }
    if (all || mask.warningOnly) {
      const was = p.warningOnly;
      p.warningOnly = !!given.warningOnly;
      // "if this field is changed from true to false and the editors field is not set (nor included in
      // the field mask), then the editors will be set to all the editors in the document."
      if (was && !p.warningOnly && !(all || mask.editors)) {
        const file = findFile(ctx, ss.id);
        p.editors = (file?.editors ?? []).filter((e) => e !== ctx.state.owner);
      }
      if (p.warningOnly) {
        p.editors = [];
        p.domainEdit = false;
      }
    }
    if (all || mask.unprotectedRanges) {
      if (p.type === 'RANGE' && given.unprotectedRanges?.length) throw new Invalid(UNPROTECTED_ON_RANGE);
      const sheet = sheetById(ss, p.rect.sheetId);
      p.unprotected = unprotectedOf(ss, sheet, given.unprotectedRanges);
    }
    return undefined;
  },

  deleteProtectedRange(ctx, ss, body) {
    const p = protectionById(ss, body?.protectedRangeId);
    if (!mayChange(ctx, p, effectiveUser(ctx))) throw new Invalid(PROTECTION_DENIED);
    ss.protections = ss.protections.filter((x) => x !== p);
    return undefined;
  },

  addConditionalFormatRule(ctx, ss, body) {
    const rule = body?.rule ?? {};
    allowOnly(rule, ['ranges', 'booleanRule'], 'addConditionalFormatRule.rule');
    if (!rule.booleanRule)
      throw new Invalid('Not emulated: a conditional format rule other than booleanRule');
    const ranges = (rule.ranges ?? []).map((r: Json) => gridRect(ss, r));
    if (ranges.length === 0) throw new Invalid('A conditional format rule must have at least one range.'); // unverified
    const sheet: SheetData = ranges[0].sheet;
    if (ranges.some((r: { sheet: SheetData }) => r.sheet !== sheet))
      throw new Invalid('All ranges of a conditional format rule must be on the same sheet.'); // unverified
    for (const r of ranges) assertEditable(ctx, ss, r.rect);
    const stored: ConditionalRuleData = {
      ranges: ranges.map(({ rect }: { rect: Rect }) => ({
        row: rect.row,
        col: rect.col,
        numRows: rect.numRows,
        numCols: rect.numCols,
        shape: 'cells' as const,
      })),
      ...conditionFromApi(rule.booleanRule.condition),
      format: formatFromApi(rule.booleanRule.format ?? {}),
    };
    const rules = (sheet.conditionalRules ??= []);
    const at = Math.min(index(body.index, 'index') ?? 0, rules.length);
    rules.splice(at, 0, stored);
    return undefined;
  },

  deleteConditionalFormatRule(ctx, ss, body) {
    const sheet = sheetById(ss, body?.sheetId);
    const at = index(body?.index, 'index') ?? 0;
    const rules = sheet.conditionalRules ?? [];
    if (at >= rules.length) throw new Invalid(`No conditional format on sheet: ${sheet.id} at index: ${at}`); // unverified
    for (const r of rules[at]!.ranges) assertEditable(ctx, ss, { sheetId: sheet.id, ...r });
    rules.splice(at, 1);
    return { deleteConditionalFormatRule: { rule: {} } };
  },
};

/** Boolean conditions of conditional formats and the SpreadsheetApp.BooleanCriteria they are. */
const BOOLEAN_TYPES: Record<string, { criteria: string; values: number }> = {
  BLANK: { criteria: 'CELL_EMPTY', values: 0 },
  NOT_BLANK: { criteria: 'CELL_NOT_EMPTY', values: 0 },
  NUMBER_BETWEEN: { criteria: 'NUMBER_BETWEEN', values: 2 },
  NUMBER_EQ: { criteria: 'NUMBER_EQUAL_TO', values: 1 },
  NUMBER_GREATER: { criteria: 'NUMBER_GREATER_THAN', values: 1 },
  NUMBER_GREATER_THAN_EQ: { criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', values: 1 },
  NUMBER_LESS: { criteria: 'NUMBER_LESS_THAN', values: 1 },
  NUMBER_LESS_THAN_EQ: { criteria: 'NUMBER_LESS_THAN_OR_EQUAL_TO', values: 1 },
  TEXT_CONTAINS: { criteria: 'TEXT_CONTAINS', values: 1 },
  TEXT_EQ: { criteria: 'TEXT_EQUAL_TO', values: 1 },
};

function conditionFromApi(condition: Json): { criteria: string; args: unknown[] } {
  const known = BOOLEAN_TYPES[condition?.type];
  if (!known) throw new Invalid(`Not emulated: conditional format condition ${String(condition?.type)}`);
  const values: string[] = (condition.values ?? []).map((v: Json) => String(v?.userEnteredValue ?? ''));
  if (values.length !== known.values)
    throw new Invalid(
      `Invalid ConditionValue: ${String(condition.type)} requires exactly ${known.values} ConditionValue(s)`,
    ); // unverified
  const text = known.criteria.startsWith('TEXT');
  return { criteria: known.criteria, args: text ? values : values.map(Number) };
}

function formatFromApi(format: Json): ConditionalRuleData['format'] {
  allowOnly(format, ['backgroundColor', 'textFormat'], 'booleanRule.format');
  allowOnly(format.textFormat, ['bold', 'italic', 'foregroundColor'], 'booleanRule.format.textFormat');
  const tf = format.textFormat ?? {};
  return {
    background: format.backgroundColor ? colorToHex(format.backgroundColor) : null,
    fontColor: tf.foregroundColor ? colorToHex(tf.foregroundColor) : null,
    bold: tf.bold === undefined ? null : !!tf.bold,
    italic: tf.italic === undefined ? null : !!tf.italic,
  };
}

// ---------------------------------------------------------------------------------------------
// The service
// ---------------------------------------------------------------------------------------------

/** The spreadsheet for an API call: it exists and the effective user may edit (or read) it. */

/**
 * A stored number format as the API's NumberFormat. The type of a custom pattern is inferred from its
 * tokens (dates and times, text, else a number). // unverified: the type Google reports for a pattern
 */
function numberFormatToApi(pattern: string): Json {
  if (pattern === '@') return { type: 'TEXT', pattern };
  if (isDateFormat(pattern)) return { type: /[hHs]/.test(pattern) ? 'DATE_TIME' : 'DATE', pattern };
  return { type: 'NUMBER', pattern };
}

/** What a cell holds as the API's ExtendedValue. */
function extendedValue(value: unknown): Json {
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  return { stringValue: String(value) };
}

/** The grid data of one rect: rows up to the last that holds anything, cells up to each row's last. */
function gridData(ctx: EmulatorContext, ss: SpreadsheetData, sheet: SheetData, rect: Rect): Json {
  const locale = conventionsOf(ss.locale);
  const rowData: Json[] = [];
  const lastRowWithData = Math.min(rect.row + rect.numRows - 1, sheet.rows.length);
  let cells = 0;
  for (let r = rect.row; r <= lastRowWithData; r++) {
    const values: Json[] = [];
    const stored = sheet.rows[r - 1] ?? [];
    const end = Math.min(rect.col + rect.numCols - 1, stored.length);
    for (let c = rect.col; c <= end; c++) {
      const cell = stored[c - 1] ?? undefined;
      const out: Json = {};
      if (cell?.f !== undefined) out.userEnteredValue = { formulaValue: cell.f };
      else if (cell?.v !== undefined) out.userEnteredValue = extendedValue(cell.v);
      const value = cell ? contentValue(ctx, ss, sheet, r, c, cell) : undefined;
      if (value !== undefined) {
        out.effectiveValue = extendedValue(value);
        out.formattedValue = displayValue(value, cell?.numberFormat, ctx.fail, locale);
      }
      if (cell?.numberFormat) out.userEnteredFormat = { numberFormat: numberFormatToApi(cell.numberFormat) };
      if (cell?.note) out.note = cell.note;
      if (cell?.validation) out.dataValidation = ruleToApi(cell.validation);
      values.push(out);
      cells++;
    }
    while (values.length > 0 && Object.keys(values[values.length - 1]).length === 0) values.pop();
    rowData.push(values.length > 0 ? { values } : {});
  }
  while (rowData.length > 0 && Object.keys(rowData[rowData.length - 1]).length === 0) rowData.pop();
  ctx.noteCells(cells);
  return { startRow: rect.row - 1, startColumn: rect.col - 1, ...(rowData.length > 0 ? { rowData } : {}) };
}

/** A range of `get`'s `ranges`: A1 notation with a sheet name, or a sheet name alone. */
function rangeOf(ss: SpreadsheetData, text: string): { sheet: SheetData; rect: Rect } {
  const bare = ss.sheets.find((s) => s.name === text || `'${s.name.replace(/'/g, "''")}'` === text);
  if (bare)
    return {
      sheet: bare,
      rect: { sheetId: bare.id, row: 1, col: 1, numRows: bare.maxRows, numCols: bare.maxCols },
    };
  const ref = parseA1(text);
  const sheet = ref?.sheetName ? ss.sheets.find((s) => s.name === ref.sheetName) : undefined;
  // Seen in real runs: "Unable to parse range: 'Funnel'!…".
  if (!ref || !sheet) throw new Invalid(`Unable to parse range: ${text}`);
  const endRow = Math.min(ref.endRow ?? sheet.maxRows, sheet.maxRows);
  const endCol = Math.min(ref.endCol ?? sheet.maxCols, sheet.maxCols);
  return {
    sheet,
    rect: {
      sheetId: sheet.id,
      row: ref.row,
      col: ref.col,
      numRows: Math.max(0, endRow - ref.row + 1),
      numCols: Math.max(0, endCol - ref.col + 1),
    },
  };
}

/** Cells a request touches, for the cost model. */
function requestCells(ss: SpreadsheetData, kind: string, body: Json): number {
  if (kind === 'updateCells')
    return (body.rows ?? []).reduce((n: number, r: Json) => n + (r?.values ?? []).length, 0);
  if (kind === 'repeatCell' || kind === 'setDataValidation') {
    const { rect } = gridRect(ss, body.range);
    return rect.numRows * rect.numCols;
  }
  return 0;
}

/**
 * What one request costs the server beyond its cells, in cell-equivalents of the cost model
 * (core/callLog.ts prices a batchUpdate per unit): 250 units, 5 ms at 0.02 ms a unit.
 */
export const REQUEST_UNITS = 250;

export class SpreadsheetsCollection extends Emulated {
  readonly Values: ValuesCollectionImpl;

  constructor(ctx: EmulatorContext) {
    super(ctx, 'Sheets.Spreadsheets');
    this.Values = new ValuesCollectionImpl(ctx);
  }

  batchUpdate(resource: Json, spreadsheetId: unknown): Json {
    const ctx = this._ctx;
    const ss = openForCall(ctx, 'batchUpdate', spreadsheetId, true);
    for (const key of Object.keys(resource ?? {}))
      if (!['requests', 'includeSpreadsheetInResponse'].includes(key))
        throw ctx.fail(`Not emulated: Sheets.Spreadsheets.batchUpdate resource.${key}`);
    const requests: unknown = resource?.requests;
    if (!Array.isArray(requests) || requests.length === 0) throw apiFail(ctx, 'batchUpdate', NO_REQUESTS);
    if (Buffer.byteLength(JSON.stringify(resource), 'utf8') > MAX_PAYLOAD_BYTES)
      throw apiFail(ctx, 'batchUpdate', PAYLOAD_TEXT);
    // All or nothing: the requests run in order on a copy, which replaces the state only if all pass.
    const copy = structuredClone(ss);
    const nextId = ctx.state.nextId;
    const replies: Json[] = [];
    let units = 0;
    requests.forEach((request: Json, i: number) => {
      const kinds = Object.keys(request ?? {});
      if (kinds.length !== 1) {
        ctx.state.nextId = nextId;
        // unverified: the text for a request with no kind or several
        throw apiFail(ctx, 'batchUpdate', `Invalid requests[${i}]: a request must set exactly one kind`);
      }
      const kind = kinds[0]!;
      const handler = HANDLERS[kind];
      if (!handler) {
        ctx.state.nextId = nextId;
        throw ctx.fail(`Not emulated: Sheets.Spreadsheets.batchUpdate request ${kind}`);
      }
      try {
        units += REQUEST_UNITS + requestCells(copy, kind, request[kind]);
        const reply = handler(ctx, copy, request[kind]);
        replies.push(reply ?? {});
      } catch (error) {
        ctx.state.nextId = nextId;
        const text = error instanceof Invalid || isServiceError(error) ? error.message : null;
        if (text === null) throw error;
        if (text.startsWith('Not emulated')) throw ctx.fail(text);
        throw apiFail(ctx, 'batchUpdate', `Invalid requests[${i}].${kind}: ${text}`);
      }
    });
    Object.assign(ss, copy);
    ctx.noteCells(units);
    const out: Json = { spreadsheetId: ss.id, replies };
    if (resource.includeSpreadsheetInResponse) out.updatedSpreadsheet = this._resource(ss, {});
    return out;
  }

  get(spreadsheetId: unknown, optionalArgs?: Json): Json {
    const ctx = this._ctx;
    const ss = openForCall(ctx, 'get', spreadsheetId, false);
    const args = optionalArgs ?? {};
    try {
      allowOnly(args, ['fields', 'ranges', 'includeGridData'], 'Sheets.Spreadsheets.get optionalArgs');
      const mask = typeof args.fields === 'string' ? parseMask(args.fields) : null;
      const resource = this._resource(ss, {
        ranges: args.ranges === undefined ? undefined : [].concat(args.ranges),
        // "includeGridData … ignored if a field mask was set in the request"
        gridData: mask ? !!mask.sheets?.data || !!mask.sheets?.['*'] || !!mask['*'] : !!args.includeGridData,
      });
      return mask ? prune(resource, mask) : resource;
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      if (error.message.startsWith('Not emulated')) throw ctx.fail(error.message);
      throw apiFail(ctx, 'get', error.message);
    }
  }

  _resource(ss: SpreadsheetData, options: { ranges?: string[]; gridData?: boolean }): Json {
    const ctx = this._ctx;
    const file = findFile(ctx, ss.id)!;
    const wanted = options.ranges?.map((r) => rangeOf(ss, String(r)));
    const sheets = ss.sheets
      .filter((s) => !wanted || wanted.some((w) => w.sheet === s))
      .map((sheet) => {
        const out: Json = { properties: sheetProperties(ss, sheet) };
        const protections = ss.protections.filter((p) => p.rect.sheetId === sheet.id);
        if (protections.length > 0) out.protectedRanges = protections.map((p) => protectionToApi(ctx, ss, p));
        if (options.gridData) {
          const rects = wanted
            ? wanted.filter((w) => w.sheet === sheet).map((w) => w.rect)
            : [
                {
                  sheetId: sheet.id,
                  row: 1,
                  col: 1,
                  numRows: Math.max(lastRow(sheet), 1),
                  numCols: Math.max(lastColumn(sheet), 1),
                },
              ];
          out.data = rects.map((rect) => gridData(ctx, ss, sheet, rect));
        }
        return out;
      });
    return {
      spreadsheetId: ss.id,
      properties: { title: file.name, locale: ss.locale, timeZone: ss.timeZone },
      sheets,
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${ss.id}/edit`,
    };
  }
}
