/**
 * Validation rules in the style of DHIS2: each rule is data an admin can edit in a sheet tab — a left
 * expression, a comparison, a right expression, an importance (Lỗi / Cảnh báo) and a Vietnamese
 * message — checked for each unit and quarter. Expressions are parsed by ./rules/expression, never
 * run as code.
 *
 * Evaluation reports every rule it could evaluate, passed or not (`passed` tells them apart), so a
 * checks tab can count what passed as well as list what failed. A rule is skipped, and gives no
 * result, when a value it needs is missing or not a number, or it divides by zero: missing is not
 * zero (DHIS2's SKIP_IF_ANY_VALUE_MISSING).
 */
import type { Indicator } from './catalogue';
import { isEnteredBy, shortName } from './catalogue';
import { formatNumber } from './format';
import type { Level } from './config';
import type { DataPoint, UnitQuarterValues } from './dataPoints';
import { parseQuarter, previousQuarter, quarterKey } from './periods';
import type { Expr } from './rules/expression';
import { codesOf, evaluateExpression, ExpressionError, parseExpression } from './rules/expression';
import { asCellText } from './text';

export type { Expr } from './rules/expression';
export { ExpressionError, parseExpression } from './rules/expression';

export type Operator = '<=' | '<' | '>=' | '>' | '==' | '!=';
export const OPERATORS: readonly Operator[] = ['<=', '<', '>=', '>', '==', '!='];

export type Importance = 'error' | 'warning';

export interface Rule {
  /** Stable identifier, unique in the tab. */
  id: string;
  left: string;
  operator: Operator;
  right: string;
  importance: Importance;
  /** Shown when the rule fails; {trai} and {phai} become the left and right values. */
  message: string;
  active: boolean;
}

export interface RuleResult {
  ruleId: string;
  importance: Importance;
  unit: string;
  period: string;
  left: number | null;
  right: number | null;
  passed: boolean;
  /** The message with {trai} / {phai} filled in, Vietnamese number format. */
  message: string;
}

/** One unit in one quarter, with the previous quarter's values for PREV(). */
export interface RuleInput {
  unit: string;
  period: string;
  values: UnitQuarterValues;
  previous?: UnitQuarterValues;
}

/** A rule that cannot be used; the message names the rule: `Quy tắc R03: …`. */
export class RuleError extends Error {
  constructor(
    readonly ruleId: string,
    readonly problem: string,
  ) {
    super(`Quy tắc ${ruleId}: ${problem}`);
    this.name = 'RuleError';
  }
}

// ---------------------------------------------------------------------------------------------------
// Numbers in messages

function renderMessage(message: string, left: number | null, right: number | null): string {
  const show = (n: number | null) => (n === null ? '…' : formatNumber(n, 2));
  return message.replace(/\{trai\}/g, show(left)).replace(/\{phai\}/g, show(right));
}

// ---------------------------------------------------------------------------------------------------
// Checking and compiling

interface CompiledRule {
  rule: Rule;
  left: Expr;
  right: Expr;
}

const SIDE_NAMES = { left: 'vế trái', right: 'vế phải' } as const;

/** Problems of one side, without the rule id; the parsed expression when it parses. */
function checkSide(
  rule: Rule,
  side: 'left' | 'right',
  knownCodes?: ReadonlySet<string>,
): { expr?: Expr; problems: string[] } {
  const text = rule[side];
  let expr: Expr;
  try {
    expr = parseExpression(text);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    return { problems: [`${SIDE_NAMES[side]} "${text.trim()}": ${error.message}`] };
  }
  const unknown = knownCodes ? [...new Set(codesOf(expr))].filter((code) => !knownCodes.has(code)) : [];
  return { expr, problems: unknown.map((code) => `không có chỉ tiêu "${code}" trong danh mục`) };
}

function ruleIssues(rule: Rule, knownCodes?: ReadonlySet<string>): string[] {
  const problems = OPERATORS.includes(rule.operator) ? [] : [`phép so sánh "${rule.operator}" không hợp lệ`];
  return [
    ...problems,
    ...checkSide(rule, 'left', knownCodes).problems,
    ...checkSide(rule, 'right', knownCodes).problems,
  ];
}

