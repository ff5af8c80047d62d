import type { EmulatorContext } from '../../core/context';
import { isDate } from '../../core/context';
import { zonedParts } from '../../core/time';
import { columnLetters } from './a1';
import { evaluateFormula, storedFormula } from './formulas';
import { conventionsOf } from './locales';
import { assertCellText } from './limits';
import { cellAt, cellFor } from './model';
import type { Cell, CellValue, SheetData, SpreadsheetData } from './types';
import { ruleAccepts, validationMessage } from './validation';
import type { InputContext } from './values';
import { isDateFormat, msToSerial, parseUserEntered, serialToMs, TEXT_FORMAT } from './values';

/** What a write puts in a cell: a value or a formula, and sometimes the number format the input implies. */
export interface Content {
  v?: CellValue;
  f?: string;
  numberFormat?: string;
}

/** How typed text is read in this spreadsheet now: its locale, and this year in its time zone. */
export function inputContext(ctx: EmulatorContext, ss: SpreadsheetData): InputContext {
  return { locale: conventionsOf(ss.locale), year: zonedParts(ctx.clock.now(), ss.timeZone).year };
}

/**
 * Turns what a script (or a person) writes into cell content, as Sheets does with USER_ENTERED input;
 * `reading` is inputContext(ctx, ss), computed once per write.
 */
export function prepareInput(
  ctx: EmulatorContext,
  ss: SpreadsheetData,
  cell: Cell | undefined,
  input: unknown,
  reading: InputContext,
): Content {
  assertCellText(ctx, input);
  if (input === null || input === undefined || input === '') return {};
  if (typeof input === 'boolean') return { v: input };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw ctx.fail(`Not emulated: writing ${input} to a cell`);
    return { v: input };
  }
  if (isDate(input)) {
    const v = msToSerial(input.getTime(), ss.timeZone);
    if (isDateFormat(cell?.numberFormat)) return { v };
    return { v, numberFormat: reading.locale.dateTimeFormat };
  }
  if (typeof input === 'string') {
    // Plain-text cells keep what is written as it is.
    if (cell?.numberFormat === TEXT_FORMAT) return { v: input };
    const parsed = parseUserEntered(input, reading);
    if ('f' in parsed) return { f: storedFormula(parsed.f, reading.locale) };
    const keepFormat =
      !parsed.numberFormat ||
      (cell?.numberFormat && isDateFormat(cell.numberFormat) === isDateFormat(parsed.numberFormat));
    return keepFormat ? { v: parsed.v } : parsed;
  }
  throw ctx.fail(`Not emulated: writing a value of type ${typeof input} to a cell`);
}

export function storeContent(sheet: SheetData, row: number, col: number, content: Content): void {
  if (content.v === undefined && content.f === undefined && !cellAt(sheet, row, col)) return;
  const cell = cellFor(sheet, row, col);
  delete cell.v;
  delete cell.f;
  if (content.v !== undefined) cell.v = content.v;
  if (content.f !== undefined) cell.f = content.f;
  if (content.numberFormat !== undefined) cell.numberFormat = content.numberFormat;
}

/** What a cell (or content about to be stored there) holds: its value, or its formula's result. */
export function contentValue(
  ctx: EmulatorContext,
  ss: SpreadsheetData,
  sheet: SheetData,
  row: number,
  col: number,
  content: Content | null | undefined,
): CellValue | undefined {
  if (content?.f === undefined) return content?.v;
  return evaluateFormula(ctx, ss, sheet, row, col, content.f, inputContext(ctx, ss).year);
}

/** The value as the product sees it: '' for empty, Dates for date-formatted numbers. */
export function readValue(
  ctx: EmulatorContext,
  ss: SpreadsheetData,
  sheet: SheetData,
  row: number,
  col: number,
  cell: Cell | null | undefined,
): unknown {
  const value = contentValue(ctx, ss, sheet, row, col, cell);
  if (value === undefined) return '';
  if (typeof value === 'number' && isDateFormat(cell?.numberFormat))
    return ctx.toRealmDate(serialToMs(value, ss.timeZone));
  return value;
}

/**
 * The first rule of a cell that rejects `content`, with the cell's name. A formula is judged by its
 * result, as Sheets validates what the cell shows. // unverified: confirm on a real account
 */
export function violatedRule(
  ctx: EmulatorContext,
  ss: SpreadsheetData,
  sheet: SheetData,
  row: number,
  col: number,
  content: Content,
) {
  const cell = cellAt(sheet, row, col);
  const rule = cell?.validation;
  if (!rule) return null;
  const value = contentValue(ctx, ss, sheet, row, col, content);
  const locale = conventionsOf(ss.locale);
  if (ruleAccepts(rule, value, content.numberFormat ?? cell.numberFormat, locale)) return null;
  return { rule, a1: `${columnLetters(col)}${row}` };
}

/**
 * Script writes into cells whose rule rejects invalid input fail like a person's edit does: the text
 * is seen in real runs ("The data you entered in cell U2 violates the data validation rules set on
 * this cell."). Rules that allow invalid input only flag the cell.
 */
export function assertScriptWriteValid(
  ctx: EmulatorContext,
  ss: SpreadsheetData,
  sheet: SheetData,
  row: number,
  col: number,
  content: Content,
): void {
  const violation = violatedRule(ctx, ss, sheet, row, col, content);
  if (violation && !violation.rule.allowInvalid) throw ctx.fail(validationMessage(violation.a1));
}
