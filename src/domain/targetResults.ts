/**
 * The targets that apply to a period, judged against its totals (the Mục tiêu rows of the whole
 * unit for the period's year or term), as the roll-up's columns and the report's sentences read
 * them.
 */
import type { Aggregation } from './aggregate';
import { shortName } from './catalogue';
import { formatNumber, formatPercent } from './format';
import type { PeriodSpec } from './periodSpec';
import type { Evaluation, Target, TargetCells, TargetSummary } from './targets';
import { evaluateTarget, summarizeTargets } from './targets';
import { lowerFirst } from './text';

/** Types judged on the whole year or term: on a shorter period they show progress, not a verdict. */
const CUMULATIVE = new Set(['ANNUAL', 'PER_UNIT_ANNUAL', 'TERM_CUMULATIVE']);

function years(spec: PeriodSpec): number[] {
  return [...new Set(spec.quarters.map((q) => Number(q.slice(0, 4))))];
}

/** Whether a target row speaks about this period: its year (or the whole term) and its kind. */
function applies(target: Target, spec: PeriodSpec, term: string): boolean {
  if (target.unit !== null || target.term !== term) return false;
  const long = spec.kind === 'term' || spec.kind === 'range';
  if (target.type === 'TERM_CUMULATIVE') return long;
  if (target.year === null) return true;
  return long ? false : years(spec).includes(target.year);
}

/**
 * The target as a table shows it. A target multiplied before it is compared says both: "28 (2/cơ
 * sở)" for 2 per unit over 14 units, "1.100 (550/năm)" for 550 a year over two years.
 */
function targetText(target: Target, evaluation: Evaluation, unitWord: string): string {
  const show = (v: number | null) =>
    v === null ? '' : target.isRate ? formatPercent(v) : formatNumber(v, 2);
  switch (target.type) {
    case 'QUALITATIVE':
      return target.text;
    case 'MAX_RATE':
      return `≤ ${show(target.value)}`;
    case 'RANGE':
      return `${show(target.value)} – ${show(target.valueHi)}`;
    case 'END_STATE_RATE':
      return `≥ ${show(target.value)}`;
    default: {
      const expected = evaluation.expected;
      if (expected === undefined || target.value === null || expected === target.value)
        return show(target.value);
      const per = target.type === 'PER_UNIT_ANNUAL' ? unitWord : 'năm';
      return `${formatNumber(expected, 2)} (${show(target.value)}/${per})`;
    }
  }
}

/** A target as a report judges it: the row of Mục tiêu, its evaluation and the words it takes. */
export interface TargetDetail {
  target: Target;
  evaluation: Evaluation;
  /** A target of the whole year or term, read before its end: progress, not a verdict. */
  progressOnly: boolean;
  /** "năm" for a year's target, "NQĐH" for the congress resolution's. */
  source: 'năm' | 'NQĐH';
  /** What the Phụ lục shows as the target ("550", "28 (2/cơ sở)", "≥ 89%"). */
  shown: string;
}

export interface RollUpTargets {
  cells: Record<string, TargetCells>;
  /** The same targets with their evaluation, for the report's sentences. */
  details: Record<string, TargetDetail>;
  summary: TargetSummary;
}

export interface JudgeContext {
  /** The workbook's term, "2021-2026". */
  term: string;
  /** What the units are called: "cơ sở", "chi hội". */
  unitWord: string;
  /** The resolution the summary names. */
  resolution: string;
}

export function judgeTargets(
  targets: readonly Target[],
  spec: PeriodSpec,
  aggregation: Aggregation,
  context: JudgeContext,
): RollUpTargets {
  const partial = spec.kind !== 'year' && spec.kind !== 'term' && spec.kind !== 'range';
  const { unitWord } = context;
  const cells: Record<string, TargetCells> = {};
  const details: Record<string, TargetDetail> = {};
  const judged: Array<{ indicatorName: string; evaluation: Evaluation }> = [];
  for (const target of targets.filter((t) => applies(t, spec, context.term))) {
    const result = aggregation.byCode[target.code];
    if (!result) continue;
    const values = result.values.map((v) => (typeof v === 'number' ? v : null));
    const evaluation = evaluateTarget(
      target,
      {
        value: result.total?.value ?? null,
        perUnit: values,
        unitsExpected: aggregation.units.length,
        // A term of 2021-2026 runs from Q3/2021 to Q2/2026: five years of targets, not six.
        years: spec.kind === 'term' || spec.kind === 'range' ? spec.quarters.length / 4 : 1,
      },
      result.indicator,
      { resolutionName: 'NQĐH', unitWord },
    );
    const progressOnly = partial && CUMULATIVE.has(target.type);
    const shown = targetText(target, evaluation, unitWord);
    cells[target.code] = {
      target: shown,
      percent: evaluation.percent ?? '',
      verdict: progressOnly ? 'Đang thực hiện' : evaluation.verdict,
    };
    const source =
      target.year !== null ||
      (CUMULATIVE.has(target.type) &&
        target.type !== 'TERM_CUMULATIVE' &&
        spec.kind !== 'term' &&
        spec.kind !== 'range')
        ? 'năm'
        : 'NQĐH';
    details[target.code] = { target, evaluation, progressOnly, source, shown };
    if (!progressOnly) judged.push({ indicatorName: lowerFirst(shortName(result.indicator)), evaluation });
  }
  return { cells, details, summary: summarizeTargets(judged, context.resolution) };
}

/**
 * The whole district's targets for one year: the rows of that year (in whichever term it falls,
 * the next term's for an annual report written in a term's last year) and the every-year targets
 * of the current term, when the year is still in it.
 */
export function yearTargets(targets: readonly Target[], year: number, term: string): Target[] {
  const inTerm = year <= Number(term.split('-')[1]);
  return targets.filter(
    (t) =>
      t.unit === null &&
      (t.year === year ||
        (t.year === null &&
          inTerm &&
          t.term === term &&
          (t.type === 'ANNUAL' || t.type === 'PER_UNIT_ANNUAL'))),
  );
}
