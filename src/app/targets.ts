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

function targetText(target: Target): string {
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
    default:
      return show(target.value);
  }
}

export interface RollUpTargets {
  cells: Record<string, TargetCells>;
  summary: TargetSummary;
}

export function evaluateRollUpTargets(
  workbook: Workbook,
  spec: PeriodSpec,
  aggregation: Aggregation,
): RollUpTargets {
  const { targets, problems } = targetsFromRows(
    readTargetRows(workbook.spreadsheet),
    new Set(workbook.catalogue.map((i) => i.code)),
    new Set(workbook.units.map((u) => u.ma)),
    rateCodes(workbook.catalogue),
  );
  if (problems.length > 0) throw new Error(`Trang "Mục tiêu" có dòng không hợp lệ: ${problems.join('; ')}`);
  const partial = spec.kind !== 'year' && spec.kind !== 'term' && spec.kind !== 'range';
  const cells: Record<string, TargetCells> = {};
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
        years: spec.kind === 'term' || spec.kind === 'range' ? years(spec).length : 1,
      },
      result.indicator,
      { resolutionName: 'NQĐH', unitWord: levelWords(workbook.config.cap).unit },
    );
    const progressOnly = partial && CUMULATIVE.has(target.type);
    cells[target.code] = {
      target: targetText(target),
      percent: evaluation.percent ?? '',
      verdict: progressOnly ? 'Đang thực hiện' : evaluation.verdict,
    };
    if (!progressOnly) judged.push({ indicatorName: result.indicator.name, evaluation });
  }
  return { cells, summary: summarizeTargets(judged, `Nghị quyết Đại hội ${workbook.config.ten_don_vi}`) };
}
