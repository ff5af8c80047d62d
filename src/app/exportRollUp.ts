/**
 * A roll-up as long CSV (don_vi,ky,ma_chi_tieu,gia_tri): one row per unit and indicator that has a
 * value, then rows with don_vi = TONG for the whole district. Ratios are decimals (0.926); computed
 * indicators are included; a missing value has no row, never a 0.
 */
import type { DataPoint } from '../domain/dataPoints';
import { formatExport } from '../domain/exportData';
import { periodSpec } from '../domain/periodSpec';
import { checkRequest } from '../domain/requests';
import { refuseUnstarted } from './periodAsked';
import { computeRollUp } from './rollUp';
import { loadWorkbook } from './workbook';

export const TOTAL_UNIT = 'TONG';

export function exportRollUp(request: { ky: string }): string {
  checkRequest('exportRollUp', request);
  const workbook = loadWorkbook();
  const spec = periodSpec(request.ky);
  refuseUnstarted(workbook, spec, request);
  const aggregation = computeRollUp(workbook, spec);
  const points: DataPoint[] = [];
  for (const result of aggregation.indicators) {
    const code = result.indicator.code;
    result.values.forEach((value, i) => {
      if (value !== null) points.push({ unit: aggregation.units[i]!, period: spec.key, code, value });
    });
    const total = result.total?.value;
    if (total !== null && total !== undefined)
      points.push({ unit: TOTAL_UNIT, period: spec.key, code, value: total });
  }
  return formatExport(points, {
    units: [...aggregation.units, TOTAL_UNIT],
    codes: aggregation.indicators.map((i) => i.indicator.code),
  });
}
