import type { AstExpression } from '@borgar/fx';
import { parse, parseA1Ref, tokenize } from '@borgar/fx';
import * as formulajs from '@formulajs/formulajs';
import type { EmulatorContext } from '../../core/context';
import type { LocaleConventions } from './locales';
import { conventionsOf } from './locales';
import type { CellValue, SheetData, SpreadsheetData } from './types';
import { generalNumber, parseUserEntered } from './values';

/**
 * Formulas typed by a person or written by a script: parsed with @borgar/fx (MIT), functions from
 * @formulajs/formulajs (MIT), references read from the sheet. Only the arithmetic, comparisons,
 * text joining and the functions in FUNCTIONS are emulated; any other function, arrays, names and
 * spilled results throw `Not emulated`.
 *
 * Sources: the Sheets function list (https://support.google.com/docs/table/25273) for what each
 * function does; getValues gives a formula's result and getFormula its text (Range reference; the
 * Sheets API's UNFORMATTED_VALUE, "Values will be calculated, but not formatted", is what getValues
 * reads, https://developers.google.com/sheets/api/reference/rest/v4/ValueRenderOption). Error results (#DIV/0!, #VALUE!, #REF!, #ERROR! for a formula Sheets
 * cannot parse) read as their text in getValues and getDisplayValues. // unverified: the error
 * texts as Apps Script returns them; "" in arithmetic (#VALUE! here); a circular reference (#REF!)
 */

/** A Sheets error value; a cell holding one reads as its text. */
class SheetsError {
  constructor(readonly code: string) {}
}
type Scalar = number | string | boolean | null | SheetsError;
type Value = Scalar | Scalar[][];

const PARSE_ERROR = new SheetsError('#ERROR!');
const EN_US = conventionsOf('en_US');

/**
 * Rewrites a formula from the syntax of one locale to another's: argument separators and decimal
 * marks outside strings and quoted sheet names. In a comma locale a ";" is read as "," (Sheets
 * corrects it as you type, https://stackoverflow.com/questions/73767719); in a decimal-comma locale
 * a "," that is not a decimal mark, or a "." between digits, cannot be read: null (#ERROR!).
 * Array literals, whose separators differ again, are not translated (null).
 */
export function translateFormula(
  formula: string,
  from: LocaleConventions,
  to: LocaleConventions,
): string | null {
  let out = '';
  const digit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
  // A decimal mark follows a number, not a reference: the digits of B2 in "B2,5" belong to B2.
  const afterNumber = (i: number) => {
    let j = i - 1;
    while (digit(formula[j])) j--;
    return j < i - 1 && !/[\p{L}$_.]/u.test(formula[j] ?? '');
  };
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      let end = i + 1;
      while (end < formula.length && !(formula[end] === ch && formula[end + 1] !== ch)) {
        end += formula[end] === ch ? 2 : 1;
      }
      out += formula.slice(i, end + 1);
      i = end;
      continue;
    }
    if (ch === '{') return null;
    const between = afterNumber(i) && digit(formula[i + 1]);
    if (ch === ';') out += to.argumentSeparator;
    else if (ch === from.decimal && between) out += to.decimal;
    else if (ch === ',' || ch === '.') {
      if (ch === ',' && from.argumentSeparator === ',') out += to.argumentSeparator;
      else if (ch === '.' && !between) out += ch;
      else return null;
    } else out += ch;
  }
  return out;
}

/** The formula as Sheets keeps it after typing: in the locale's syntax (";" corrected to "," where commas separate). */
export function storedFormula(formula: string, locale: LocaleConventions): string {
  return translateFormula(formula, locale, locale) ?? formula;
}

interface Env {
  ctx: EmulatorContext;
  ss: SpreadsheetData;
  locale: LocaleConventions;
  sheet: SheetData;
  year: number;
  /** Cells being evaluated, to catch circular references. */
  visiting: Set<string>;
}

