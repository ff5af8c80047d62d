/**
 * "Tổng hợp ngay" and the daily roll-up: every active indicator over a period, per unit and for the
 * whole district with its coverage, written to Tổng hợp in one batch.
 */
import { aggregate } from '../domain/aggregate';
import type { Aggregation } from '../domain/aggregate';
import type { DataPoint } from '../domain/dataPoints';
import { localDate, shortDate, shortDateTime } from '../domain/dates';
import { cutOff, periodSpec } from '../domain/periodSpec';
import type { PeriodSpec } from '../domain/periodSpec';
import { withScriptLockThenTell } from '../workspace/lock';
import { writeSummary } from '../workspace/summaryTab';
import { refreshCharts } from './charts';
import { periodPoints } from './periodData';
import { evaluateRollUpTargets } from './targets';
import { checkRequest } from '../domain/requests';
import { refuseUnstarted } from './periodAsked';
import type { Workbook } from './workbook';
import { loadWorkbook, requireAdmin } from './workbook';

export interface RollUpRequest {
  ky?: string;
}

export interface RollUpSummary {
  ky: string;
  ten_ky: string;
  so_chi_tieu: number;
  don_vi_co_so_lieu: string;
  /** "6/8 chỉ tiêu đạt và vượt", or '' when no target applies. */
  chi_tieu_dat: string;
}

/** The period asked for; a time-driven trigger passes its event object, which asks for nothing. */
function requestedPeriod(workbook: Workbook, request: unknown): PeriodSpec {
  const ky =
    request && typeof request === 'object' && 'ky' in request ? (request as RollUpRequest).ky : undefined;
  return periodSpec(typeof ky === 'string' && ky.trim() !== '' ? ky : String(workbook.settings.nam));
}

/** "01/01/2026 đến 30/06/2026" under the workbook's cut-off rule. */
function dataWindow(workbook: Workbook, spec: PeriodSpec): string {
  const window = cutOff(spec, workbook.settings.chot_so_lieu);
  return `${shortDate(localDate(window.from))} đến ${shortDate(localDate(window.to))}`;
}

/**
 * The period's aggregation over the active units. A job that aggregates several periods reads the
 * points once (for the widest period) and passes them; the others are ignored here.
 */
export function computeRollUp(
  workbook: Workbook,
  spec: PeriodSpec,
  points: DataPoint[] = periodPoints(workbook, spec),
): Aggregation {
  const quarters = new Set(spec.quarters);
  return aggregate({
    catalogue: workbook.catalogue,
    level: workbook.config.cap,
    units: workbook.units.filter((u) => u.active).map((u) => u.ma),
    quarters: spec.quarters,
    points: points.filter((p) => quarters.has(p.period)),
  });
}

export function rollUp(request?: unknown): RollUpSummary {
  checkRequest('rollUp', request);
  return withScriptLockThenTell('Tổng hợp', () => {
    const workbook = loadWorkbook();
    requireAdmin(workbook, 'tổng hợp số liệu');
    const spec = requestedPeriod(workbook, request);
    refuseUnstarted(workbook, spec, request);
    const points = periodPoints(workbook, spec);
    const aggregation = computeRollUp(workbook, spec, points);
    const targets = evaluateRollUpTargets(workbook, spec, aggregation);
    writeSummary(workbook.spreadsheet, {
      title: `TỔNG HỢP SỐ LIỆU ${spec.name.toLocaleUpperCase('vi')} – ${workbook.config.ten_don_vi.toLocaleUpperCase('vi')}`,
      subtitle: `Số liệu từ ${dataWindow(workbook, spec)}. Cập nhật lúc ${shortDateTime(workbook.now)}; số liệu năm ${workbook.settings.nam} lấy trực tiếp từ các trang đơn vị (kể cả quý chưa nộp), các năm trước từ Lưu trữ.`,
      targetLine: targets.summary.total > 0 ? targets.summary.text : '',
      units: workbook.units.filter((u) => u.active),
      aggregation,
      targets: targets.cells,
    });
    refreshCharts(workbook, spec, targets.cells, spec, { spec, points });
    const members = aggregation.byCode.TC_HV?.total?.coverage;
    const summary: RollUpSummary = {
      ky: spec.key,
      ten_ky: spec.name,
      so_chi_tieu: aggregation.indicators.length,
      don_vi_co_so_lieu: members ? `${members.reported}/${members.expected} đơn vị` : '',
      chi_tieu_dat: targets.summary.total > 0 ? targets.summary.short : '',
    };
    return { result: summary, message: `Đã tổng hợp ${summary.so_chi_tieu} chỉ tiêu, ${summary.ten_ky}.` };
  });
}
