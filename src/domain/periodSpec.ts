/**
 * Report periods longer than a quarter (docs/domain.md §7, §10.2), written as short keys and built from
 * quarters (periods.ts), the period in which data are entered:
 *
 *   2026-Q3            quarter      Quý III/2026                          report kind quy
 *   2026-H1, 2026-H2   half         6 tháng đầu năm 2026 / 6 tháng cuối…  sau_thang
 *   2026-9M            nine_months  9 tháng đầu năm 2026                  chin_thang
 *   2026               year         Năm 2026 / năm 2026                   nam
 *   2021-2026          term         Nhiệm kỳ 2021 - 2026                  nhiem_ky
 *   2021-Q3..2023-Q4   range        Giai đoạn quý III/2021 - quý IV/2023  giua_nhiem_ky
 *
 * A term covers, by default, Q3 of its first year through Q2 of its last year (20 quarters for
 * 2021-2026): local congresses are held around mid-year. `options.term` changes this (e.g. the new local
 * term 2025-2030 began with congresses in September-October 2025). The key does not record the choice.
 *
 * `name` is the heading form (capital first letter: "Quý III/2026", "Năm 2026"); `nameInText` is the
 * running-text form ("quý III/2026", "năm 2026"). A range is never folded into a shorter kind:
 * "2026-Q1..2026-Q4" stays a range. Parsing is lenient about case, spaces and dashes ("2026-q3",
 * "2021 – 2026", "2021-Q3 .. 2023-Q4") and returns the canonical key.
 */
import { compareQuarters, previousQuarter, quarterKey, quarterOf, type Quarter } from './periods';
import { roman } from './format';

export type PeriodKind = 'quarter' | 'half' | 'nine_months' | 'year' | 'term' | 'range';
export type ReportKind = 'quy' | 'sau_thang' | 'chin_thang' | 'nam' | 'giua_nhiem_ky' | 'nhiem_ky';
export type CutOffRule = 'calendar' | '15-14';
/** [year, monthIndex 0..11, day], as in periods.ts; turn into a local Date with dates.ts `localDate`. */
export type DayTuple = [number, number, number];

export interface PeriodSpec {
  /** Canonical text: "2026-Q3", "2026-H1", "2026-9M", "2026", "2021-2026", "2021-Q3..2023-Q4". */
  key: string;
  kind: PeriodKind;
  /** Every quarter covered, in order, as quarter keys ("2026-Q1"). */
  quarters: string[];
  first: Quarter;
  last: Quarter;
  /** Heading form: "Quý III/2026", "6 tháng đầu năm 2026", "Năm 2026", "Nhiệm kỳ 2021 - 2026". */
  name: string;
  /** Running-text form: "quý III/2026", "năm 2026", "nhiệm kỳ 2021 - 2026". */
  nameInText: string;
  reportKind: ReportKind;
}

export interface PeriodSpecOptions {
  /** Which quarters a term "YYYY-YYYY" covers: Q`firstQuarter` of its first year to Q`lastQuarter` of its last. */
  term?: { firstQuarter: number; lastQuarter: number };
  /** Between the two ends of a term or range in names: " - " (default, "2021 - 2026") or "-" (§10.2). */
  rangeSeparator?: ' - ' | '-';
}

export const DEFAULT_TERM_QUARTERS = { firstQuarter: 3, lastQuarter: 2 } as const;

export type PeriodSpecResult = { ok: true; spec: PeriodSpec } | { ok: false; error: string };

const MIN_YEAR = 1930; // The Union was founded on 20/10/1930.
const MAX_YEAR = 2100;
const MAX_TERM_YEARS = 10;

const FORMS =
  'Các dạng được chấp nhận: 2026-Q3 (quý III/2026), 2026-H1 hoặc 2026-H2 (6 tháng đầu hoặc cuối năm), ' +
  '2026-9M (9 tháng đầu năm), 2026 (năm), 2021-2026 (nhiệm kỳ), 2021-Q3..2023-Q4 (giai đoạn từ quý đến quý).';

const fail = (text: string, why: string): PeriodSpecResult => ({
  ok: false,
  error: `Kỳ báo cáo "${text}" không hợp lệ: ${why}. ${FORMS}`,
});

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "quý III/2026". */
const quarterInText = (q: Quarter): string => `quý ${roman(q.quarter)}/${q.year}`;

