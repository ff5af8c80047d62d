/**
 * The entered values a period needs: the current year's quarters from the unit tabs (one read per
 * tab, live, submitted or not), other years' from Lưu trữ (what was submitted).
 */
import type { DataPoint } from '../domain/dataPoints';
import type { PeriodSpec } from '../domain/periodSpec';
import { readArchive } from '../workspace/archiveTab';
import { quarterPoints, readUnitTabs } from './unitData';
import type { Workbook } from './workbook';

export function periodPoints(workbook: Workbook, spec: PeriodSpec): DataPoint[] {
  const thisYear = spec.quarters.filter((q) => q.startsWith(`${workbook.settings.nam}-`));
  const otherYears = new Set(spec.quarters.filter((q) => !thisYear.includes(q)));
  const points: DataPoint[] = otherYears.size > 0 ? readArchive(workbook.spreadsheet, otherYears) : [];
  if (thisYear.length > 0) {
    for (const [unit, tab] of readUnitTabs(workbook)) {
      for (const key of thisYear) points.push(...quarterPoints(workbook, unit, tab, Number(key.slice(-1))));
    }
  }
  return points;
}
