/**
 * Everything a report needs from the workbook, read once: the entered values of the period, its
 * year so far and the year before (one read of the unit tabs and Lưu trữ), the targets, who has
 * submitted; domain/report/build.ts makes the report's input from them.
 */
import { shortDate } from '../domain/dates';
import type { DataPoint } from '../domain/dataPoints';
import { parseQuarter } from '../domain/periods';
import type { PeriodSpec, ReportKind } from '../domain/periodSpec';
import { completenessText } from '../domain/progress';
import type { ReportInput, ReportUnit } from '../domain/report/content';
import { buildReportInput, quartersToRead } from '../domain/report/build';
import { yearToDate } from '../domain/report/kinds';
import { readSubmissions } from '../workspace/progressTab';
import { isPredecessorQuarter, unitNameFor } from './lineage';
import { periodPoints } from './periodData';
import { submissionOf } from './progress';
import { readTargets } from './targets';
import type { Workbook } from './workbook';

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
        // Earlier years, and a merged unit's quarters before its merger, count what Lưu trữ holds.
        if (!key.startsWith(`${workbook.settings.nam}-`) || isPredecessorQuarter(unit, key))
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
      return { ma: unit.ma, ten: unitNameFor(workbook, unit, spec), status, submitted };
    });
  return { units, text: completenessText(units.filter((u) => u.submitted).length, units.length) };
}

/** A year or a term is judged on itself; a shorter period shows progress towards the year's targets. */
export function targetsPeriod(spec: PeriodSpec): PeriodSpec {
  return spec.kind === 'year' || spec.kind === 'term' || spec.kind === 'range' ? spec : yearToDate(spec);
}

/** The report's figures for a period. Reads each unit tab and Lưu trữ once, whatever the kind. */
export function reportInput(workbook: Workbook, spec: PeriodSpec, kind: ReportKind): ReportInput {
  const points = periodPoints(workbook, quartersToRead(spec));
  return buildReportInput(
    {
      config: workbook.config,
      catalogue: workbook.catalogue,
      units: completeness(workbook, spec, points).units,
      points,
      targets: readTargets(workbook),
      now: workbook.now,
      dataYear: workbook.settings.nam,
    },
    spec,
    kind,
  );
}
