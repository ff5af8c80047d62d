/**
 * The history part of an import: quarters of the years before the unit tabs' year go to Lưu trữ as
 * submitted history (source "Nhập lịch sử", by whom and when), never into a tab. A value that
 * differs from what Lưu trữ already holds is a correction and is logged, old and new, as any
 * correction of submitted data is.
 */
import type { DataPoint } from '../domain/dataPoints';
import { sameValue } from '../domain/dataPoints';
import { HISTORY_SOURCE, historyStart, previousTerm } from '../domain/history';
import type { ImportContext } from '../domain/importData';
import { appendArchive, readArchive } from '../workspace/archiveTab';
import type { LogEntry } from '../workspace/logTab';
import { appendLog } from '../workspace/logTab';
import { importableUnits, predecessorCodes, workbookLineages } from './lineage';
import type { Workbook } from './workbook';

/** What an import accepts from before this year: the current and the previous term. */
export function historyWindow(workbook: Workbook): NonNullable<ImportContext['history']> {
  const term = workbook.config.nhiem_ky;
  return { from: historyStart(term), terms: `${previousTerm(term)} và ${term}` };
}

/** The units an import names, and when each merged predecessor's figures end. */
export function importUnits(workbook: Workbook): Pick<ImportContext, 'units' | 'mergedInto'> {
  const mergedInto: Record<string, { unit: string; from: string }> = {};
  for (const lineage of workbookLineages(workbook)) {
    for (const code of lineage.predecessors) mergedInto[code] = { unit: lineage.unit, from: lineage.from };
  }
  return { units: importableUnits(workbook), mergedInto };
}

/** The points of earlier years and of merged predecessors (history), and those of the tabs' year. */
export function splitByYear(
  workbook: Workbook,
  points: DataPoint[],
): { history: DataPoint[]; current: DataPoint[] } {
  const predecessors = predecessorCodes(workbook);
  const isHistory = (p: DataPoint) =>
    Number(p.period.slice(0, 4)) < workbook.settings.nam || predecessors.has(p.unit);
  return { history: points.filter(isHistory), current: points.filter((p) => !isHistory(p)) };
}

/** Appends the history to Lưu trữ and logs it; returns the units it covered. */
export function archiveHistory(workbook: Workbook, points: DataPoint[], readAs: string): string[] {
  if (points.length === 0) return [];
  const periods = new Set(points.map((p) => p.period));
  const before = new Map(
    readArchive(workbook.spreadsheet, periods).map((p) => [`${p.unit}|${p.period}|${p.code}`, p.value]),
  );
  const changed = points.filter((p) => {
    const old = before.get(`${p.unit}|${p.period}|${p.code}`);
    return old !== undefined && !sameValue(old, p.value);
  });
  const fresh = points.filter((p) => !before.has(`${p.unit}|${p.period}|${p.code}`));
  // A value Lưu trữ already holds unchanged is not appended again: re-importing a file changes nothing.
  const kept = new Set([...changed, ...fresh]);
  appendArchive(
    workbook.spreadsheet,
    points.filter((p) => kept.has(p)),
    workbook.now,
    workbook.user,
    HISTORY_SOURCE,
  );
  const units = [...new Set(points.map((p) => p.unit))];
  const sorted = [...periods].sort();
  const entries: LogEntry[] = [
    {
      at: workbook.now,
      user: workbook.user,
      action: HISTORY_SOURCE,
      place: units.join(', '),
      newValue:
        `${kept.size} giá trị vào Lưu trữ (${fresh.length} mới, ${changed.length} sửa), ` +
        `quý ${sorted[0]}${sorted.length > 1 ? ` đến ${sorted[sorted.length - 1]}` : ''} (${readAs})`,
    },
    ...changed.map((p) => ({
      at: workbook.now,
      user: workbook.user,
      action: 'Sửa số liệu lịch sử',
      place: p.unit,
      cell: `${p.period} ${p.code}`,
      oldValue: before.get(`${p.unit}|${p.period}|${p.code}`),
      newValue: p.value,
    })),
  ];
  appendLog(workbook.spreadsheet, entries);
  return units;
}
