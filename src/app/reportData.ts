/**
 * Everything a report needs from the workbook, read once: the period's and the year-to-date
 * aggregation (from one read of the unit tabs), targets, completeness per unit and the units' text.
 */
import { shortDate } from '../domain/dates';
import type { DataPoint } from '../domain/dataPoints';
import { parseQuarter } from '../domain/periods';
import type { PeriodSpec, ReportKind } from '../domain/periodSpec';
import { completenessText } from '../domain/progress';
import type { NarrativeEntry, ReportInput, ReportUnit } from '../domain/report/content';
import { yearToDate } from '../domain/report/kinds';
import { NARRATIVES } from '../domain/unitTab';
import { readSubmissions } from '../workspace/progressTab';
import { periodPoints } from './periodData';
import { submissionOf } from './progress';
import { computeRollUp } from './rollUp';
import { evaluateRollUpTargets } from './targets';
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

/** A year or a term is judged on itself; a shorter period shows progress towards the year's targets. */
export function targetsPeriod(spec: PeriodSpec): PeriodSpec {
  return spec.kind === 'year' || spec.kind === 'term' || spec.kind === 'range' ? spec : yearToDate(spec);
}

/** The report's figures for a period. Reads each unit tab once, whatever the kind. */
export function reportInput(workbook: Workbook, spec: PeriodSpec, kind: ReportKind): ReportInput {
  const ytdSpec = yearToDate(spec);
  // The period and its year-to-date are nested: read the points of the wider one once.
  const points = periodPoints(workbook, spec.quarters.length >= ytdSpec.quarters.length ? spec : ytdSpec);
  const period = computeRollUp(workbook, spec, points);
  const ytd = computeRollUp(workbook, ytdSpec, points);
  const judgedOn = targetsPeriod(spec);
  const targets = evaluateRollUpTargets(workbook, judgedOn, judgedOn === spec ? period : ytd);
  return {
    config: workbook.config,
    kind,
    spec,
    now: workbook.now,
    period,
    yearToDate: ytd,
    targets: targets.cells,
    targetSummary: targets.summary,
    units: completeness(workbook, spec, points).units,
    narratives: narratives(spec, points),
  };
}
