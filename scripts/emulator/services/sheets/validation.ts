import type { EmulatorContext } from '../../core/context';
import { Emulated } from '../../core/context';
import { checkSignature } from './signature';
import type { CellValue, RuleData } from './types';
import type { LocaleConventions } from './locales';
import { generalNumber, isDateFormat } from './values';

export const CRITERIA = [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
] as const;

/** The text shown as a typed value: what list and checkbox rules compare with. */
function asText(value: CellValue, locale: LocaleConventions): string {
  if (typeof value === 'number') return generalNumber(value, locale);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

type Check = (
  value: CellValue,
  args: unknown[],
  numberFormat: string | undefined,
  locale: LocaleConventions,
) => boolean;

const num = (check: (v: number, a: number, b: number) => boolean): Check => {
  return (value, args) => typeof value === 'number' && check(value, Number(args[0]), Number(args[1]));
};

/** The criteria the emulator can enforce; rules of other criteria are not emulated. */
const CHECKS: Partial<Record<(typeof CRITERIA)[number], Check>> = {
  NUMBER_BETWEEN: num((v, a, b) => v >= Math.min(a, b) && v <= Math.max(a, b)),
  NUMBER_NOT_BETWEEN: num((v, a, b) => v < Math.min(a, b) || v > Math.max(a, b)),
  NUMBER_EQUAL_TO: num((v, a) => v === a),
  NUMBER_NOT_EQUAL_TO: num((v, a) => v !== a),
  NUMBER_GREATER_THAN: num((v, a) => v > a),
  NUMBER_GREATER_THAN_OR_EQUAL_TO: num((v, a) => v >= a),
  NUMBER_LESS_THAN: num((v, a) => v < a),
  NUMBER_LESS_THAN_OR_EQUAL_TO: num((v, a) => v <= a),
  VALUE_IN_LIST: (value, args, _format, locale) =>
    (args[0] as unknown[]).map(String).includes(asText(value, locale)),
  CHECKBOX: (value, args, _format, locale) =>
    args.length === 0 ? typeof value === 'boolean' : args.map(String).includes(asText(value, locale)),
  TEXT_IS_VALID_EMAIL: (value) => typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
  DATE_IS_VALID_DATE: (value, _args, numberFormat) => typeof value === 'number' && isDateFormat(numberFormat),
};

/** Whether a cell content satisfies the rule; clearing a cell always does. */
export function ruleAccepts(
  rule: RuleData,
  value: CellValue | undefined,
  numberFormat: string | undefined,
  locale: LocaleConventions,
): boolean {
  if (value === undefined) return true;
  const check = CHECKS[rule.criteria as keyof typeof CHECKS];
  if (!check) throw new Error(`Rule ${rule.criteria} cannot be enforced`);
  return check(value, rule.args, numberFormat, locale);
}

/** The rejection text of a rule without help text (seen in real runs for script writes too). */
export function validationMessage(a1: string): string {
  return `The data you entered in cell ${a1} violates the data validation rules set on this cell.`;
}

function cloneRule(rule: RuleData): RuleData {
  return structuredClone(rule);
}

/** What a built rule (DataValidation) and its builder both answer about the rule. */
abstract class RuleReader extends Emulated {
  constructor(
    ctx: EmulatorContext,
    className: string,
    readonly _rule: RuleData,
  ) {
    super(ctx, className);
  }
  getCriteriaType(): string {
    return this._rule.criteria;
  }
  getCriteriaValues(): unknown[] {
    return structuredClone(this._rule.args);
  }
  getHelpText(): string | null {
    return this._rule.helpText;
  }
  getAllowInvalid(): boolean {
    return this._rule.allowInvalid;
  }
  copy(): DataValidationBuilderImpl {
    return new DataValidationBuilderImpl(this._ctx, cloneRule(this._rule));
  }
}

/** A built rule (SpreadsheetApp.DataValidation): immutable value, copied into each cell it is set on. */
export class DataValidationImpl extends RuleReader {
  constructor(ctx: EmulatorContext, rule: RuleData) {
    super(ctx, 'DataValidation', rule);
  }
}

const BUILDER = 'DataValidationBuilder';

export class DataValidationBuilderImpl extends RuleReader {
  constructor(ctx: EmulatorContext, rule?: RuleData) {
    super(ctx, BUILDER, rule ?? { criteria: '', args: [], allowInvalid: true, helpText: null });
  }

  _set(method: string, criteria: string, args: unknown[], shapes: string[][]): this {
    checkSignature(this._ctx, `${BUILDER}.${method}`, args, shapes);
    return this._criteria(criteria, args);
  }
  _criteria(criteria: string, args: unknown[]): this {
    this._rule.criteria = criteria;
    this._rule.args = structuredClone(args);
    return this;
  }
  _number(method: string, criteria: string, args: unknown[]): this {
    return this._set(method, criteria, args, [args.length === 2 ? ['number', 'number'] : ['number']]);
  }

  requireNumberBetween(start: number, end: number): this {
    return this._number('requireNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }
  requireNumberNotBetween(start: number, end: number): this {
    return this._number('requireNumberNotBetween', 'NUMBER_NOT_BETWEEN', [start, end]);
  }
  requireNumberEqualTo(n: number): this {
    return this._number('requireNumberEqualTo', 'NUMBER_EQUAL_TO', [n]);
  }
  requireNumberNotEqualTo(n: number): this {
    return this._number('requireNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(n: number): this {
    return this._number('requireNumberGreaterThan', 'NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this._number('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number): this {
    return this._number('requireNumberLessThan', 'NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): this {
    return this._number('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireValueInList(...args: unknown[]): this {
    const shapes = [['array'], ['array', 'boolean']];
    checkSignature(this._ctx, `${BUILDER}.requireValueInList`, args, shapes);
    return this._set(
      'requireValueInList',
      'VALUE_IN_LIST',
      [args[0], args[1] ?? true],
      [['array', 'boolean']],
    );
  }
  requireCheckbox(...args: unknown[]): this {
    const values = [
      [],
      ['string'],
      ['string', 'string'],
      ['number'],
      ['number', 'number'],
      ['boolean', 'boolean'],
    ];
    return this._set('requireCheckbox', 'CHECKBOX', args, values);
  }
  requireTextIsEmail(...args: unknown[]): this {
    return this._set('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', args, [[]]);
  }
  requireDate(...args: unknown[]): this {
    return this._set('requireDate', 'DATE_IS_VALID_DATE', args, [[]]);
  }
  withCriteria(criteria: string, args: unknown[]): this {
    checkSignature(this._ctx, `${BUILDER}.withCriteria`, [criteria, args], [['string', 'array']]);
    if (!(criteria in CHECKS))
      throw this._ctx.fail(`Not emulated: DataValidationBuilder.withCriteria(${criteria})`);
    return this._criteria(criteria, args);
  }
  setAllowInvalid(allowInvalid: boolean): this {
    this._rule.allowInvalid = !!allowInvalid;
    return this;
  }
  setHelpText(helpText: string): this {
    this._rule.helpText = String(helpText);
    return this;
  }
  build(): DataValidationImpl {
    // unverified: confirm on a real account what build() says when no criteria was set
    if (!this._rule.criteria)
      throw this._ctx.fail('Not emulated: DataValidationBuilder.build without criteria');
    return new DataValidationImpl(this._ctx, cloneRule(this._rule));
  }
}