const notEmulated = (env: Env, what: string) => env.ctx.fail(`Not emulated: ${what} in a formula`);

function firstError(values: Value[]): SheetsError | null {
  for (const value of values) {
    if (value instanceof SheetsError) return value;
    if (Array.isArray(value))
      for (const row of value) for (const v of row) if (v instanceof SheetsError) return v;
  }
  return null;
}

function scalar(value: Value, env: Env): Scalar {
  if (!Array.isArray(value)) return value;
  if (value.length === 1 && value[0]!.length === 1) return value[0]![0]!;
  throw notEmulated(env, 'a range used as a single value');
}

/** Numbers from text as Sheets coerces them ("3" + 1 is 4), in the spreadsheet's locale. // unverified for "" */
function toNumber(value: Scalar, env: Env): number | SheetsError {
  if (value instanceof SheetsError || typeof value === 'number') return value;
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const parsed = parseUserEntered(value, env);
  return 'v' in parsed && typeof parsed.v === 'number' ? parsed.v : new SheetsError('#VALUE!');
}

function toText(value: Scalar, env: Env): string | SheetsError {
  if (value instanceof SheetsError || typeof value === 'string') return value;
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return generalNumber(value, env.locale);
}

/** Sheets' order across types: numbers, then text (ignoring case), then booleans; empty is 0, "" or FALSE. */
function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  const empty = (v: Scalar, other: Scalar): Scalar =>
    v !== null ? v : typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0;
  const [x, y] = [empty(a, b), empty(b, a)];
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string') return x.toLowerCase().localeCompare(String(y).toLowerCase());
  return Number(x) - Number(y);
}

function arithmetic(operator: string, a: number, b: number): number | SheetsError {
  switch (operator) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? new SheetsError('#DIV/0!') : a / b;
    default: {
      const power = Math.pow(a, b);
      return Number.isFinite(power) ? power : new SheetsError('#NUM!');
    }
  }
}

const COMPARISONS: Record<string, (order: number) => boolean> = {
  '=': (o) => o === 0,
  '<>': (o) => o !== 0,
  '<': (o) => o < 0,
  '>': (o) => o > 0,
  '<=': (o) => o <= 0,
  '>=': (o) => o >= 0,
};

/** A library result as a Sheets value: formulajs reports errors as Error objects named by their code. */
function fromLibrary(result: unknown, env: Env): Value {
  if (result instanceof Error) return new SheetsError(result.message);
  if (typeof result === 'number') return Number.isFinite(result) ? result : new SheetsError('#NUM!');
  if (typeof result === 'string' || typeof result === 'boolean') return result;
  throw notEmulated(env, 'a function result that is not a single value');
}

type Args = Array<AstExpression | null>;
type Fn = (args: Args, env: Env) => Value;

/**
 * A formulajs function called with the evaluated arguments; an error among them is the result.
 * Aggregates get ranges as arrays (they skip text in ranges, as Sheets does); scalar functions get
 * one cell's value; text functions get every value as the text Sheets shows (1,5 in vi_VN).
 */
function library(impl: (...args: never[]) => unknown, kind: 'aggregate' | 'scalar' | 'text'): Fn {
  return (args, env) => {
    const values = args.map((a) => (a === null ? null : evaluate(a, env)));
    const error = firstError(values);
    if (error) return error;
    const passed =
      kind === 'aggregate'
        ? values
        : kind === 'scalar'
          ? values.map((v) => scalar(v, env))
          : values.flatMap((v) => (Array.isArray(v) ? v.flat() : [v])).map((v) => toText(v as Scalar, env));
    return fromLibrary((impl as (...a: unknown[]) => unknown)(...passed), env);
  };
}

function truth(value: Scalar, env: Env): boolean | SheetsError {
  if (value instanceof SheetsError || typeof value === 'boolean') return value;
  if (value === null) return false;
  if (typeof value === 'number') return value !== 0;
  const upper = value.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
  const n = toNumber(value, env);
  return n instanceof SheetsError ? n : n !== 0;
}

