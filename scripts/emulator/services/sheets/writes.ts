import type { EmulatorContext } from '../../core/context';
import { isDate } from '../../core/context';
import { columnLetters } from './a1';
import { assertCellText } from './limits';
import { cellAt, cellFor } from './model';
import type { Cell, CellValue, SheetData, SpreadsheetData } from './types';
import { ruleAccepts, validationMessage } from './validation';
import {
  DEFAULT_DATE_TIME_FORMAT,
  isDateFormat,
  msToSerial,
  parseUserEntered,
  serialToMs,
  TEXT_FORMAT,
} from './values';

/** What a write puts in a cell: a value or a formula, and sometimes the number format the input implies. */
export interface Content {
  v?: CellValue;
  f?: string;
  numberFormat?: string;
}

/** Turns what a script (or a person) writes into cell content, as Sheets does with USER_ENTERED input. */
export function prepareInput(
  ctx: EmulatorContext,
  ss: SpreadsheetData,
  cell: Cell | undefined,
  input: unknown,
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
    return isDateFormat(cell?.numberFormat) ? { v } : { v, numberFormat: DEFAULT_DATE_TIME_FORMAT };
  }
  if (typeof input === 'string') {
    // Plain-text cells keep what is written as it is.
    if (cell?.numberFormat === TEXT_FORMAT) return { v: input };
    const parsed = parseUserEntered(input);
    if ('f' in parsed) return parsed;
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

/** The value as the product sees it: '' for empty, Dates for date-formatted numbers. */
export function readValue(ctx: EmulatorContext, ss: SpreadsheetData, cell: Cell | null | undefined): unknown {
  if (!cell) return '';
  if (cell.f !== undefined) throw ctx.fail('Not emulated: formula evaluation');
  if (cell.v === undefined) return '';
  if (typeof cell.v === 'number' && isDateFormat(cell.numberFormat))
    return ctx.toRealmDate(serialToMs(cell.v, ss.timeZone));
  return cell.v;
}

/** The first rule of a cell that rejects `content`, with the cell's name; formulas are not evaluated. */
export function violatedRule(sheet: SheetData, row: number, col: number, content: Content) {
  const cell = cellAt(sheet, row, col);
  const rule = cell?.validation;
  if (!rule || content.f !== undefined) return null;
  if (ruleAccepts(rule, content.v, content.numberFormat ?? cell.numberFormat)) return null;
  return { rule, a1: `${columnLetters(col)}${row}` };
}

/**
 * Script writes into cells whose rule rejects invalid input fail like a person's edit does: the text
 * is seen in real runs ("The data you entered in cell U2 violates the data validation rules set on
 * this cell."). Rules that allow invalid input only flag the cell.
 */
export function assertScriptWriteValid(
  ctx: EmulatorContext,
  sheet: SheetData,
  row: number,
  col: number,
  content: Content,
): void {
  const violation = violatedRule(sheet, row, col, content);
  if (violation && !violation.rule.allowInvalid) throw ctx.fail(validationMessage(violation.a1));
}
