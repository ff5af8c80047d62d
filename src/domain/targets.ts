/**
 * Targets (chỉ tiêu, docs/domain.md §6): rows of the Mục tiêu tab, each result judged against its
 * target, and the sentences reports write about them (§9). Every percentage is computed here from
 * the stored figures, never copied from a sample report (§11: 190/175 is 108,6%, not "109%").
 *
 * How values are stored. A target's `value`, `valueHi` and `baseline` are in the unit of its
 * indicator, except that a rate is a ratio: "89" typed for a rate target is stored as 0.89, the
 * way the roll-ups compute a ratio (Σnumerator/Σdenominator) and `formatPercent` reads one. The
 * `isRate` flag says which. A target is a rate when its indicator is measured in % (pass
 * `rateCodes(catalogue)` to `targetsFromRows`); without that list, the END_STATE_RATE and MAX_RATE
 * types are taken as rates and everything else as counts. `evaluateTarget` trusts the indicator it
 * is given and rescales a target that was read the other way, so a figure is never off by 100.
 * The actual value of a rate indicator is a ratio too (0.926 for 92,6%).
 */
import type { Indicator } from './catalogue';
import { enteredUnit, valueKind } from './catalogue';
import { isTerm } from './config';
import { formatNumber } from './format';

export type TargetType =
  'ANNUAL' | 'TERM_CUMULATIVE' | 'END_STATE_RATE' | 'PER_UNIT_ANNUAL' | 'MAX_RATE' | 'RANGE' | 'QUALITATIVE';

export const TARGET_TYPES: readonly TargetType[] = [
  'ANNUAL',
  'TERM_CUMULATIVE',
  'END_STATE_RATE',
  'PER_UNIT_ANNUAL',
  'MAX_RATE',
  'RANGE',
  'QUALITATIVE',
];

/** What the Loại chỉ tiêu column shows (its data-validation list); the codes are accepted too. */
export const TARGET_TYPE_LABELS: Readonly<Record<TargetType, string>> = {
  ANNUAL: 'Hằng năm',
  TERM_CUMULATIVE: 'Cộng dồn nhiệm kỳ',
  END_STATE_RATE: 'Tỷ lệ cuối nhiệm kỳ',
  PER_UNIT_ANNUAL: 'Mỗi đơn vị mỗi năm',
  MAX_RATE: 'Tối đa',
  RANGE: 'Khoảng',
  QUALITATIVE: 'Định tính',
};

/** The Mục tiêu tab's columns, in order (docs/domain.md §6.1). */
export const TARGET_HEADER = [
  'Nhiệm kỳ',
  'Năm',
  'Đơn vị (mã; trống = toàn đơn vị)',
  'Mã chỉ tiêu',
  'Loại chỉ tiêu',
  'Giá trị',
  'Giá trị trên',
  'Cơ sở đầu nhiệm kỳ',
  'Văn bản',
  'Ghi chú',
] as const;

export interface Target {
  /** "2025-2030". */
  term: string;
  /** A single year; null for every year of the term (ANNUAL, PER_UNIT_ANNUAL) or the whole term. */
  year: number | null;
  /** A unit's code; null for the whole unit (toàn đơn vị). */
  unit: string | null;
  /** Indicator code, as the catalogue spells it. */
  code: string;
  type: TargetType;
  /** The target (the lower bound of a RANGE, k per unit for PER_UNIT_ANNUAL); null only for QUALITATIVE. */
  value: number | null;
  /** Upper bound of a RANGE; null otherwise. */
  valueHi: number | null;
  /** Cơ sở đầu nhiệm kỳ. */
  baseline: number | null;
  /** Whether value, valueHi and baseline are ratios (0.926 for 92,6%). */
  isRate: boolean;
  /** What a QUALITATIVE target asks for, as typed in Giá trị; '' otherwise. */
  text: string;
  /** Văn bản: the resolution or assignment the target comes from; keeps the three target sets apart. */
  sourceDoc: string;
  note: string;
  /** Spreadsheet row (the header is row 1). */
  row: number;
}