/** Everything wrong with a rule, each as `Quy tắc <id>: …`; empty when it can be used. */
export function ruleProblems(rule: Rule, knownCodes: ReadonlySet<string>): string[] {
  return ruleIssues(rule, knownCodes).map((problem) => new RuleError(rule.id, problem).message);
}

function compileRule(rule: Rule): CompiledRule {
  const left = checkSide(rule, 'left').expr;
  const right = checkSide(rule, 'right').expr;
  if (!left || !right || !OPERATORS.includes(rule.operator)) {
    throw new RuleError(rule.id, ruleIssues(rule)[0] ?? '');
  }
  return { rule, left, right };
}

/** Parses the active rules once; throws a RuleError for one that does not parse. */
function compileRules(rules: readonly Rule[]): CompiledRule[] {
  return rules.filter((rule) => rule.active).map(compileRule);
}

// ---------------------------------------------------------------------------------------------------
// Evaluation

function numberIn(values: UnitQuarterValues | undefined, code: string): number | null {
  const value = values && Object.prototype.hasOwnProperty.call(values, code) ? values[code] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Compares with a tolerance relative to the operands, so a change of exactly 30% against
 * "0.3 * PREV(…)" is not a violation because of a floating-point last digit.
 */
function compare(operator: Operator, left: number, right: number): boolean {
  const tolerance = 1e-9 * Math.max(1, Math.abs(left), Math.abs(right));
  const difference = left - right;
  switch (operator) {
    case '<=':
      return difference <= tolerance;
    case '<':
      return difference < -tolerance;
    case '>=':
      return difference >= -tolerance;
    case '>':
      return difference > tolerance;
    case '==':
      return Math.abs(difference) <= tolerance;
    case '!=':
      return Math.abs(difference) > tolerance;
  }
}

function evaluateCompiled(compiled: readonly CompiledRule[], input: RuleInput): RuleResult[] {
  const lookup = (code: string, previous: boolean) =>
    numberIn(previous ? input.previous : input.values, code);
  const results: RuleResult[] = [];
  for (const { rule, left, right } of compiled) {
    const leftValue = evaluateExpression(left, lookup);
    const rightValue = evaluateExpression(right, lookup);
    if (leftValue === null || rightValue === null) continue;
    results.push({
      ruleId: rule.id,
      importance: rule.importance,
      unit: input.unit,
      period: input.period,
      left: leftValue,
      right: rightValue,
      passed: compare(rule.operator, leftValue, rightValue),
      message: renderMessage(rule.message, leftValue, rightValue),
    });
  }
  return results;
}

/**
 * The active rules checked for one unit and quarter: a result for each rule that could be evaluated
 * (see `passed`); skipped rules give none. Throws a RuleError if an active rule does not parse.
 */
export function evaluateRules(rules: readonly Rule[], input: RuleInput): RuleResult[] {
  return evaluateCompiled(compileRules(rules), input);
}

/** The same for many unit-quarters, parsing each rule once; results in input order, then rule order. */
export function evaluateMany(rules: readonly Rule[], inputs: readonly RuleInput[]): RuleResult[] {
  const compiled = compileRules(rules);
  return inputs.flatMap((input) => evaluateCompiled(compiled, input));
}

/** Only the failed results: what a checks tab lists. */
export function violations(results: readonly RuleResult[]): RuleResult[] {
  return results.filter((result) => !result.passed);
}

/**
 * One input per unit and quarter present in the data points, in order of first appearance, each with
 * the same unit's previous quarter when the data hold it.
 */
export function ruleInputs(points: readonly DataPoint[]): RuleInput[] {
  const byKey = new Map<string, RuleInput>();
  const keyOf = (unit: string, period: string) => `${unit}\u0000${period}`;
  for (const point of points) {
    const key = keyOf(point.unit, point.period);
    let input = byKey.get(key);
    if (!input) {
      input = { unit: point.unit, period: point.period, values: {} };
      byKey.set(key, input);
    }
    input.values[point.code] = point.value;
  }
  return [...byKey.values()].map((input) => {
    const quarter = parseQuarter(input.period);
    const previous = quarter && byKey.get(keyOf(input.unit, quarterKey(previousQuarter(quarter))));
    return previous ? { ...input, previous: previous.values } : input;
  });
}

// ---------------------------------------------------------------------------------------------------
// Default rules

export interface DefaultRuleOptions {
  /** A stock moving more than this % from the previous quarter is a warning (Cấu hình: nguong_bien_dong). */
  stockChangeWarningPercent: number;
}

/** The name without its formula, sub-fields or trailing note: "Số hội viên kết nạp mới". */

function notGreaterRule(small: Indicator, large: Indicator): Rule {
  return {
    id: `${small.code}<=${large.code}`,
    left: small.code,
    operator: '<=',
    right: large.code,
    importance: 'error',
    message: `${shortName(small)} ({trai}) không được lớn hơn ${shortName(large)} ({phai})`,
    active: true,
  };
}

function nonNegativeRule(stock: Indicator): Rule {
  return {
    id: `${stock.code}>=0`,
    left: stock.code,
    operator: '>=',
    right: '0',
    importance: 'error',
    message: `${shortName(stock)} không được là số âm (đang là {trai})`,
    active: true,
  };
}

function stockChangeRule(stock: Indicator, percent: number): Rule {
  const code = stock.code;
  return {
    id: `${code}:BIEN_DONG`,
    left: `ABS(${code} - PREV(${code}))`,
    operator: '<=',
    right: `${percent / 100} * PREV(${code})`,
    importance: 'warning',
    message: `${shortName(stock)} thay đổi hơn ${formatNumber(percent, 2)}% so với quý trước (chênh lệch {trai}, mức cho phép {phai})`,
    active: true,
  };
}

/**
 * The rules every workbook starts with, for the active indicators its unit tabs enter at this level,
 * in this order: new members ≤ members; each active ratio's numerator ≤ denominator (catalogue
 * order); each stock ≥ 0; each stock within the set % of the previous quarter (a warning). Ids are
 * built from the codes (`TC_HV_MOI<=TC_HV`, `TC_HV>=0`, `TC_HV:BIEN_DONG`), so they stay the same
 * when indicators are switched on or off and can be matched against an edited tab.
 */
export function defaultRules(
  catalogue: readonly Indicator[],
  level: Level,
  options: DefaultRuleOptions,
): Rule[] {
  const percent = options.stockChangeWarningPercent;
  if (!Number.isFinite(percent) || percent <= 0) {
    throw new RangeError(`Ngưỡng cảnh báo biến động phải là số dương (đang là ${percent})`);
  }
  const entered = new Map(
    catalogue.filter((i) => i.active && isEnteredBy(i, level)).map((i) => [i.code, i] as const),
  );
  const pairs: Array<[string, string]> = [
    ['TC_HV_MOI', 'TC_HV'],
    ...catalogue
      .filter((i) => i.active && i.type === 'R')
      .map((r): [string, string] => [r.numerator, r.denominator]),
  ];
  const stocks = [...entered.values()].filter((i) => i.type === 'S' || i.type === 'S/F');
  const rules = [
    ...pairs.flatMap(([small, large]) => {
      const [a, b] = [entered.get(small), entered.get(large)];
      return a && b ? [notGreaterRule(a, b)] : [];
    }),
    ...stocks.map(nonNegativeRule),
    ...stocks.map((stock) => stockChangeRule(stock, percent)),
  ];
  return rules.filter((rule, index) => rules.findIndex((r) => r.id === rule.id) === index);
}

// ---------------------------------------------------------------------------------------------------
// The rules tab

export const RULE_HEADER = [
  'Mã quy tắc',
  'Vế trái',
  'Phép so sánh',
  'Vế phải',
  'Mức độ (Lỗi/Cảnh báo)',
  'Thông báo',
  'Áp dụng (TRUE/FALSE)',
];

const IMPORTANCE_LABELS: Record<Importance, string> = { error: 'Lỗi', warning: 'Cảnh báo' };

/**
 * Data rows for the tab (put RULE_HEADER above them). Text goes through asCellText so "==" or
 * "-TC_HV" stay text instead of becoming formulas.
 */
export function rulesToRows(rules: readonly Rule[]): unknown[][] {
  return rules.map((rule) => [
    asCellText(rule.id),
    asCellText(rule.left),
    asCellText(rule.operator),
    asCellText(rule.right),
    IMPORTANCE_LABELS[rule.importance],
    asCellText(rule.message),
    rule.active,
  ]);
}

/** A cell as trimmed NFC text; drops the apostrophe asCellText adds, should it come back. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = String(value).normalize('NFC').trim();
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

/** The six operators, plus what people type when a sheet turns "==" into a formula. */
const OPERATOR_ALIASES: Record<string, Operator> = {
  '=': '==',
  '<>': '!=',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  ...Object.fromEntries(OPERATORS.map((op) => [op, op])),
};

function parseImportance(text: string): Importance | null {
  const lower = text.toLowerCase();
  if (lower === 'lỗi' || lower === 'error') return 'error';
  if (lower === 'cảnh báo' || lower === 'warning') return 'warning';
  return null;
}

function parseActive(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const text = cellText(value).toLowerCase();
  // An empty cell (no checkbox yet) means the admin added the rule to apply it.
  if (['', 'true', 'có', 'x'].includes(text)) return true;
  if (['false', 'không'].includes(text)) return false;
  return null;
}

/** Reads one non-blank row: a rule, or the problems that keep it out. */
function ruleFromRow(row: readonly unknown[], knownCodes: ReadonlySet<string>): Rule | string[] {
  const [id, left, operatorText, right, importanceText, message] = [0, 1, 2, 3, 4, 5].map((i) =>
    cellText(row[i]),
  ) as [string, string, string, string, string, string];
  const problems: string[] = [];
  if (id === '') problems.push('thiếu mã quy tắc');
  if (left === '') problems.push('thiếu vế trái');
  if (right === '') problems.push('thiếu vế phải');
  const operator = OPERATOR_ALIASES[operatorText];
  if (!operator) {
    problems.push(`phép so sánh "${operatorText}" không hợp lệ (dùng một trong: ${OPERATORS.join(' ')})`);
  }
  const importance = parseImportance(importanceText);
  if (!importance) problems.push(`mức độ "${importanceText}" không hợp lệ (ghi "Lỗi" hoặc "Cảnh báo")`);
  const active = parseActive(row[6]);
  if (active === null) problems.push(`cột áp dụng "${cellText(row[6])}" phải là TRUE hoặc FALSE`);
  if (problems.length > 0) return problems;
  const rule: Rule = {
    id,
    left,
    operator: operator!,
    right,
    importance: importance!,
    message: message || `Không đạt quy tắc ${left} ${operator} ${right} ({trai} / {phai})`,
    active: active!,
  };
  const issues = ruleIssues(rule, knownCodes);
  return issues.length > 0 ? issues : rule;
}

function isBlank(row: readonly unknown[]): boolean {
  return row.every((cell) => cellText(cell) === '');
}

/**
 * Rules from the tab's values, with or without the header row; blank rows are ignored. A row with a
 * problem is left out and named as the spreadsheet numbers it (`Dòng 5 (quy tắc R03): …`, the header
 * being row 1). Unknown indicator codes are problems; inactive rules are checked too, so a rule is
 * sound before it is switched on.
 */
export function rulesFromRows(
  rows: readonly unknown[][],
  knownCodes: ReadonlySet<string>,
): { rules: Rule[]; problems: string[] } {
  // Data start on spreadsheet row 2 whether or not the header row was passed in.
  const dataRows = cellText(rows[0]?.[0]) === RULE_HEADER[0] ? rows.slice(1) : rows;
  const rules: Rule[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  dataRows.forEach((row, index) => {
    if (isBlank(row)) return;
    const rowNumber = index + 2;
    const id = cellText(row[0]);
    const where = id ? `Dòng ${rowNumber} (quy tắc ${id})` : `Dòng ${rowNumber}`;
    const previousRow = seen.get(id.toUpperCase());
    if (id && previousRow !== undefined) {
      problems.push(`${where}: mã quy tắc bị trùng với dòng ${previousRow}`);
      return;
    }
    if (id) seen.set(id.toUpperCase(), rowNumber);
    const parsed = ruleFromRow(row, knownCodes);
    if (Array.isArray(parsed)) problems.push(...parsed.map((problem) => `${where}: ${problem}`));
    else rules.push(parsed);
  });
  return { rules, problems };
}
