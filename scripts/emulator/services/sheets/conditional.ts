import type { EmulatorContext } from '../../core/context';
import { Emulated } from '../../core/context';
import type { RangeShape } from './a1';
import { sheetData, spreadsheetData } from './model';
import { assertScriptCanEdit } from './protection';
import { normalizeColor, RangeImpl } from './range';
import { checkSignature, signatureError } from './signature';
import type { Cell, ConditionalFormatData, ConditionalRuleData, SheetData } from './types';
import type { LocaleConventions } from './locales';
import { generalNumber } from './values';

/**
 * Conditional formatting: SpreadsheetApp.newConditionalFormatRule() (ConditionalFormatRuleBuilder),
 * ConditionalFormatRule, BooleanCondition, and how a rule formats a cell. Only boolean conditions on
 * numbers, texts and emptiness are emulated; gradients, custom formulas and dates are not (the proxy
 * throws `Not emulated`).
 */

/** The SpreadsheetApp.BooleanCriteria members the emulated builder methods produce. */
export const BOOLEAN_CRITERIA = [
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_EQUAL_TO',
] as const;

/** // unverified: confirm on a real account (what build() says without ranges) */
export const NO_RANGES_TEXT = 'The conditional format rule must contain at least one range.';
/** // unverified: confirm on a real account (what build() says without a condition) */
export const NO_CONDITION_TEXT = 'The conditional format rule must contain a condition.';
/**
 * Seen in real runs for a custom formula naming another sheet; used here for a rule whose ranges are
 * not on the sheet it is set on. // unverified: confirm on a real account
 */
export const OTHER_SHEET_TEXT = 'Conditional format rule cannot reference a different sheet.';

/** A range of a rule not yet set on a sheet. */
interface RangeRef {
  ssId: string;
  sheetId: number;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  shape: RangeShape;
}

/** What a builder (and a built rule) holds: plain data, copied whenever it changes hands. */
interface Draft {
  ranges: RangeRef[];
  criteria: string | null;
  args: unknown[];
  format: ConditionalFormatData;
}

function emptyFormat(): ConditionalFormatData {
  return { background: null, fontColor: null, bold: null, italic: null };
}

/** The rules of a sheet as built rules (getConditionalFormatRules). */
export function rulesOf(ctx: EmulatorContext, ssId: string, sheet: SheetData): ConditionalFormatRuleImpl[] {
  return (sheet.conditionalRules ?? []).map(
    (rule) =>
      new ConditionalFormatRuleImpl(ctx, {
        ranges: rule.ranges.map((r) => ({ ssId, sheetId: sheet.id, ...r })),
        criteria: rule.criteria,
        args: structuredClone(rule.args),
        format: { ...rule.format },
      }),
  );
}

/**
 * Replaces the rules of a sheet (setConditionalFormatRules): every element must be a built rule whose
 * ranges are on this sheet; the acting user must be able to edit the cells they format.
 */
export function storeRules(ctx: EmulatorContext, ssId: string, sheetId: number, rules: unknown): void {
  const method = 'Sheet.setConditionalFormatRules';
  checkSignature(ctx, method, [rules], [['array']]);
  const list = Array.from(rules as unknown[]);
  if (!list.every((r) => r instanceof ConditionalFormatRuleImpl)) throw signatureError(ctx, method, [rules]);
  const ss = spreadsheetData(ctx, ssId);
  const sheet = sheetData(ctx, ss, sheetId);
  const stored: ConditionalRuleData[] = (list as ConditionalFormatRuleImpl[]).map(({ _draft: draft }) => {
    for (const r of draft.ranges) {
      if (r.ssId !== ssId || r.sheetId !== sheetId) throw ctx.fail(OTHER_SHEET_TEXT);
    }
    return {
      ranges: draft.ranges.map(({ row, col, numRows, numCols, shape }) => ({
        row,
        col,
        numRows,
        numCols,
        shape,
      })),
      criteria: draft.criteria!,
      args: structuredClone(draft.args),
      format: { ...draft.format },
    };
  });
  for (const rule of stored) {
    for (const r of rule.ranges) assertScriptCanEdit(ctx, ss, { sheetId, ...r });
  }
  sheet.conditionalRules = stored;
}

