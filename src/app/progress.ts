/** Tiến độ and the status row of each unit tab, computed from the recorded submissions. */
import { localDate, shortDate, shortDateTime } from '../domain/dates';
import type { Quarter } from '../domain/periods';
import { deadlineExclusive, quarterStart } from '../domain/periods';
import { personLabel } from '../domain/identity';
import { completenessText, submissionState } from '../domain/progress';
import type { Submission } from '../workspace/progressTab';
import { writeProgress } from '../workspace/progressTab';
import type { SharedTabs } from '../workspace/tabLook';
import type { UnitRecord } from '../workspace/unitsTab';
import type { Workbook } from './workbook';

const QUARTERS = [1, 2, 3, 4];

export function submissionOf(
  submissions: Submission[],
  unit: string,
  quarter: number,
): Submission | undefined {
  return submissions.find((s) => s.unit === unit && s.quarter === quarter);
}

/** The first moment a quarter's data are late, under the workbook's deadline setting. */
export function deadlineOf(workbook: Workbook, quarter: Quarter): Date {
  return localDate(deadlineExclusive(quarter, workbook.settings.han_nop_ngay));
}

/** "Đã nộp 05/04/2026 08:30", "Chưa nộp (hạn 10/04/2026)", … for a unit tab's status row. */
export function quarterStatuses(
  workbook: Workbook,
  unit: UnitRecord,
  submissions: Submission[],
): [string, string, string, string] {
  return QUARTERS.map((quarter) => {
    const submission = submissionOf(submissions, unit.ma, quarter);
    if (submission) return `Đã nộp ${shortDateTime(submission.at)}`;
    const deadline = deadlineOf(workbook, { year: workbook.settings.nam, quarter });
    const start = localDate(quarterStart({ year: workbook.settings.nam, quarter }));
    const state = submissionState(null, start, deadline, workbook.now);
    const lastDay = new Date(deadline.getTime() - 1);
    return state === 'Chưa đến kỳ' ? state : `${state} (hạn ${shortDate(lastDay)})`;
  }) as [string, string, string, string];
}

export function refreshProgress(workbook: Workbook, submissions: Submission[], shared?: SharedTabs): void {
  const active = workbook.units.filter((u) => u.active);
  const rows = active.map((unit) => ({
    unit: unit.ma,
    unitName: unit.ten,
    cells: QUARTERS.map((quarter) => {
      const submission = submissionOf(submissions, unit.ma, quarter);
      const start = localDate(quarterStart({ year: workbook.settings.nam, quarter }));
      const state = submissionState(
        submission?.at ?? null,
        start,
        deadlineOf(workbook, { year: workbook.settings.nam, quarter }),
        workbook.now,
      );
      return { at: submission?.at ?? ('' as const), by: submission ? personLabel(submission.by) : '', state };
    }),
  }));
  const totals = QUARTERS.map((quarter) =>
    completenessText(active.filter((u) => submissionOf(submissions, u.ma, quarter)).length, active.length),
  );
  writeProgress(workbook.spreadsheet, workbook.settings.nam, rows, totals, shared);
}
