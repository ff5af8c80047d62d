/**
 * A report's input from the data it is made of: the entered values, the targets, the units'
 * submissions. Pure: app/reportData.ts reads these from the workbook, a test from sample data.
 * The period, its year so far, the same period a year earlier and (for a term) each year's part
 * are aggregated from the same values.
 */
import type { Aggregation } from '../aggregate';
import { aggregate } from '../aggregate';
import type { Indicator } from '../catalogue';
import type { WorkbookConfig } from '../config';
import type { DataPoint } from '../dataPoints';
import { levelWords } from '../levels';
import type { PeriodSpec, ReportKind } from '../periodSpec';
import { periodSpec } from '../periodSpec';
import type { Target } from '../targets';
import { judgeTargets, yearTargets } from '../targetResults';
import { NARRATIVES } from '../unitTab';
import type { NarrativeEntry, ReportInput, ReportUnit, YearPart } from './input';
import { yearToDate } from './kinds';
import { resolutionName } from './phrases';

const NARRATIVE_CODES = new Set<string>(NARRATIVES.map((n) => n.code));

export interface ReportSource {
  config: WorkbookConfig;
  catalogue: readonly Indicator[];
  /** The active units, in order, with their submission status for the period. */
  units: ReportUnit[];
  /** Every entered value the period, its year so far and the year before need (quartersToRead). */
  points: readonly DataPoint[];
  targets: readonly Target[];
  now: Date;
  /** The year the unit tabs hold. */
  dataYear: number;
}

/** The period of consecutive quarters from `first` to `last` (a quarter, a year, or a range). */
function spanOf(first: string, last: string): PeriodSpec {
  if (first === last) return periodSpec(first);
  if (first.endsWith('Q1') && last.endsWith('Q4') && first.slice(0, 4) === last.slice(0, 4)) {
    return periodSpec(first.slice(0, 4));
  }
  return periodSpec(`${first}..${last}`);
}

/** The same period a year earlier: quý II/2025 for quý II/2026, 2025 for 2026; none for a term. */
function yearEarlier(spec: PeriodSpec): PeriodSpec | null {
  if (spec.kind === 'term' || spec.kind === 'range') return null;
  return periodSpec(spec.key.replace(/^\d{4}/, String(spec.last.year - 1)));
}

/** The quarters a report of this period reads: the period, its year so far, the year before. */
export function quartersToRead(spec: PeriodSpec): PeriodSpec {
  const earlier = yearEarlier(spec);
  const quarters = [...spec.quarters, ...yearToDate(spec).quarters, ...(earlier?.quarters ?? [])].sort();
  return spanOf(quarters[0]!, quarters[quarters.length - 1]!);
}

function narratives(spec: PeriodSpec, points: readonly DataPoint[]): NarrativeEntry[] {
  const quarters = new Set(spec.quarters);
  return points
    .filter((p) => NARRATIVE_CODES.has(p.code) && quarters.has(p.period) && String(p.value).trim() !== '')
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((p) => ({ unit: p.unit, code: p.code, text: String(p.value) }));
}

/** Each unit's latest quarter with a figure, among the year-so-far quarters. */
function latestQuarters(units: readonly ReportUnit[], ytd: PeriodSpec, points: readonly DataPoint[]) {
  const quarters = new Set(ytd.quarters);
  const latest: Record<string, string | null> = Object.fromEntries(units.map((u) => [u.ma, null]));
  for (const p of points) {
    if (!quarters.has(p.period) || NARRATIVE_CODES.has(p.code) || !(p.unit in latest)) continue;
    if (latest[p.unit] === null || p.period > latest[p.unit]!) latest[p.unit] = p.period;
  }
  return latest;
}

export function buildReportInput(source: ReportSource, spec: PeriodSpec, kind: ReportKind): ReportInput {
  const { config, points } = source;
  const rollUp = (period: PeriodSpec): Aggregation => {
    const quarters = new Set(period.quarters);
    return aggregate({
      catalogue: source.catalogue,
      level: config.cap,
      units: source.units.map((u) => u.ma),
      quarters: period.quarters,
      points: points.filter((p) => quarters.has(p.period)),
    });
  };
  const ytdSpec = yearToDate(spec);
  const earlier = yearEarlier(spec);
  const period = rollUp(spec);
  const ytd = rollUp(ytdSpec);
  const withData = new Set(points.filter((p) => !NARRATIVE_CODES.has(p.code)).map((p) => p.period));
  const years: YearPart[] =
    spec.kind === 'term' || spec.kind === 'range'
      ? [...new Set(spec.quarters.map((q) => q.slice(0, 4)))].flatMap((year) => {
          const quarters = spec.quarters.filter((q) => q.startsWith(`${year}-`));
          if (!quarters.some((q) => withData.has(q))) return [];
          const part = spanOf(quarters[0]!, quarters[quarters.length - 1]!);
          return [{ year: Number(year), quarters, aggregation: rollUp(part) }];
        })
      : [];
  // A year or a term is judged on itself; a shorter period shows progress towards the year's targets.
  const judged = spec.kind === 'year' || spec.kind === 'term' || spec.kind === 'range';
  const context = {
    term: config.nhiem_ky,
    unitWord: levelWords(config.cap).unit,
    resolution: resolutionName(config.ten_don_vi, config.report.dai_hoi_lan_thu, config.report.nghi_quyet),
  };
  const targets = judged
    ? judgeTargets(source.targets, spec, period, context)
    : judgeTargets(source.targets, ytdSpec, ytd, context);
  return {
    config,
    kind,
    spec,
    now: source.now,
    period,
    yearToDate: ytd,
    previous: earlier && earlier.quarters.some((q) => withData.has(q)) ? rollUp(earlier) : null,
    years,
    targets: targets.cells,
    targetDetails: targets.details,
    targetSummary: targets.summary,
    nextTargets: kind === 'nam' ? yearTargets(source.targets, spec.last.year + 1, config.nhiem_ky) : [],
    units: source.units,
    narratives: narratives(spec, points),
    latest: latestQuarters(source.units, ytdSpec, points),
    dataYear: source.dataYear,
  };
}