/** The functions officers use, as the Sheets function list describes them. */
const FUNCTIONS: Record<string, Fn> = {
  SUM: library(formulajs.SUM, 'aggregate'),
  AVERAGE: library(formulajs.AVERAGE, 'aggregate'),
  MIN: library(formulajs.MIN, 'aggregate'),
  MAX: library(formulajs.MAX, 'aggregate'),
  COUNT: library(formulajs.COUNT, 'aggregate'),
  COUNTA: library(formulajs.COUNTA, 'aggregate'),
  ROUND: library(formulajs.ROUND, 'scalar'),
  ROUNDUP: library(formulajs.ROUNDUP, 'scalar'),
  ROUNDDOWN: library(formulajs.ROUNDDOWN, 'scalar'),
  ABS: library(formulajs.ABS, 'scalar'),
  AND: library(formulajs.AND, 'aggregate'),
  OR: library(formulajs.OR, 'aggregate'),
  NOT: library(formulajs.NOT, 'scalar'),
  CONCATENATE: library(formulajs.CONCATENATE, 'text'),
  /** IF(condition, then, [else]): only the branch taken is evaluated; no else gives FALSE. */
  IF: (args, env) => {
    if (args.length < 2 || args.length > 3 || !args[0]) return PARSE_ERROR;
    const condition = truth(scalar(evaluate(args[0], env), env), env);
    if (condition instanceof SheetsError) return condition;
    const branch = condition ? args[1] : args[2];
    if (branch === undefined) return false;
    return branch === null ? null : evaluate(branch, env);
  },
  /** IFERROR(value, [value_if_error]): an empty result when the error value is left out. */
  IFERROR: (args, env) => {
    if (args.length < 1 || args.length > 2 || !args[0]) return PARSE_ERROR;
    const value = evaluate(args[0], env);
    if (!(scalar(value, env) instanceof SheetsError)) return value;
    return args[1] ? evaluate(args[1], env) : null;
  },
  /** HYPERLINK(url, [link_label]): the cell's value is the label, or the URL without one. */
  HYPERLINK: (args, env) => {
    if (args.length < 1 || args.length > 2 || !args[0]) return PARSE_ERROR;
    const shown = args[1] ?? args[0];
    return toText(scalar(evaluate(shown, env), env), env);
  },
};

function cellKey(sheet: SheetData, row: number, col: number): string {
  return `${sheet.id}!${row}:${col}`;
}

/** The value of a stored cell, evaluating its formula (a cell on the path being evaluated is #REF!). */
function cellValue(sheet: SheetData, row: number, col: number, env: Env): Scalar {
  const cell = sheet.rows[row - 1]?.[col - 1];
  if (!cell) return null;
  if (cell.f === undefined) return cell.v ?? null;
  const key = cellKey(sheet, row, col);
  if (env.visiting.has(key)) return new SheetsError('#REF!');
  env.visiting.add(key);
  try {
    return scalar(evaluateText(cell.f, { ...env, sheet }), env);
  } finally {
    env.visiting.delete(key);
  }
}

function reference(text: string, env: Env): Value {
  const ref = parseA1Ref(text, { allowTernary: true });
  if (!ref || !('range' in ref)) throw notEmulated(env, `the name ${text}`);
  const [name] = ref.context ?? [];
  const sheet =
    name === undefined
      ? env.sheet
      : (env.ss.sheets.find((s) => s.name === name) ??
        env.ss.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()));
  if (!sheet) return new SheetsError('#REF!');
  const { top, left, bottom, right } = ref.range;
  const firstRow = (top ?? 0) + 1;
  const firstCol = (left ?? 0) + 1;
  const lastRow = Math.min((bottom ?? sheet.maxRows - 1) + 1, sheet.maxRows);
  const lastCol = Math.min((right ?? sheet.maxCols - 1) + 1, sheet.maxCols);
  if (firstRow > sheet.maxRows || firstCol > sheet.maxCols) return new SheetsError('#REF!');
  // An open-ended range (A:A, A2:A) stops at the stored grid: the empty rows below change no
  // emulated function's result, and reading a million of them would be slow.
  const storedRows =
    bottom === null || bottom === undefined
      ? Math.min(lastRow, Math.max(sheet.rows.length, firstRow))
      : lastRow;
  const out: Scalar[][] = [];
  for (let r = firstRow; r <= storedRows; r++) {
    const line: Scalar[] = [];
    for (let c = firstCol; c <= lastCol; c++) line.push(cellValue(sheet, r, c, env));
    out.push(line);
  }
  return out;
}