/** The text a text condition compares with (the typed text of a number or boolean). // unverified */
function asText(value: Cell['v'], locale: LocaleConventions): string {
  if (typeof value === 'number') return generalNumber(value, locale);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value ?? '';
}

/**
 * Whether a rule's condition holds for a cell. Choices (// unverified: confirm on a real account):
 * an empty cell counts as 0 for number conditions (as in Excel and in formulas); text conditions
 * ignore case; a text never satisfies a number condition.
 */
export function conditionHolds(
  rule: ConditionalRuleData,
  value: Cell['v'],
  locale: LocaleConventions,
): boolean {
  const empty = value === undefined || value === '';
  switch (rule.criteria) {
    case 'CELL_EMPTY':
      return empty;
    case 'CELL_NOT_EMPTY':
      return !empty;
    case 'TEXT_EQUAL_TO':
      return !empty && asText(value, locale).toLowerCase() === String(rule.args[0]).toLowerCase();
    case 'TEXT_CONTAINS':
      return !empty && asText(value, locale).toLowerCase().includes(String(rule.args[0]).toLowerCase());
    default:
      break;
  }
  const n = empty ? 0 : value;
  if (typeof n !== 'number') return false;
  const [a, b] = rule.args.map(Number) as [number, number];
  switch (rule.criteria) {
    case 'NUMBER_BETWEEN':
      return n >= Math.min(a, b) && n <= Math.max(a, b);
    case 'NUMBER_EQUAL_TO':
      return n === a;
    case 'NUMBER_GREATER_THAN':
      return n > a;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n >= a;
    case 'NUMBER_LESS_THAN':
      return n < a;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n <= a;
    default:
      throw new Error(`Conditional format criteria ${rule.criteria} cannot be evaluated`);
  }
}

/** The first rule of the sheet whose ranges hold the cell and whose condition holds for its value. */
export function effectiveRule(
  sheet: SheetData,
  row: number,
  col: number,
  value: Cell['v'],
  locale: LocaleConventions,
) {
  return (sheet.conditionalRules ?? []).find(
    (rule) =>
      rule.ranges.some(
        (r) => row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols,
      ) && conditionHolds(rule, value, locale),
  );
}

/** BooleanCondition: the criteria of a rule and the format it applies. */
export class BooleanConditionImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    readonly _criteria: string,
    readonly _args: unknown[],
    readonly _format: ConditionalFormatData,
  ) {
    super(ctx, 'BooleanCondition');
  }
  getCriteriaType(): string {
    return this._criteria;
  }
  getCriteriaValues(): unknown[] {
    return structuredClone(this._args);
  }
  /** Lower-case #rrggbb as set, or null. // unverified: the case Google returns */
  getBackground(): string | null {
    return this._format.background;
  }
  getFontColor(): string | null {
    return this._format.fontColor;
  }
  getBold(): boolean | null {
    return this._format.bold;
  }
  getItalic(): boolean | null {
    return this._format.italic;
  }
}

/** What a built rule and its builder both answer. */
abstract class RuleReader extends Emulated {
  constructor(
    ctx: EmulatorContext,
    className: string,
    readonly _draft: Draft,
  ) {
    super(ctx, className);
  }
  getRanges(): RangeImpl[] {
    return this._draft.ranges.map(
      (r) => new RangeImpl(this._ctx, r.ssId, r.sheetId, r.row, r.col, r.numRows, r.numCols, r.shape),
    );
  }
  getBooleanCondition(): BooleanConditionImpl | null {
    const { criteria, args, format } = this._draft;
    return criteria === null
      ? null
      : new BooleanConditionImpl(this._ctx, criteria, structuredClone(args), { ...format });
  }
  copy(): ConditionalFormatRuleBuilderImpl {
    return new ConditionalFormatRuleBuilderImpl(this._ctx, structuredClone(this._draft));
  }
}

/** A built rule (SpreadsheetApp.ConditionalFormatRule): an immutable value. */
export class ConditionalFormatRuleImpl extends RuleReader {
  constructor(ctx: EmulatorContext, draft: Draft) {
    super(ctx, 'ConditionalFormatRule', draft);
  }
}

