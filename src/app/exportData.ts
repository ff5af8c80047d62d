/** The entered data of one quarter in the import's long format, so import then export round-trips. */
import { entryIndicators } from '../domain/catalogue';
import type { DataPoint } from '../domain/dataPoints';
import { formatExport } from '../domain/exportData';
import { parseQuarter } from '../domain/periods';
import { periodSpec } from '../domain/periodSpec';
import { checkRequest } from '../domain/requests';
import { readArchive } from '../workspace/archiveTab';
import { importableUnits } from './lineage';
import { refuseUnstarted } from './periodAsked';
import { quarterValues, readUnitTabs } from './unitData';
import { loadWorkbook } from './workbook';

export function exportData(request: { ky: string }): string {
  checkRequest('exportData', request);
  const workbook = loadWorkbook();
  const quarter = parseQuarter(request.ky);
  if (!quarter)
    throw new Error(`Kỳ "${request.ky}" không hợp lệ; hãy ghi theo dạng ${workbook.settings.nam}-Q2.`);
  if (quarter.year > workbook.settings.nam) {
    throw new Error(
      `Các trang đơn vị đang chứa số liệu năm ${workbook.settings.nam}, không phải năm ${quarter.year}.`,
    );
  }
  refuseUnstarted(workbook, periodSpec(request.ky), request);
  const entered = new Set(entryIndicators(workbook.catalogue, workbook.config.cap).map((i) => i.code));
  // An earlier year is what Lưu trữ holds (submitted or imported as history), so history round-trips too.
  if (quarter.year < workbook.settings.nam) {
    const units = importableUnits(workbook);
    const known = new Set(units.map((u) => u.ma));
    return formatExport(
      readArchive(workbook.spreadsheet, new Set([request.ky])).filter(
        (p) => known.has(p.unit) && entered.has(p.code),
      ),
      { units: units.map((u) => u.ma), codes: workbook.catalogue.map((i) => i.code) },
    );
  }
  const units = workbook.units.filter((u) => u.active);
  const tabs = readUnitTabs(workbook);
  const points: DataPoint[] = units.flatMap((unit) =>
    Object.entries(quarterValues(tabs.get(unit)!, quarter.quarter))
      .filter(([code]) => entered.has(code))
      .map(([code, value]) => ({ unit: unit.ma, period: request.ky, code, value })),
  );
  return formatExport(points, {
    units: units.map((u) => u.ma),
    codes: workbook.catalogue.map((i) => i.code),
  });
}