function evaluate(node: AstExpression, env: Env): Value {
  switch (node.type) {
    case 'Literal':
      return node.value;
    case 'ErrorLiteral':
      return new SheetsError(node.value);
    case 'ReferenceIdentifier':
      if (node.kind !== 'range' && node.kind !== 'beam') throw notEmulated(env, `the name ${node.value}`);
      return reference(node.value, env);
    case 'UnaryExpression': {
      const value = scalar(evaluate(node.arguments[0]!, env), env);
      if (node.operator === '+') return value;
      const n = toNumber(value, env);
      if (n instanceof SheetsError) return n;
      if (node.operator === '-') return -n;
      if (node.operator === '%') return n / 100;
      throw notEmulated(env, `the operator ${node.operator}`);
    }
    case 'BinaryExpression': {
      const { operator } = node;
      const [a, b] = node.arguments.map((arg) => scalar(evaluate(arg, env), env)) as [Scalar, Scalar];
      const error = firstError([a, b]);
      if (error) return error;
      if (operator === '&') return `${toText(a, env) as string}${toText(b, env) as string}`;
      const comparison = COMPARISONS[operator];
      if (comparison) return comparison(compare(a, b));
      if (!['+', '-', '*', '/', '^'].includes(operator)) throw notEmulated(env, `the operator "${operator}"`);
      const [x, y] = [toNumber(a, env), toNumber(b, env)];
      if (x instanceof SheetsError) return x;
      if (y instanceof SheetsError) return y;
      return arithmetic(operator, x, y);
    }
    case 'CallExpression': {
      const name = node.callee.name.toUpperCase();
      const fn = FUNCTIONS[name];
      if (!fn) throw notEmulated(env, `the function ${name}`);
      return fn(node.arguments, env);
    }
    default:
      throw notEmulated(env, node.type === 'ArrayExpression' ? 'an array' : node.type);
  }
}

/** A formula in the spreadsheet's syntax; a formula Sheets cannot read is #ERROR!. */
function evaluateText(formula: string, env: Env): Value {
  if (formula.includes('{')) throw notEmulated(env, 'an array');
  const canonical = translateFormula(formula, env.locale, EN_US);
  if (canonical === null) return PARSE_ERROR;
  let ast: AstExpression;
  try {
    ast = parse(tokenize(canonical, { allowTernary: true, withLocation: false }));
  } catch {
    return PARSE_ERROR;
  }
  return evaluate(ast, env);
}

/**
 * The value of `formula` in the cell at row, col of `sheet`: a number, text, boolean, an error's
 * text ("#DIV/0!"), or undefined for an empty result (=A9 of an empty A9 shows nothing).
 */
export function evaluateFormula(
  ctx: EmulatorContext,
  ss: SpreadsheetData,
  sheet: SheetData,
  row: number,
  col: number,
  formula: string,
  year: number,
): CellValue | undefined {
  const env: Env = { ctx, ss, locale: conventionsOf(ss.locale), sheet, year, visiting: new Set() };
  env.visiting.add(cellKey(sheet, row, col));
  const value = scalar(evaluateText(formula, env), env);
  if (value === null) return undefined;
  return value instanceof SheetsError ? value.code : value;
}
