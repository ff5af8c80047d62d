/**
 * The workbook's mergers and renames (domain/lineage.ts) as the jobs use them: which units' figures
 * are predecessors', how a report names a merged unit, who may still be imported, and what setup
 * records in Nhật ký when a merger or a change of level is configured.
 */
import type { WorkbookConfig } from '../domain/config';
import type { Lineage } from '../domain/lineage';
import { beforeMerger, lineagesOf, mergedName, mergerDateText } from '../domain/lineage';
import type { PeriodSpec } from '../domain/periodSpec';
import type { LogEntry } from '../workspace/logTab';
import { TAB } from '../workspace/tabs';
import type { UnitRecord } from '../workspace/unitsTab';
import type { Workbook } from './workbook';

/** The lineages of the units that report now. */
export function workbookLineages(workbook: Pick<Workbook, 'units'>): Lineage[] {
  return lineagesOf(workbook.units.filter((u) => u.active));
}

/** Codes of the units merged into one that reports now: their figures come from Lưu trữ. */
export function predecessorCodes(workbook: Pick<Workbook, 'units'>): Set<string> {
  return new Set(workbookLineages(workbook).flatMap((l) => l.predecessors));
}

/** The units an import may name: those that report, and their predecessors (history only). */
export function importableUnits(workbook: Pick<Workbook, 'units'>): UnitRecord[] {
  const predecessors = predecessorCodes(workbook);
  return workbook.units.filter((u) => u.active || predecessors.has(u.ma));
}

/** The unit's name in a report over `spec`: "… (hợp nhất từ A, B và C)" when the period reaches before its merger. */
export function unitNameFor(workbook: Pick<Workbook, 'units'>, unit: UnitRecord, spec: PeriodSpec): string {
  if (!unit.predecessors || !unit.mergedOn || !spec.quarters.some((q) => beforeMerger(q, unit.mergedOn!))) {
    return unit.ten;
  }
  const names = unit.predecessors.map((code) => workbook.units.find((u) => u.ma === code)?.ten ?? code);
  return mergedName(unit.ten, names);
}

/** Whether the unit's figures for the quarter are its predecessors' (it did not exist yet). */
export function isPredecessorQuarter(unit: UnitRecord, period: string): boolean {
  return Boolean(unit.predecessors && unit.mergedOn && beforeMerger(period, unit.mergedOn));
}

/**
 * The configuration's history kept in Nhật ký when setup installs a new configuration: a change of
 * level (a district union dissolved, its communes now reporting to the province) and each merger.
 */
export function configurationChanges(
  before: { config: WorkbookConfig; units: UnitRecord[] } | null,
  after: { config: WorkbookConfig; units: UnitRecord[] },
  at: Date,
  user: string,
): LogEntry[] {
  if (!before) return [];
  const entries: LogEntry[] = [];
  if (before.config.cap !== after.config.cap) {
    entries.push({
      at,
      user,
      action: 'Đổi cấp của bảng tính',
      place: TAB.config,
      cell: 'cap',
      oldValue: before.config.cap,
      newValue: after.config.cap,
    });
  }
  const known = new Map(
    lineagesOf(before.units).map((l) => [l.unit, `${l.predecessors.join(', ')} từ ${l.from}`]),
  );
  for (const lineage of lineagesOf(after.units.filter((u) => u.active))) {
    const text = `${lineage.predecessors.join(', ')} từ ${lineage.from}`;
    if (known.get(lineage.unit) === text) continue;
    entries.push({
      at,
      user,
      action: 'Hợp nhất đơn vị',
      place: TAB.units,
      cell: lineage.unit,
      oldValue: known.get(lineage.unit) ?? '',
      newValue: `${lineage.unit} hợp nhất từ ${lineage.predecessors.join(', ')}, có hiệu lực từ ngày ${mergerDateText(lineage.from)}`,
    });
  }
  return entries;
}