const BUILDER = 'ConditionalFormatRuleBuilder';

export class ConditionalFormatRuleBuilderImpl extends RuleReader {
  constructor(ctx: EmulatorContext, draft?: Draft) {
    super(ctx, BUILDER, draft ?? { ranges: [], criteria: null, args: [], format: emptyFormat() });
  }

  /** Sets the condition after checking the arguments against the method's one signature. */
  _when(method: string, criteria: string, args: unknown[], shape: string[]): this {
    checkSignature(this._ctx, `${BUILDER}.${method}`, args, [shape]);
    this._draft.criteria = criteria;
    this._draft.args = structuredClone(args);
    return this;
  }
  /** A colour, or null to remove that setting from the format. */
  _color(method: string, color: unknown): string | null {
    checkSignature(this._ctx, `${BUILDER}.${method}`, [color], [['string'], ['null']]);
    return normalizeColor(this._ctx, color);
  }
  /** A flag, or null to remove that setting from the format. */
  _flag(method: string, flag: unknown): boolean | null {
    checkSignature(this._ctx, `${BUILDER}.${method}`, [flag], [['boolean'], ['null']]);
    return flag as boolean | null;
  }

  whenNumberLessThan(number: number): this {
    return this._when('whenNumberLessThan', 'NUMBER_LESS_THAN', [number], ['number']);
  }
  whenNumberLessThanOrEqualTo(number: number): this {
    return this._when('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [number], ['number']);
  }
  whenNumberGreaterThan(number: number): this {
    return this._when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [number], ['number']);
  }
  whenNumberGreaterThanOrEqualTo(number: number): this {
    return this._when(
      'whenNumberGreaterThanOrEqualTo',
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      [number],
      ['number'],
    );
  }
  whenNumberBetween(start: number, end: number): this {
    return this._when('whenNumberBetween', 'NUMBER_BETWEEN', [start, end], ['number', 'number']);
  }
  whenNumberEqualTo(number: number): this {
    return this._when('whenNumberEqualTo', 'NUMBER_EQUAL_TO', [number], ['number']);
  }
  whenTextEqualTo(text: string): this {
    return this._when('whenTextEqualTo', 'TEXT_EQUAL_TO', [text], ['string']);
  }
  whenTextContains(text: string): this {
    return this._when('whenTextContains', 'TEXT_CONTAINS', [text], ['string']);
  }
  whenCellEmpty(...args: unknown[]): this {
    return this._when('whenCellEmpty', 'CELL_EMPTY', args, []);
  }
  whenCellNotEmpty(...args: unknown[]): this {
    return this._when('whenCellNotEmpty', 'CELL_NOT_EMPTY', args, []);
  }

  setBackground(color: string | null): this {
    this._draft.format.background = this._color('setBackground', color);
    return this;
  }
  setFontColor(color: string | null): this {
    this._draft.format.fontColor = this._color('setFontColor', color);
    return this;
  }
  setBold(bold: boolean | null): this {
    this._draft.format.bold = this._flag('setBold', bold);
    return this;
  }
  setItalic(italic: boolean | null): this {
    this._draft.format.italic = this._flag('setItalic', italic);
    return this;
  }
  setRanges(ranges: RangeImpl[]): this {
    checkSignature(this._ctx, `${BUILDER}.setRanges`, [ranges], [['array']]);
    const list = Array.from(ranges as unknown[]);
    if (!list.every((r) => r instanceof RangeImpl))
      throw signatureError(this._ctx, `${BUILDER}.setRanges`, [ranges]);
    this._draft.ranges = (list as RangeImpl[]).map((r) => ({
      ssId: r._ssId,
      sheetId: r._sheetId,
      row: r._row,
      col: r._col,
      numRows: r._numRows,
      numCols: r._numCols,
      shape: r._shape,
    }));
    return this;
  }

  build(): ConditionalFormatRuleImpl {
    if (this._draft.ranges.length === 0) throw this._ctx.fail(NO_RANGES_TEXT);
    if (this._draft.criteria === null) throw this._ctx.fail(NO_CONDITION_TEXT);
    return new ConditionalFormatRuleImpl(this._ctx, structuredClone(this._draft));
  }
}