/** Every quarter from `first` to `last` inclusive (none if `last` is before `first`). */
export function quartersBetween(first: Quarter, last: Quarter): Quarter[] {
  const out: Quarter[] = [];
  for (let q = first; compareQuarters(q, last) <= 0;) {
    out.push(q);
    q = q.quarter === 4 ? { year: q.year + 1, quarter: 1 } : { year: q.year, quarter: q.quarter + 1 };
  }
  return out;
}

function build(
  key: string,
  kind: PeriodKind,
  first: Quarter,
  last: Quarter,
  nameInText: string,
  reportKind: ReportKind,
): PeriodSpecResult {
  const quarters = quartersBetween(first, last).map(quarterKey);
  const text = nameInText.normalize('NFC');
  return {
    ok: true,
    spec: { key, kind, quarters, first, last, name: capitalize(text), nameInText: text, reportKind },
  };
}

const yearOk = (year: number): boolean => year >= MIN_YEAR && year <= MAX_YEAR;
const yearProblem = (year: number): string => `năm ${year} nằm ngoài khoảng ${MIN_YEAR} - ${MAX_YEAR}`;

/** Case, spaces and dashes tidied: " 2021 – 2026 " -> "2021-2026", "2021-q3 .. 2023-q4" -> "2021-Q3..2023-Q4". */
function tidy(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '')
    .toUpperCase();
}

function parseQuarterKey(text: string): Quarter | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(text);
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : null;
}

/** Reads a period key; on failure, the error is a Vietnamese sentence naming the text and the accepted forms. */
export function parsePeriodSpec(text: string, options: PeriodSpecOptions = {}): PeriodSpecResult {
  const raw = typeof text === 'string' ? text : String(text);
  const t = tidy(raw);
  const sep = options.rangeSeparator ?? ' - ';
  if (t === '') return { ok: false, error: `Chưa nhập kỳ báo cáo. ${FORMS}` };

  const range = /^(.+)\.\.(.+)$/.exec(t);
  if (range) {
    const first = parseQuarterKey(range[1]!);
    const last = parseQuarterKey(range[2]!);
    if (!first || !last) return fail(raw, 'hai đầu của giai đoạn phải là quý, ví dụ 2021-Q3..2023-Q4');
    if (!yearOk(first.year)) return fail(raw, yearProblem(first.year));
    if (!yearOk(last.year)) return fail(raw, yearProblem(last.year));
    if (compareQuarters(first, last) >= 0) {
      return fail(
        raw,
        compareQuarters(first, last) === 0
          ? `giai đoạn chỉ có một quý, hãy ghi ${quarterKey(first)}`
          : `quý đầu (${quarterInText(first)}) phải trước quý cuối (${quarterInText(last)})`,
      );
    }
    const key = `${quarterKey(first)}..${quarterKey(last)}`;
    const name = `giai đoạn ${quarterInText(first)}${sep}${quarterInText(last)}`;
    return build(key, 'range', first, last, name, 'giua_nhiem_ky');
  }

  const term = /^(\d{4})-(\d{4})$/.exec(t);
  if (term) {
    const from = Number(term[1]);
    const to = Number(term[2]);
    if (!yearOk(from)) return fail(raw, yearProblem(from));
    if (!yearOk(to)) return fail(raw, yearProblem(to));
    if (to <= from) return fail(raw, `năm kết thúc nhiệm kỳ (${to}) phải sau năm bắt đầu (${from})`);
    if (to - from > MAX_TERM_YEARS) return fail(raw, `nhiệm kỳ dài quá ${MAX_TERM_YEARS} năm`);
    const bounds = options.term ?? DEFAULT_TERM_QUARTERS;
    for (const q of [bounds.firstQuarter, bounds.lastQuarter]) {
      if (!Number.isInteger(q) || q < 1 || q > 4) {
        throw new Error(`Cài đặt quý đầu/cuối nhiệm kỳ phải là 1, 2, 3 hoặc 4, không phải ${String(q)}`);
      }
    }
    const first = { year: from, quarter: bounds.firstQuarter };
    const last = { year: to, quarter: bounds.lastQuarter };
    return build(`${from}-${to}`, 'term', first, last, `nhiệm kỳ ${from}${sep}${to}`, 'nhiem_ky');
  }

  const single = /^(\d{4})(?:-(Q[1-4]|H[12]|9M))?$/.exec(t);
  if (!single) return fail(raw, 'không đúng dạng nào');
  const year = Number(single[1]);
  if (!yearOk(year)) return fail(raw, yearProblem(year));
  const part = single[2];
  const q = (quarter: number): Quarter => ({ year, quarter });
  switch (part) {
    case undefined:
      return build(`${year}`, 'year', q(1), q(4), `năm ${year}`, 'nam');
    case 'H1':
      return build(`${year}-H1`, 'half', q(1), q(2), `6 tháng đầu năm ${year}`, 'sau_thang');
    case 'H2':
      return build(`${year}-H2`, 'half', q(3), q(4), `6 tháng cuối năm ${year}`, 'sau_thang');
    case '9M':
      return build(`${year}-9M`, 'nine_months', q(1), q(3), `9 tháng đầu năm ${year}`, 'chin_thang');
    default: {
      const quarter = q(Number(part.slice(1)));
      return build(quarterKey(quarter), 'quarter', quarter, quarter, quarterInText(quarter), 'quy');
    }
  }
}

