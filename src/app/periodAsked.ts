/**
 * A period someone asked for, held against the clock: one that has not started is refused (its
 * report or roll-up would be a page of dashes); a running one gives a report only when asked for
 * explicitly (`tam_tinh`), named as provisional in its title and file name.
 */
import type { PeriodSpec, ReportKind } from '../domain/periodSpec';
import { notStartedMessage, periodTiming, provisional, runningMessage } from '../domain/periodTiming';
import { reportPeriod } from '../domain/report/kinds';
import type { Workbook } from './workbook';

/** The period of a report (`{ky?, tam_tinh?}`; default: the latest closed one of the kind). */
export function reportPeriodAsked(
  workbook: Workbook,
  kind: ReportKind,
  request: { ky?: string; tam_tinh?: boolean } | undefined,
): PeriodSpec {
  const spec = reportPeriod(kind, request?.ky, workbook.now, workbook.config.nhiem_ky);
  const rule = workbook.settings.chot_so_lieu;
  switch (periodTiming(spec, workbook.now, rule)) {
    case 'not_started':
      throw new Error(notStartedMessage(spec, rule));
    case 'running':
      if (request?.tam_tinh !== true) throw new Error(runningMessage(spec, rule));
      return provisional(spec);
    case 'closed':
      return spec;
  }
}

/** A roll-up or an export of a period asked for by name: refused before the period starts. */
export function refuseUnstarted(workbook: Workbook, spec: PeriodSpec, request: unknown): void {
  const ky = request && typeof request === 'object' ? (request as { ky?: unknown }).ky : undefined;
  if (typeof ky !== 'string' || ky.trim() === '') return;
  const rule = workbook.settings.chot_so_lieu;
  if (periodTiming(spec, workbook.now, rule) === 'not_started')
    throw new Error(notStartedMessage(spec, rule));
}
