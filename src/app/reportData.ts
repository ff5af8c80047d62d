/**
 * Everything a report needs from the workbook, read once: the period's aggregation, the year so
 * far, the same period a year earlier and (for a term) each year's part, all from one read of the
 * unit tabs and Lưu trữ; targets, completeness per unit and the units' text.
 */
import { shortDate } from '../domain/dates';
import type { DataPoint } from '../domain/dataPoints';
import { parseQuarter } from '../domain/periods';
import type { PeriodSpec, ReportKind } from '../domain/periodSpec';
import { periodSpec } from '../domain/periodSpec';
import { completenessText } from '../domain/progress';
import type { NarrativeEntry, ReportInput, ReportUnit, YearPart } from '../domain/report/content';
import { yearToDate } from '../domain/report/kinds';
import { NARRATIVES } from '../domain/unitTab';
import { readSubmissions } from '../workspace/progressTab';
import { periodPoints } from './periodData';
import { submissionOf } from './progress';
import { computeRollUp } from './rollUp';
import { evaluateRollUpTargets, readTargets, yearTargets } from './targets';
import type { Workbook } from './workbook';

const NARRATIVE_CODES = new Set<string>(NARRATIVES.map((n) => n.code));

export interface Completeness {
  units: ReportUnit[];
  /** "12/14 đơn vị đã nộp". */
  text: string;
}

/**
 * Who has submitted every quarter of the period: this year's quarters from Tiến độ, earlier ones
 * from what Lưu trữ holds (only submitted data are archived).
 */
export function completeness(workbook: Workbook, spec: PeriodSpec, points: DataPoint[]): Completeness {
  const submissions = readSubmissions(workbook.spreadsheet);
  const archived = new Set(points.map((p) => `${p.unit}|${p.period}`));
  const units = workbook.units
    .filter((u) => u.active)
    .map((unit) => {
      const done = spec.quarters.map((key) => {
        if (!key.startsWith(`${workbook.settings.nam}-`))
          return { ok: archived.has(`${unit.ma}|${key}`), at: null };
        const submission = submissionOf(submissions, unit.ma, parseQuarter(key)!.quarter);
        return { ok: Boolean(submission), at: submission?.at ?? null };
      });
      const count = done.filter((d) => d.ok).length;
      const submitted = count === done.length;
      const status =
        done.length === 1
          ? done[0]!.ok
            ? done[0]!.at
              ? `Đã nộp ${shortDate(done[0]!.at)}`
              : 'Đã nộp'
            : 'Chưa nộp'
          : submitted
            ? `Đã nộp đủ ${done.length} quý`
            : `Nộp ${count}/${done.length} quý`;
      return { ma: unit.ma, ten: unit.ten, status, submitted };
    });
  return { units, text: completenessText(units.filter((u) => u.submitted).length, units.length) };
}

function narratives(spec: PeriodSpec, points: DataPoint[]): NarrativeEntry[] {
  const quarters = new Set(spec.quarters);
  return points
    .filter((p) => NARRATIVE_CODES.has(p.code) && quarters.has(p.period) && String(p.value).trim() !== '')
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((p) => ({ unit: p.unit, code: p.code, text: String(p.value) }));
}

/** The period of consecutive quarters from `first` to `last` (a quarter, a year, or a range). */
function spanOf(first: string, last: string): PeriodSpec {
  if (first === last) return periodSpec(first);
  if (first.endsWith('Q1') && last.endsWith('Q4') && first.slice(0, 4) === last.slice(0, 4)) {
    return periodSpec(first.slice(0, 4));
  }
  return periodSpec(`${first}..${last}`);
}

/** The same period a year earlier: quý II/2025 for quý II/2026, 2025 for 2026. */
function yearEarlier(spec: PeriodSpec): PeriodSpec | null {
  if (spec.kind === 'term' || spec.kind === 'range') return null;
  return periodSpec(spec.key.replace(/^\d{4}/, String(spec.last.year - 1)));
}

/** A term's part in each calendar year, keeping only the years with data. */
function yearParts(workbook: Workbook, spec: PeriodSpec, points: DataPoint[]): YearPart[] {
  if (spec.kind !== 'term' && spec.kind !== 'range') return [];
  const withData = new Set(
    points.filter((p) => !NARRATIVE_CODES.has(p.code)).map((p) => p.period.slice(0, 4)),
  );
  const years = [...new Set(spec.quarters.map((q) => q.slice(0, 4)))].filter((y) => withData.has(y));
  return years.map((year) => {
    const quarters = spec.quarters.filter((q) => q.startsWith(`${year}-`));
    const part = spanOf(quarters[0]!, quarters[quarters.length - 1]!);
    return { year: Number(year), quarters, aggregation: computeRollUp(workbook, part, points) };
  });
}

/** Each unit's latest quarter with a figure, among the year-so-far quarters. */
function latestQuarters(
  workbook: Workbook,
  ytd: PeriodSpec,
  points: DataPoint[],
): Record<string, string | null> {
  const quarters = new Set(ytd.quarters);
  const latest: Record<string, string | null> = {};
  for (const unit of workbook.units.filter((u) => u.active)) latest[unit.ma] = null;
  for (const p of points) {
    if (!quarters.has(p.period) || NARRATIVE_CODES.has(p.code) || !(p.unit in latest)) continue;
    if (latest[p.unit] === null || p.period > latest[p.unit]!) latest[p.unit] = p.period;
  }
  return latest;
}

/** The report's figures for a period. Reads each unit tab and Lưu trữ once, whatever the kind. */
export function reportInput(workbook: Workbook, spec: PeriodSpec, kind: ReportKind): ReportInput {
  const ytdSpec = yearToDate(spec);
  const earlier = yearEarlier(spec);
  // The period, its year so far and the year before are read together, in one pass.
  const quarters = [...new Set([...spec.quarters, ...ytdSpec.quarters, ...(earlier?.quarters ?? [])])].sort();
  const points = periodPoints(workbook, spanOf(quarters[0]!, quarters[quarters.length - 1]!));
  const period = computeRollUp(workbook, spec, points);
  const ytd = computeRollUp(workbook, ytdSpec, points);
  const hasEarlier = earlier !== null && points.some((p) => earlier.quarters.includes(p.period));
  const targetRows = readTargets(workbook);
  // A year or a term is judged on itself; a shorter period shows progress towards the year's targets.
  const judged = spec.kind === 'year' || spec.kind === 'term' || spec.kind === 'range';
  const targets = judged
    ? evaluateRollUpTargets(workbook, spec, period, targetRows)
    : evaluateRollUpTargets(workbook, ytdSpec, ytd, targetRows);
  return {
    config: workbook.config,
    kind,
    spec,
    now: workbook.now,
    period,
    yearToDate: ytd,
    previous: hasEarlier ? computeRollUp(workbook, earlier, points) : null,
    years: yearParts(workbook, spec, points),
    targets: targets.cells,
    targetDetails: targets.details,
    targetSummary: targets.summary,
    nextTargets: kind === 'nam' ? yearTargets(workbook, targetRows, spec.last.year + 1) : [],
    units: completeness(workbook, spec, points).units,
    narratives: narratives(spec, points),
    latest: latestQuarters(workbook, ytdSpec, points),
    dataYear: workbook.settings.nam,
  };
}