/** Codes of the indicators measured in %, whose targets are typed as percentages. */
export function rateCodes(catalogue: readonly Indicator[]): Set<string> {
  return new Set(catalogue.filter(isRateIndicator).map((i) => i.code));
}

export function isRateIndicator(indicator: Indicator): boolean {
  return valueKind(indicator) === 'percent';
}

// ---------------------------------------------------------------------------------------------
// Reading the tab
// ---------------------------------------------------------------------------------------------

/** A cell as trimmed NFC text; drops the apostrophe asCellText adds. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = String(value).normalize('NFC').trim();
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

function fold(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const TYPE_BY_NAME = new Map<string, TargetType>([
  ...TARGET_TYPES.map((t) => [fold(t), t] as [string, TargetType]),
  ...TARGET_TYPES.map((t) => [fold(TARGET_TYPE_LABELS[t]), t] as [string, TargetType]),
  [fold('Hàng năm'), 'ANNUAL'],
]);

/** A target type from its code or Vietnamese label, or null. */
export function parseTargetType(text: string): TargetType | null {
  return TYPE_BY_NAME.get(fold(text)) ?? null;
}

const GROUPED = (sep: string) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`);

/**
 * A number as a person types it: 33500, "33.500", "1.234,5", "92,6", "92.6", "2%". A single "."
 * followed by exactly three digits is a thousands separator ("1.412"); otherwise "." or "," alone is
 * the decimal mark. Returns null for an empty cell, NaN for text that is not a number.
 */
export function parseTypedNumber(value: unknown): { value: number; percentSign: boolean } | null {
  if (typeof value === 'number') return Number.isFinite(value) ? { value, percentSign: false } : null;
  let text = cellText(value).replace(/\s+/g, '');
  if (text === '') return null;
  const percentSign = text.endsWith('%');
  if (percentSign) text = text.slice(0, -1);
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1);
  let normalized: string | null = null;
  const dot = text.lastIndexOf('.');
  const comma = text.lastIndexOf(',');
  if (/^\d+$/.test(text)) normalized = text;
  else if (dot >= 0 && comma >= 0) {
    const [thousands, decimal] = dot < comma ? ['.', ','] : [',', '.'];
    const cut = Math.max(dot, comma);
    const whole = text.slice(0, cut);
    const fraction = text.slice(cut + 1);
    if (GROUPED(thousands).test(whole) && /^\d+$/.test(fraction) && !fraction.includes(decimal)) {
      normalized = `${whole.split(thousands).join('')}.${fraction}`;
    }
  } else if (dot >= 0 || comma >= 0) {
    const sep = dot >= 0 ? '.' : ',';
    const parts = text.split(sep);
    if (parts.length > 2 || (sep === '.' && /^[1-9]\d{0,2}\.\d{3}$/.test(text))) {
      if (GROUPED(sep).test(text)) normalized = parts.join('');
    } else if (/^\d*$/.test(parts[0]!) && /^\d+$/.test(parts[1]!)) {
      normalized = `${parts[0] || '0'}.${parts[1]}`;
    }
  }
  const number = normalized === null ? NaN : Number(normalized);
  return { value: negative ? -number : number, percentSign };
}

type RowParse = { target: Target } | { problems: string[] };

/** A number cell read: null when empty, NaN (or `error`, the reason) when it is not a number. */
export type TypedNumber = { value: number; percentSign: boolean } | { error: string } | null;

/**
 * How rows are read: the tab by default; a file (domain/targetsFile.ts) names its own columns, reads
 * numbers in the file's convention (numberText.ts) and says which unit and indicator a row is about.
 */
export interface TargetRowOptions {
  /** The ten columns' names, for messages. */
  columns?: readonly string[];
  readNumber?: (cell: unknown) => TypedNumber;
  /** How a row is named before its problem; default "Dòng N". */
  rowLabel?: (row: readonly unknown[], rowNumber: number) => string;
}

interface ParseScope {
  codes: Map<string, string>;
  units: Map<string, string>;
  rateCodes: ReadonlySet<string> | undefined;
  columns: readonly string[];
  readNumber: (cell: unknown) => TypedNumber;
}

function isTargetRate(type: TargetType, code: string, scope: ParseScope): boolean {
  if (scope.rateCodes) return scope.rateCodes.has(code);
  return type === 'END_STATE_RATE' || type === 'MAX_RATE';
}

function targetFromRow(row: readonly unknown[], rowNumber: number, scope: ParseScope): RowParse {
  const problems: string[] = [];
  const text = (i: number) => cellText(row[i]);

  const termText = text(0).replace(/\s*[–—-]\s*/, '-');
  if (termText === '') problems.push('thiếu nhiệm kỳ (ví dụ 2025-2030)');
  else if (!isTerm(termText)) problems.push(`nhiệm kỳ "${text(0)}" phải ghi dạng 2025-2030`);
  const [termFrom, termTo] = termText.split('-').map(Number) as [number, number];

  let year: number | null = null;
  if (text(1) !== '') {
    year = Number(text(1));
    if (!Number.isInteger(year))
      problems.push(`năm "${text(1)}" không hợp lệ (ghi năm, ví dụ 2026, hoặc để trống)`);
    else if (isTerm(termText) && (year < termFrom || year > termTo)) {
      problems.push(`năm ${year} không thuộc nhiệm kỳ ${termText}`);
    }
  }

  let unit: string | null = null;
  if (text(2) !== '') {
    unit = scope.units.get(text(2).toUpperCase()) ?? null;
    if (!unit) problems.push(`không có đơn vị mã "${text(2)}" (để trống nếu là chỉ tiêu toàn đơn vị)`);
  }

  const code = scope.codes.get(text(3).toUpperCase()) ?? '';
  if (text(3) === '') problems.push('thiếu mã chỉ tiêu');
  else if (!code) problems.push(`không có chỉ tiêu mã "${text(3)}" trong danh mục`);

  const type = parseTargetType(text(4));
  if (!type) {
    const labels = TARGET_TYPES.map((t) => TARGET_TYPE_LABELS[t]).join(', ');
    problems.push(
      text(4) === ''
        ? `thiếu loại chỉ tiêu (${labels})`
        : `loại chỉ tiêu "${text(4)}" không hợp lệ (dùng một trong: ${labels})`,
    );
  }
  if (!type) return { problems };

  const rate = isTargetRate(type, code, scope);
  const rateKnown = scope.rateCodes !== undefined && code !== '';
  if (rateKnown && rate && ['ANNUAL', 'TERM_CUMULATIVE', 'PER_UNIT_ANNUAL'].includes(type)) {
    problems.push(
      `chỉ tiêu ${code} là tỷ lệ (%), không cộng dồn được; dùng loại "${TARGET_TYPE_LABELS.END_STATE_RATE}", ` +
        `"${TARGET_TYPE_LABELS.MAX_RATE}" hoặc "${TARGET_TYPE_LABELS.RANGE}"`,
    );
  }

  /** A number column; rates typed in percent (0–100) are stored as ratios. */
  const number = (column: number): number | null => {
    const name = scope.columns[column];
    const parsed = scope.readNumber(row[column]);
    if (parsed === null) return null;
    if ('error' in parsed) {
      problems.push(`cột "${name}" = "${text(column)}": ${parsed.error}`);
      return null;
    }
    if (Number.isNaN(parsed.value)) {
      problems.push(`cột "${name}": "${text(column)}" không phải là số`);
      return null;
    }
    if (parsed.value < 0) {
      problems.push(`cột "${name}": số không được âm`);
      return null;
    }
    if (parsed.percentSign && rateKnown && !rate) {
      problems.push(`cột "${name}": chỉ tiêu ${code} không phải tỷ lệ, bỏ dấu %`);
      return null;
    }
    if (!rate) return parsed.value;
    if (parsed.value > 100) {
      problems.push(
        `cột "${name}": tỷ lệ ${text(column)} lớn hơn 100 (ghi tỷ lệ theo phần trăm, ví dụ 92,6)`,
      );
      return null;
    }
    return parsed.value / 100;
  };

  let value: number | null = null;
  let qualitativeText = '';
  if (type === 'QUALITATIVE') qualitativeText = text(5);
  else {
    value = number(5);
    if (value === null && text(5) === '') problems.push('thiếu giá trị chỉ tiêu');
    else if (value === 0 && type !== 'MAX_RATE' && type !== 'RANGE') {
      problems.push('giá trị chỉ tiêu phải lớn hơn 0');
    }
  }

  let valueHi: number | null = null;
  if (type === 'RANGE') {
    valueHi = number(6);
    if (valueHi === null && text(6) === '')
      problems.push('loại "Khoảng" cần cả giá trị dưới và giá trị trên');
    else if (valueHi !== null && value !== null && valueHi < value) {
      problems.push('giá trị trên nhỏ hơn giá trị dưới');
    }
  } else if (text(6) !== '') {
    problems.push(`cột "${scope.columns[6]}" chỉ dùng cho loại "${TARGET_TYPE_LABELS.RANGE}"`);
  }

  const baseline = number(7);
  if (problems.length > 0) return { problems };
  return {
    target: {
      term: termText,
      year,
      unit,
      code,
      type,
      value,
      valueHi,
      baseline,
      isRate: rate,
      text: qualitativeText,
      sourceDoc: text(8),
      note: text(9),
      row: rowNumber,
    },
  };
}

/**
 * Targets from the tab's values, with or without the header row; blank rows are ignored. A row
 * with a problem is left out and named as the spreadsheet numbers it ("Dòng 5: …", the header being
 * row 1), one line per problem. Two rows for the same term, year, unit, indicator and Văn bản are a
 * problem (the second is left out); the same indicator under different documents is not (a unit's
 * own resolution, the superior's assignment and the national targets are kept apart, §6.1).
 *
 * `rateCodes` (from `rateCodes(catalogue)`) says which indicators are rates; see the file comment.
 */
export function targetsFromRows(
  rows: readonly unknown[][],
  knownCodes: ReadonlySet<string>,
  knownUnits: ReadonlySet<string>,
  rateCodes?: ReadonlySet<string>,
  options: TargetRowOptions = {},
): { targets: Target[]; problems: string[] } {
  const dataRows = cellText(rows[0]?.[0]) === TARGET_HEADER[0] ? rows.slice(1) : rows;
  const scope: ParseScope = {
    codes: new Map([...knownCodes].map((c) => [c.toUpperCase(), c])),
    units: new Map([...knownUnits].map((u) => [u.toUpperCase(), u])),
    rateCodes,
    columns: options.columns ?? TARGET_HEADER,
    readNumber: options.readNumber ?? parseTypedNumber,
  };
  const label = options.rowLabel ?? ((_row: readonly unknown[], n: number) => `Dòng ${n}`);
  const targets: Target[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  dataRows.forEach((row, index) => {
    if (row.every((cell) => cellText(cell) === '')) return;
    const rowNumber = index + 2;
    const parsed = targetFromRow(row, rowNumber, scope);
    if ('problems' in parsed) {
      problems.push(...parsed.problems.map((p) => `${label(row, rowNumber)}: ${p}`));
      return;
    }
    const t = parsed.target;
    const key = targetKey(t);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(
        `${label(row, rowNumber)}: trùng với dòng ${first} (cùng nhiệm kỳ, năm, đơn vị, chỉ tiêu và văn bản)`,
      );
      return;
    }
    seen.set(key, rowNumber);
    targets.push(t);
  });
  return { targets, problems };
}

/** What makes a target row unique: term, year, unit, indicator and Văn bản. */
export function targetKey(t: Pick<Target, 'term' | 'year' | 'unit' | 'code' | 'sourceDoc'>): string {
  return [t.term, t.year ?? '', t.unit ?? '', t.code, fold(t.sourceDoc)].join('|');
}

// ---------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------

/** What a roll-up row or a report row shows beyond the figures: the target and how far it is met. */
export interface TargetCells {
  target: string;
  percent: number | '';
  verdict: string;
}

export type Verdict = 'Vượt' | 'Đạt' | 'Chưa đạt' | 'Chưa có số liệu';

export interface Evaluation {
  /** null when the actual figure is missing. */
  met: boolean | null;
  /**
   * p = actual / expected × 100, rounded to 1 decimal place (more only when needed to keep a result
   * just below or above the target from reading "100%"). null when data are missing, for MAX_RATE
   * and QUALITATIVE, and when the expected value is 0.
   */
  percent: number | null;
  /** Rate targets: actual − target in percentage points (negative below), rounded like `percent`. */
  pointsAbove?: number;
  verdict: Verdict;
  /** Vietnamese, from the phrase bank (§9); no surrounding brackets. */
  phrase: string;
  /** What the actual was compared with: target × years, k × units × years, the RANGE's lower bound. */
  expected?: number;
  /** The actual used (Σ of perUnit when value was missing). */
  actual?: number;
  /** PER_UNIT_ANNUAL: units with at least k per year, and the units expected. */
  unitsMet?: number;
  unitsExpected?: number;
  /** ANNUAL with perYear: years in which the target was met. */
  yearsMet?: number;
}

export interface Actual {
  /**
   * The result: the year's figure (ANNUAL, one year), Σ over the years (ANNUAL, several years;
   * PER_UNIT_ANNUAL), Σ of the flow since the term started (TERM_CUMULATIVE), the latest ratio
   * (END_STATE_RATE, MAX_RATE; 0.926 for 92,6%). QUALITATIVE: true / 1 met, false / 0 not met.
   */
  value: number | boolean | null;
  /** PER_UNIT_ANNUAL: each unit's total over the `years` years (null: no data, counted as not met). */
  perUnit?: Array<number | null>;
  /** ANNUAL, PER_UNIT_ANNUAL: years covered (default 1, or perYear's length). */
  years?: number;
  /** PER_UNIT_ANNUAL: N, the units expected (default perUnit's length). */
  unitsExpected?: number;
  /** ANNUAL over several years: each year's figure; value defaults to their sum. */
  perYear?: Array<number | null>;
}

export interface EvaluateOptions {
  /** Appended to "chỉ tiêu": "NQĐH" gives "Đạt 97,1% chỉ tiêu NQĐH". */
  resolutionName?: string;
  /** What PER_UNIT_ANNUAL counts: "cơ sở" (default), "chi hội". */
  unitWord?: string;
  /** Rate differences in "điểm %" (default) or in "%" as the sample reports write (§9, §11). */
  pointsUnit?: 'điểm %' | '%';
}

const NO_DATA = 'Chưa có số liệu';
const EPSILON = 1e-9;

/** -1, 0, 1, treating figures within a relative 1e-9 as equal (a ratio and its typed target). */
function compare(a: number, b: number): number {
  const scale = Math.max(1, Math.abs(a), Math.abs(b));
  if (Math.abs(a - b) <= EPSILON * scale) return 0;
  return a < b ? -1 : 1;
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * actual / expected × 100 to 1 decimal; to 2 or 3 when 1 would turn a result that is not exactly
 * the target into "100%". 42/35 → 120, 190/175 → 108.6, 9999/10000 → 99.99.
 */
export function achievementPercent(actual: number, expected: number): number | null {
  if (expected === 0) return null;
  const exact = (actual * 100) / expected;
  const side = compare(actual, expected);
  let decimals = 1;
  let p = Math.round((actual * 1000) / expected) / 10;
  while (side !== 0 && p === 100 && decimals < 3) {
    decimals += 1;
    p = roundTo(exact, decimals);
  }
  if (side === 0) return 100;
  // Within 0,001% of the target: still never "100%" for a result that is not the target.
  if (p === 100) return side > 0 ? 100.001 : 99.999;
  return p;
}

/** An already rounded percentage in Vietnamese form: 108.6 → "108,6%". */
function percentText(p: number): string {
  return `${formatNumber(p, 3)}%`;
}

function targetWord(resolutionName?: string): string {
  return resolutionName ? `chỉ tiêu ${resolutionName}` : 'chỉ tiêu';
}

/**
 * The phrase bank's achievement (§9): "Đạt 97,1% chỉ tiêu", "Đạt 100% chỉ tiêu", "Vượt chỉ tiêu,
 * đạt 108,6%" (never "Vượt 108,6% chỉ tiêu"); with a resolution, "Đạt 97,1% chỉ tiêu NQĐH".
 */
export function achievementPhrase(percent: number, resolutionName?: string): string {
  const word = targetWord(resolutionName);
  if (percent < 100) return `Đạt ${percentText(percent)} ${word}`;
  if (percent === 100) return `Đạt 100% ${word}`;
  return `Vượt ${word}, đạt ${percentText(percent)}`;
}

/** Numbers of a target in the indicator's terms (ratios for a rate indicator). */
function scaled(target: Target, rate: boolean) {
  // Divide rather than multiply by 0.01, so that 95 becomes exactly the double nearest 0.95.
  const scale = (v: number | null) => (v === null || target.isRate === rate ? v : rate ? v / 100 : v * 100);
  return { value: scale(target.value), valueHi: scale(target.valueHi) };
}

/** A figure for running text: "92,6%" for a ratio, "190 hộ" otherwise. */
function figure(value: number, rate: boolean, indicator: Indicator, decimals = 1): string {
  if (rate) return `${formatNumber(value * 100, decimals)}%`;
  const unit = enteredUnit(indicator);
  return unit ? `${formatNumber(value, 2)} ${unit}` : formatNumber(value, 2);
}

/** Decimals that tell the actual and the target apart when they differ (1 unless they round alike). */
function distinctDecimals(actual: number, target: number): number {
  let decimals = 1;
  while (
    compare(actual, target) !== 0 &&
    decimals < 3 &&
    roundTo(actual * 100, decimals) === roundTo(target * 100, decimals)
  ) {
    decimals += 1;
  }
  return decimals;
}

function missing(): Evaluation {
  return { met: null, percent: null, verdict: NO_DATA, phrase: NO_DATA };
}

function verdictOf(side: number): Verdict {
  return side > 0 ? 'Vượt' : side === 0 ? 'Đạt' : 'Chưa đạt';
}

function numericActual(value: number | boolean | null): number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value !== null && Number.isFinite(value) ? value : null;
}

/** Count targets (ANNUAL, TERM_CUMULATIVE, PER_UNIT_ANNUAL's total; END_STATE on a non-rate). */
function againstExpected(actual: number, expected: number, options: EvaluateOptions): Evaluation {
  const side = compare(actual, expected);
  const percent = achievementPercent(actual, expected);
  return {
    met: side >= 0,
    percent,
    verdict: verdictOf(side),
    phrase:
      percent === null
        ? `${side >= 0 ? 'Đạt' : 'Chưa đạt'} ${targetWord(options.resolutionName)}`
        : achievementPhrase(percent, options.resolutionName),
    expected,
    actual,
  };
}

/** "đạt 92,6%, vượt 3,6 điểm % so với chỉ tiêu 89%". */
function rateAgainst(actual: number, target: number, options: EvaluateOptions): Evaluation {
  const side = compare(actual, target);
  const decimals = distinctDecimals(actual, target);
  const points = side === 0 ? 0 : roundTo((actual - target) * 100, decimals);
  const unit = options.pointsUnit === '%' ? '%' : ' điểm %';
  const targetText = `${formatNumber(target * 100, 3)}%`;
  const against = options.resolutionName
    ? `${targetWord(options.resolutionName)} (${targetText})`
    : `chỉ tiêu ${targetText}`;
  const head = `đạt ${formatNumber(actual * 100, decimals)}%`;
  const gap = formatNumber(Math.abs(points), decimals);
  const phrase =
    side === 0
      ? `${head}, bằng ${against}`
      : side > 0
        ? `${head}, vượt ${gap}${unit} so với ${against}`
        : `${head}, thấp hơn ${gap}${unit} so với ${against}`;
  return {
    met: side >= 0,
    percent: achievementPercent(actual, target),
    pointsAbove: points,
    verdict: verdictOf(side),
    phrase,
    expected: target,
    actual,
  };
}

function sum(values: ReadonlyArray<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
}

function requireValue(target: Target, value: number | null): number {
  if (value === null) throw new Error(`Chỉ tiêu ${target.code} (dòng ${target.row}) không có giá trị`);
  return value;
}

/**
 * A result judged against its target (§6.1):
 * - ANNUAL: the year's figure vs the target; over several years (years, or perYear) Σ vs target ×
 *   years, with the years met when perYear is given;
 * - TERM_CUMULATIVE: Σ of the flow since the term started vs the target;
 * - END_STATE_RATE: the latest ratio vs the target (≥), in percentage points;
 * - PER_UNIT_ANNUAL: (a) Σ vs k × N units × years decides; (b) "x/N cơ sở đạt", the units whose
 *   total reaches k × years, is added to the phrase;
 * - MAX_RATE: met if the actual ≤ the target, "đảm bảo chỉ tiêu";
 * - RANGE: met if the actual ≥ the lower bound ("Vượt" above the upper bound);
 * - QUALITATIVE: met or not, no percentage.
 * A missing actual gives met null and "Chưa có số liệu".
 */
export function evaluateTarget(
  target: Target,
  actual: Actual,
  indicator: Indicator,
  options: EvaluateOptions = {},
): Evaluation {
  const rate = isRateIndicator(indicator);
  const goal = scaled(target, rate);
  const word = targetWord(options.resolutionName);

  switch (target.type) {
    case 'QUALITATIVE': {
      const value = numericActual(actual.value);
      if (value === null) return missing();
      const met = value >= 1;
      return {
        met,
        percent: null,
        verdict: met ? 'Đạt' : 'Chưa đạt',
        phrase: met ? `Đạt ${word}` : `Chưa đạt ${word}`,
      };
    }
    case 'ANNUAL': {
      const perYear = actual.perYear;
      const value = numericActual(actual.value) ?? (perYear ? sum(perYear) : null);
      if (value === null) return missing();
      const k = requireValue(target, goal.value);
      const years = actual.years ?? perYear?.length ?? 1;
      const result = againstExpected(value, k * years, options);
      if (perYear && perYear.length > 1) {
        const yearsMet = perYear.filter((v) => v !== null && compare(v, k) >= 0).length;
        result.yearsMet = yearsMet;
        result.phrase += `; ${yearsMet}/${perYear.length} năm đạt chỉ tiêu`;
      }
      return result;
    }
    case 'TERM_CUMULATIVE': {
      const value = numericActual(actual.value);
      if (value === null) return missing();
      return againstExpected(value, requireValue(target, goal.value), options);
    }
    case 'END_STATE_RATE': {
      const value = numericActual(actual.value);
      if (value === null) return missing();
      const t = requireValue(target, goal.value);
      return rate ? rateAgainst(value, t, options) : againstExpected(value, t, options);
    }
    case 'PER_UNIT_ANNUAL': {
      const perUnit = actual.perUnit;
      const value = numericActual(actual.value) ?? (perUnit ? sum(perUnit) : null);
      if (value === null) return missing();
      const units = actual.unitsExpected ?? perUnit?.length;
      if (units === undefined) {
        throw new Error(`Chỉ tiêu ${target.code}: cần số đơn vị (unitsExpected) để tính chỉ tiêu mỗi đơn vị`);
      }
      const k = requireValue(target, goal.value);
      const years = actual.years ?? 1;
      const result = againstExpected(value, k * units * years, options);
      result.unitsExpected = units;
      if (perUnit) {
        const unitsMet = perUnit.filter((v) => v !== null && compare(v, k * years) >= 0).length;
        result.unitsMet = unitsMet;
        result.phrase += `; ${unitsMet}/${units} ${options.unitWord ?? 'cơ sở'} đạt`;
      }
      return result;
    }
    case 'MAX_RATE': {
      const value = numericActual(actual.value);
      if (value === null) return missing();
      const t = requireValue(target, goal.value);
      const side = compare(value, t);
      const met = side <= 0;
      const decimals = rate ? distinctDecimals(value, t) : 1;
      const phrase =
        `ở mức ${figure(value, rate, indicator, decimals)}, ` +
        `${met ? 'đảm bảo' : 'chưa đảm bảo'} ${word} (không quá ${figure(t, rate, indicator, 3)})`;
      const result: Evaluation = {
        met,
        percent: null,
        verdict: met ? 'Đạt' : 'Chưa đạt',
        phrase,
        expected: t,
        actual: value,
      };
      if (rate) result.pointsAbove = side === 0 ? 0 : roundTo((value - t) * 100, decimals);
      return result;
    }
    case 'RANGE': {
      const value = numericActual(actual.value);
      if (value === null) return missing();
      const lo = requireValue(target, goal.value);
      const hi = goal.valueHi ?? lo;
      const below = compare(value, lo) < 0;
      const above = compare(value, hi) > 0;
      const range = rate
        ? `${formatNumber(lo * 100, 3)}–${formatNumber(hi * 100, 3)}%`
        : `${formatNumber(lo, 2)}–${figure(hi, false, indicator)}`;
      const decimals = rate && below ? distinctDecimals(value, lo) : 1;
      const head = `đạt ${figure(value, rate, indicator, decimals)}`;
      const phrase = below
        ? `${head}, chưa đạt ${word} (${range})`
        : above
          ? `${head}, vượt ${word} (${range})`
          : `${head}, trong khoảng ${word} (${range})`;
      const result: Evaluation = {
        met: !below,
        percent: achievementPercent(value, lo),
        verdict: below ? 'Chưa đạt' : above ? 'Vượt' : 'Đạt',
        phrase,
        expected: lo,
        actual: value,
      };
      if (rate) result.pointsAbove = compare(value, lo) === 0 ? 0 : roundTo((value - lo) * 100, decimals);
      return result;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------------------------

export interface TargetSummary {
  met: number;
  total: number;
  /** "6/8 chỉ tiêu đạt và vượt". */
  short: string;
  /** "Qua đánh giá có 6/8 chỉ tiêu đạt và vượt so với chỉ tiêu Nghị quyết …; còn 2 chỉ tiêu (…) chưa đạt." */
  text: string;
  unmet: string[];
  /** Targets without data: in the total, never in the met count, named in the text. */
  noData: string[];
}

/**
 * The summary sentence (§9). `resolutionName` follows "so với chỉ tiêu": give the full name,
 * "Nghị quyết Đại hội Phụ nữ xã lần thứ XXVI". A target without data counts in the total (it is
 * still a target of the resolution) but not as met, and the text says which ones lack data:
 * "…; còn 1 chỉ tiêu (A) chưa đạt và 1 chỉ tiêu (B) chưa có số liệu để đánh giá."
 */
export function summarizeTargets(
  evaluations: ReadonlyArray<{ indicatorName: string; evaluation: Evaluation }>,
  resolutionName: string,
): TargetSummary {
  const total = evaluations.length;
  const met = evaluations.filter((e) => e.evaluation.met === true).length;
  const unmet = evaluations.filter((e) => e.evaluation.met === false).map((e) => e.indicatorName);
  const noData = evaluations.filter((e) => e.evaluation.met === null).map((e) => e.indicatorName);
  const short = `${met}/${total} chỉ tiêu đạt và vượt`;
  if (total === 0) return { met, total, short, text: 'Chưa có chỉ tiêu nào để đánh giá.', unmet, noData };
  const rest: string[] = [];
  if (unmet.length > 0) rest.push(`${unmet.length} chỉ tiêu (${unmet.join(', ')}) chưa đạt`);
  if (noData.length > 0)
    rest.push(`${noData.length} chỉ tiêu (${noData.join(', ')}) chưa có số liệu để đánh giá`);
  const text =
    `Qua đánh giá có ${short} so với chỉ tiêu ${resolutionName}` +
    (rest.length > 0 ? `; còn ${rest.join(' và ')}.` : '.');
  return { met, total, short, text, unmet, noData };
}
