import ExcelJS from 'exceljs';
import type { EmulatorContext } from '../core/context';
import { findFile } from '../core/files';
import { a1Notation, columnLetters } from '../services/sheets/a1';
import { translateFormula } from '../services/sheets/formulas';
import type { LocaleConventions } from '../services/sheets/locales';
import { conventionsOf } from '../services/sheets/locales';
import { spreadsheetData } from '../services/sheets/model';
import type { Cell, ConditionalRuleData, RuleData, SheetData } from '../services/sheets/types';
import { addChartImages } from './xlsxCharts';
import { DEFAULT_NUMBER_FORMAT, isDateFormat } from '../services/sheets/values';

/** Days from 1899-12-30 to 1970-01-01: serials become Dates whose UTC fields are the wall clock. */
const EPOCH_SERIAL = 25_569;
const DAY_MS = 86_400_000;
/** Sheets measures columns in pixels, Excel in characters (about 7 px each). */
const PX_PER_CHARACTER = 7;

const OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  NUMBER_BETWEEN: 'between',
  NUMBER_NOT_BETWEEN: 'notBetween',
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_NOT_EQUAL_TO: 'notEqual',
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
};

function argb(color: string): string {
  return `FF${color.slice(1).toUpperCase()}`;
}

/** Sheets writes months as M and hours as H; Excel reads m (month or minute by context) and h. */
function excelFormat(format: string): string {
  return format.replace(/"[^"]*"|\\.|AM\/PM|[MH]/g, (token) =>
    token === 'M' || token === 'H' ? token.toLowerCase() : token,
  );
}

/** List and number rules have an Excel equivalent; other criteria are left out of the file. */
function excelValidation(rule: RuleData): ExcelJS.DataValidation | null {
  const messages = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: rule.allowInvalid ? 'warning' : 'stop',
    ...(rule.helpText ? { error: rule.helpText, prompt: rule.helpText, showInputMessage: true } : {}),
  };
  if (rule.criteria === 'VALUE_IN_LIST') {
    const values = (rule.args[0] as unknown[]).map(String);
    return { type: 'list', formulae: [`"${values.join(',').replace(/"/g, '""')}"`], ...messages };
  }
  const operator = OPERATORS[rule.criteria];
  if (!operator) return null;
  return { type: 'decimal', operator, formulae: rule.args.map(Number), ...messages };
}

/** OOXML operators of a cellIs rule (exceljs types list only four; it writes any). */
const CELL_IS: Record<string, string> = {
  NUMBER_BETWEEN: 'between',
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
};

/** A text as an Excel formula literal. */
function textLiteral(text: unknown): string {
  return `"${String(text).replace(/"/g, '""')}"`;
}

/** The differential format of a rule (Excel reads a conditional solid fill from bgColor). */
function conditionalStyle(format: ConditionalRuleData['format']): Partial<ExcelJS.Style> {
  const font: Partial<ExcelJS.Font> = {
    ...(format.fontColor ? { color: { argb: argb(format.fontColor) } } : {}),
    ...(format.bold !== null ? { bold: format.bold } : {}),
    ...(format.italic !== null ? { italic: format.italic } : {}),
  };
  return {
    ...(format.background
      ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(format.background) } } }
      : {}),
    ...(Object.keys(font).length > 0 ? { font } : {}),
  };
}

/**
 * A Sheets rule as an Excel rule for a range whose top-left cell is `topLeft`; Excel applies rules by
 * priority, so the rule's position in the sheet becomes its priority (Sheets: first matching rule wins).
 */
function excelConditional(
  rule: ConditionalRuleData,
  priority: number,
  topLeft: string,
): ExcelJS.ConditionalFormattingRule | null {
  const style = conditionalStyle(rule.format);
  const operator = CELL_IS[rule.criteria];
  if (operator) {
    return {
      type: 'cellIs',
      operator: operator as ExcelJS.CellIsOperators,
      formulae: rule.args.map(Number),
      priority,
      style,
    };
  }
  switch (rule.criteria) {
    case 'TEXT_EQUAL_TO':
      return { type: 'cellIs', operator: 'equal', formulae: [textLiteral(rule.args[0])], priority, style };
    case 'TEXT_CONTAINS':
      return {
        type: 'containsText',
        operator: 'containsText',
        text: String(rule.args[0]),
        formulae: [`NOT(ISERROR(SEARCH(${textLiteral(rule.args[0])},${topLeft})))`],
        priority,
        style,
      } as ExcelJS.ContainsTextRuleType;
    case 'CELL_EMPTY':
      return { type: 'containsText', operator: 'containsBlanks', priority, style };
    case 'CELL_NOT_EMPTY':
      return { type: 'containsText', operator: 'notContainsBlanks', priority, style };
    default:
      return null;
  }
}

