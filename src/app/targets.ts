/**
 * The targets that apply to a roll-up, evaluated against the district totals: the Mục tiêu tab read
 * once, the rows of the whole district (no unit) for the period's year or term.
 */
import type { Aggregation } from '../domain/aggregate';
import { levelWords } from '../domain/levels';
import type { PeriodSpec } from '../domain/periodSpec';
import type { Evaluation, Target } from '../domain/targets';
import { evaluateTarget, rateCodes, summarizeTargets, targetsFromRows } from '../domain/targets';
import { formatNumber, formatPercent } from '../domain/format';
import type { TargetCells, TargetSummary } from '../domain/targets';
import { shortName } from '../domain/catalogue';
import type { TargetDetail } from '../domain/report/phrases';
import { lowerFirst, resolutionName } from '../domain/report/phrases';
import { readTargetRows } from '../workspace/targetsTab';
import type { Workbook } from './workbook';

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
      return `≤\u00a0${show(target.value)}`;
    case 'RANGE':
      return `${show(target.value)}\u00a0– ${show(target.valueHi)}`;
    case 'END_STATE_RATE':
      return `≥\u00a0${show(target.value)}`;
    default: {
      const expected = evaluation.expected;
      if (expected === undefined || target.value === null || expected === target.value)
        return show(target.value);
      const per = target.type === 'PER_UNIT_ANNUAL' ? unitWord : 'năm';
      return `${formatNumber(expected, 2)} (${show(target.value)}/${per})`;
    }
  }
}

export interface RollUpTargets {
  cells: Record<string, TargetCells>;
  /** The same targets with their evaluation, for the report's sentences. */
  details: Record<string, TargetDetail>;
  summary: TargetSummary;
}

/** The Mục tiêu tab, read once and checked: a row with a problem stops the job, naming the row. */
export function readTargets(workbook: Workbook): Target[] {
  const { targets, problems } = targetsFromRows(
    readTargetRows(workbook.spreadsheet),
    new Set(workbook.catalogue.map((i) => i.code)),
    new Set(workbook.units.map((u) => u.ma)),
    rateCodes(workbook.catalogue),
  );
  if (problems.length > 0) throw new Error(`Trang "Mục tiêu" có dòng không hợp lệ: ${problems.join('; ')}`);
  return targets;
}

/** The Nghị quyết the targets come from, from Cấu hình (nghi_quyet, dai_hoi_lan_thu). */
export function resolutionOf(workbook: Workbook): string {
  const { ten_don_vi, report } = workbook.config;
  return resolutionName(ten_don_vi, report.dai_hoi_lan_thu, report.nghi_quyet);
}

/**
 * The whole district's targets for one year: the rows of that year (in whichever term it falls,
 * the next term's for an annual report written in a term's last year) and the every-year targets
 * of the current term, when the year is still in it.
 */
export function yearTargets(workbook: Workbook, targets: readonly Target[], year: number): Target[] {
  const term = workbook.config.nhiem_ky;
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

export function evaluateRollUpTargets(
  workbook: Workbook,
  spec: PeriodSpec,
  aggregation: Aggregation,
  targets: readonly Target[] = readTargets(workbook),
): RollUpTargets {
  const partial = spec.kind !== 'year' && spec.kind !== 'term' && spec.kind !== 'range';
  const unitWord = levelWords(workbook.config.cap).unit;
  const cells: Record<string, TargetCells> = {};
  const details: Record<string, TargetDetail> = {};
  const judged: Array<{ indicatorName: string; evaluation: Evaluation }> = [];
  for (const target of targets.filter((t) => applies(t, spec, workbook.config.nhiem_ky))) {
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
  return { cells, details, summary: summarizeTargets(judged, resolutionOf(workbook)) };
}
