/**
 * The entered values a period needs: the current year's quarters from the unit tabs (one read per
 * tab, live, submitted or not), other years' from Lưu trữ (what was submitted or imported as
 * history). A merged unit's quarters before its merger are its predecessors' figures, which come
 * from Lưu trữ whatever the year (their tabs are read-only since the merger).
 */
import type { DataPoint } from '../domain/dataPoints';
import { withPredecessors } from '../domain/lineage';
import type { PeriodSpec } from '../domain/periodSpec';
import { readArchive } from '../workspace/archiveTab';
import { predecessorCodes, workbookLineages } from './lineage';
import { quarterPoints, readUnitTabs } from './unitData';
import type { Workbook } from './workbook';

export function periodPoints(workbook: Workbook, spec: PeriodSpec): DataPoint[] {
  const thisYear = spec.quarters.filter((q) => q.startsWith(`${workbook.settings.nam}-`));
  const otherYears = new Set(spec.quarters.filter((q) => !thisYear.includes(q)));
  const predecessors = predecessorCodes(workbook);
  const archived = new Set([...otherYears, ...(predecessors.size > 0 ? thisYear : [])]);
  const points: DataPoint[] =
    archived.size > 0
      ? readArchive(workbook.spreadsheet, archived).filter(
          (p) => otherYears.has(p.period) || predecessors.has(p.unit),
        )
      : [];
  if (thisYear.length > 0) {
    for (const [unit, tab] of readUnitTabs(workbook)) {
      for (const key of thisYear) points.push(...quarterPoints(workbook, unit, tab, Number(key.slice(-1))));
    }
  }
  return withPredecessors(points, workbookLineages(workbook), workbook.catalogue);
}