/** As `parsePeriodSpec`, throwing an Error with the Vietnamese message on bad input. */
export function periodSpec(text: string, options: PeriodSpecOptions = {}): PeriodSpec {
  const result = parsePeriodSpec(text, options);
  if (!result.ok) throw new Error(result.error);
  return result.spec;
}

/**
 * The same period under a name chosen by the caller, e.g. a term's first half:
 * renamePeriod(periodSpec('2021-Q3..2023-Q4'), 'nửa đầu nhiệm kỳ 2021 - 2026'). The heading form
 * defaults to the running-text form with a capital first letter.
 */
export function renamePeriod(spec: PeriodSpec, nameInText: string, name?: string): PeriodSpec {
  const text = nameInText.normalize('NFC');
  return { ...spec, nameInText: text, name: (name ?? capitalize(text)).normalize('NFC') };
}

export interface CutOff {
  /** First day of data, inclusive. */
  from: DayTuple;
  /** Last day of data, inclusive. */
  to: DayTuple;
  /** The day after `to`: data dated before it, from `from` on, belong to the period. */
  toExclusive: DayTuple;
}

const daysInMonth = (year: number, monthIndex: number): number =>
  new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();

/**
 * The days whose data a period covers ("ngày chốt số liệu", §7), as normalised [year, monthIndex, day]
 * tuples (never overflowing):
 * - 'calendar': the calendar quarters, e.g. Q1/2026 -> 01/01/2026 to 31/03/2026;
 * - '15-14' (Nghị định 09/2019/NĐ-CP): from the 15th of the month before the period to the 14th of its
 *   last month, e.g. Q1/2026 -> 15/12/2025 to 14/03/2026; year 2026 -> 15/12/2025 to 14/12/2026.
 */
export function cutOff(spec: PeriodSpec, rule: CutOffRule): CutOff {
  const firstMonth = (spec.first.quarter - 1) * 3;
  const lastMonth = spec.last.quarter * 3 - 1;
  if (rule === 'calendar') {
    const to: DayTuple = [spec.last.year, lastMonth, daysInMonth(spec.last.year, lastMonth)];
    const toExclusive: DayTuple =
      lastMonth === 11 ? [spec.last.year + 1, 0, 1] : [spec.last.year, lastMonth + 1, 1];
    return { from: [spec.first.year, firstMonth, 1], to, toExclusive };
  }
  if (rule === '15-14') {
    const from: DayTuple =
      firstMonth === 0 ? [spec.first.year - 1, 11, 15] : [spec.first.year, firstMonth - 1, 15];
    return { from, to: [spec.last.year, lastMonth, 14], toExclusive: [spec.last.year, lastMonth, 15] };
  }
  throw new Error(`Quy tắc chốt số liệu "${String(rule)}" không hợp lệ: chỉ nhận "calendar" hoặc "15-14"`);
}

/**
 * The latest quarter whose data window has closed at `now` (local time, the script's time zone).
 * Calendar rule: at 31/03/2026 23:59 it is Q4/2025, at 01/04/2026 00:00 it is Q1/2026. Rule '15-14':
 * a quarter closes at 00:00 on the 15th of its last month (Q1/2026 on 15/03/2026).
 */
export function lastCompletedQuarter(now: Date, rule: CutOffRule = 'calendar'): Quarter {
  if (typeof now?.getTime !== 'function' || Number.isNaN(now.getTime())) {
    throw new Error(`Thời điểm không hợp lệ: ${String(now)}`);
  }
  const month = now.getMonth() + 1;
  const current = quarterOf(now.getFullYear(), month);
  if (rule === '15-14' && month % 3 === 0 && now.getDate() >= 15) return current;
  return previousQuarter(current);
}