function writeConditionalRules(ws: ExcelJS.Worksheet, rules: ConditionalRuleData[]): void {
  rules.forEach((rule, index) => {
    for (const r of rule.ranges) {
      const topLeft = `${columnLetters(r.col)}${r.row}`;
      const excelRule = excelConditional(rule, index + 1, topLeft);
      if (excelRule)
        ws.addConditionalFormatting({
          ref: a1Notation(r.row, r.col, r.numRows, r.numCols, 'cells'),
          rules: [excelRule],
        });
    }
  });
}

/** Excel reads formulas in en_US syntax; a formula the sheet's locale cannot read is kept as typed. */
function cellValue(cell: Cell, locale: LocaleConventions): ExcelJS.CellValue {
  if (cell.f !== undefined)
    return { formula: (translateFormula(cell.f, locale, conventionsOf('en_US')) ?? cell.f).slice(1) };
  if (typeof cell.v === 'number' && isDateFormat(cell.numberFormat)) {
    return new Date(Math.round((cell.v - EPOCH_SERIAL) * DAY_MS));
  }
  return cell.v ?? null;
}

function writeCell(target: ExcelJS.Cell, cell: Cell, locale: LocaleConventions): void {
  target.value = cellValue(cell, locale);
  if (cell.numberFormat && cell.numberFormat !== DEFAULT_NUMBER_FORMAT)
    target.numFmt = excelFormat(cell.numberFormat);
  if (cell.note) target.note = cell.note;
  if (cell.background)
    target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cell.background) } };
  if (cell.fontWeight || cell.fontStyle || cell.fontColor) {
    target.font = {
      bold: cell.fontWeight === 'bold',
      italic: cell.fontStyle === 'italic',
      ...(cell.fontColor ? { color: { argb: argb(cell.fontColor) } } : {}),
    };
  }
  if (cell.wrap || cell.horizontalAlignment) {
    const horizontal = cell.horizontalAlignment?.toLowerCase() as ExcelJS.Alignment['horizontal'] | undefined;
    target.alignment = { wrapText: !!cell.wrap, ...(horizontal ? { horizontal } : {}) };
  }
  const validation = cell.validation && excelValidation(cell.validation);
  if (validation) target.dataValidation = validation;
}

function writeSheet(
  workbook: ExcelJS.Workbook,
  sheet: SheetData,
  locale: LocaleConventions,
): ExcelJS.Worksheet {
  const frozen = sheet.frozenRows > 0 || sheet.frozenCols > 0;
  const ws = workbook.addWorksheet(sheet.name, {
    state: sheet.hidden ? 'hidden' : 'visible',
    ...(sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}),
    ...(frozen ? { views: [{ state: 'frozen', xSplit: sheet.frozenCols, ySplit: sheet.frozenRows }] } : {}),
  });
  for (const [col, width] of Object.entries(sheet.widths)) {
    ws.getColumn(Number(col)).width = Math.round((width / PX_PER_CHARACTER) * 100) / 100;
  }
  sheet.rows.forEach((cells, r) => {
    cells?.forEach((cell, c) => {
      if (cell) writeCell(ws.getCell(r + 1, c + 1), cell, locale);
    });
  });
  writeConditionalRules(ws, sheet.conditionalRules ?? []);
  return ws;
}

/**
 * The spreadsheet as an .xlsx file: every sheet in order with values (numbers as numbers, dates as
 * dates, formulas as formulas without results), number formats, notes, backgrounds, fonts, column
 * widths, frozen panes, list and number validations, conditional formatting (number, text and
 * emptiness conditions), hidden sheets, tab colours, and embedded charts as pictures.
 */
export async function exportXlsx(ctx: EmulatorContext, spreadsheetId: string, file: string): Promise<void> {
  const ss = spreadsheetData(ctx, spreadsheetId);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = findFile(ctx, spreadsheetId)?.owner ?? ctx.state.owner;
  workbook.created = new Date(ctx.clock.now());
  const locale = conventionsOf(ss.locale);
  for (const sheet of ss.sheets)
    addChartImages(ctx, ss, workbook, writeSheet(workbook, sheet, locale), sheet);
  await workbook.xlsx.writeFile(file);
}
