/**
 * The roll-up across workbooks (a province over its communes' workbooks, a district over its
 * wards'), with the same aggregation code the bundle runs (src/domain/aggregate.ts).
 *
 * The units of the aggregation are the units inside the workbooks (the tabs), not the workbooks'
 * totals: each workbook's units are named "<workbook>/<unit>" and aggregated together. Aggregating
 * the leaves is what keeps every rule right across workbooks: flows add up; a stock takes each unit's
 * last reported quarter (a workbook's quarterly total would drop a unit that skipped the last
 * quarter); ratios are Σ numerator / Σ denominator over the units that have both; COUNT_IF and the
 * rating counts count units; MAX is the largest unit. A workbook's own row in the output is the
 * aggregation of its units alone, which is exactly the TONG its bundle computes.
 *
 * A workbook that does not answer, or answers something unusable, is listed in the coverage with
 * the reason, and contributes nothing: it is never counted as zero.
 */
import './csvText';
import type { Aggregation } from '../../src/domain/aggregate';
import { aggregate } from '../../src/domain/aggregate';
import type { Indicator } from '../../src/domain/catalogue';
import { defaultCatalogue } from '../../src/domain/catalogue';
import type { Level } from '../../src/domain/config';
import type { DataPoint } from '../../src/domain/dataPoints';
import { formatExport } from '../../src/domain/exportData';
import type { PeriodSpec } from '../../src/domain/periodSpec';
import type { GoogleApis } from './apis';
import { UserError } from './errors';
import { runPool } from './pool';
import type { Requests } from './requests';
import type { ProvisionState, UnitState } from './state';
import type { WorkbookRead } from './workbookData';
import { readWorkbook } from './workbookData';

export const TOTAL_UNIT = 'TONG';

export interface WorkbookCoverage {
  code: string;
  name: string;
  /** Units of the workbook that report. */
  units?: number;
  reason?: string;
}

export interface ProvinceResult {
  spec: PeriodSpec;
  level: Level;
  /** Long CSV: one row per workbook and indicator with a value (its total), then TONG rows. */
  csv: string;
  answered: WorkbookCoverage[];
  missing: WorkbookCoverage[];
  /** Over every unit of every answering workbook. */
  total: Aggregation;
  /** Each answering workbook's own aggregation, by workbook code. */
  byWorkbook: Map<string, Aggregation>;
}

/** The one level all workbooks share (a roll-up across levels would mix what is entered and computed). */
export function commonLevel(workbooks: readonly Pick<UnitState, 'code' | 'level'>[]): Level {
  const levels = new Map<Level, string[]>();
  for (const w of workbooks) levels.set(w.level, [...(levels.get(w.level) ?? []), w.code]);
  if (levels.size === 0) throw new UserError('Tệp trạng thái không có bảng tính nào.');
  if (levels.size > 1) {
    const list = [...levels].map(
      ([level, codes]) =>
        `${level} (${codes.length}: ${codes.slice(0, 5).join(', ')}${codes.length > 5 ? ', …' : ''})`,
    );
    throw new UserError(
      `Các bảng tính khác cấp, không tổng hợp chung được: ${list.join('; ')}. Hãy tách thành các tệp trạng thái theo cấp.`,
    );
  }
  return [...levels.keys()][0]!;
}

/** Aggregates what the workbooks answered (pure: no request). */
export function rollUpWorkbooks(
  reads: ReadonlyArray<{ workbook: Pick<UnitState, 'code' | 'name' | 'level'>; read: WorkbookRead }>,
  spec: PeriodSpec,
  catalogue: readonly Indicator[] = defaultCatalogue(),
): ProvinceResult {
  const level = commonLevel(reads.map((r) => r.workbook));
  const answered: WorkbookCoverage[] = [];
  const missing: WorkbookCoverage[] = [];
  const allUnits: string[] = [];
  const allPoints: DataPoint[] = [];
  const byWorkbook = new Map<string, Aggregation>();
  for (const { workbook, read } of reads) {
    if (!read.ok) {
      missing.push({ code: workbook.code, name: workbook.name, reason: read.reason });
      continue;
    }
    if (read.data.level !== level) {
      missing.push({
        code: workbook.code,
        name: workbook.name,
        reason: `Cấu hình ghi cấp "${read.data.level}", khác cấp "${level}" của các bảng tính được tổng hợp`,
      });
      continue;
    }
    const units = read.data.units.map((u) => `${workbook.code}/${u}`);
    const points = read.data.points.map((p) => ({ ...p, unit: `${workbook.code}/${p.unit}` }));
    byWorkbook.set(workbook.code, aggregate({ catalogue, level, units, quarters: spec.quarters, points }));
    allUnits.push(...units);
    allPoints.push(...points);
    answered.push({ code: workbook.code, name: workbook.name, units: units.length });
  }
  const total = aggregate({ catalogue, level, units: allUnits, quarters: spec.quarters, points: allPoints });

  const rows: DataPoint[] = [];
  for (const [code, aggregation] of byWorkbook) {
    for (const result of aggregation.indicators) {
      const value = result.total?.value;
      if (value !== null && value !== undefined)
        rows.push({ unit: code, period: spec.key, code: result.indicator.code, value });
    }
  }
  for (const result of total.indicators) {
    const value = result.total?.value;
    if (value !== null && value !== undefined)
      rows.push({ unit: TOTAL_UNIT, period: spec.key, code: result.indicator.code, value });
  }
  const csv = formatExport(rows, {
    units: [...byWorkbook.keys(), TOTAL_UNIT],
    codes: total.indicators.map((i) => i.indicator.code),
  });
  return { spec, level, csv, answered, missing, total, byWorkbook };
}

/** Reads every workbook of the state (one request each, side by side) and rolls them up. */
export async function provinceRollUp(
  apis: GoogleApis,
  requests: Requests,
  state: ProvisionState,
  spec: PeriodSpec,
  options: { concurrency: number; catalogue?: Indicator[] },
): Promise<ProvinceResult> {
  commonLevel(state.units);
  const quarters = new Set(spec.quarters);
  const reads: Array<{ workbook: UnitState; read: WorkbookRead }> = state.units.map((workbook) => ({
    workbook,
    read: { ok: false, reason: 'chưa đọc' },
  }));
  await runPool(reads, options.concurrency, async (entry) => {
    entry.read = await readWorkbook(apis, requests, entry.workbook, quarters);
  });
  return rollUpWorkbooks(reads, spec, options.catalogue);
}

/** The coverage as printed: which workbooks answered, which did not and why. */
export function formatCoverage(result: ProvinceResult): string {
  const total = result.answered.length + result.missing.length;
  const lines = [
    `${result.spec.name}: số liệu đã nộp (Lưu trữ) của ${result.answered.length}/${total} bảng tính, ` +
      `${result.answered.reduce((n, w) => n + (w.units ?? 0), 0)} đơn vị.`,
  ];
  if (result.missing.length > 0) {
    lines.push(`Không có số liệu từ ${result.missing.length} bảng tính (không tính là 0):`);
    for (const w of result.missing) lines.push(`  ${w.code} ${w.name}: ${w.reason}`);
  }
  return lines.join('\n');
}
