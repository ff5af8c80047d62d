/**
 * The targets of the workbook: the Mục tiêu tab read once and checked, judged against a roll-up
 * (domain/targetResults.ts) with the workbook's term, level and resolution.
 */
import type { Aggregation } from '../domain/aggregate';
import { levelWords } from '../domain/levels';
import type { PeriodSpec } from '../domain/periodSpec';
import type { Target } from '../domain/targets';
import { rateCodes, targetsFromRows } from '../domain/targets';
import type { RollUpTargets } from '../domain/targetResults';
import { judgeTargets } from '../domain/targetResults';
import { resolutionName } from '../domain/report/phrases';
import { readTargetRows } from '../workspace/targetsTab';
import type { Workbook } from './workbook';

/** The Mục tiêu tab, read once and checked: a row with a problem stops the job, naming the row. */
export function readTargets(workbook: Workbook): Target[] {
  const { targets, problems } = targetsFromRows(
    readTargetRows(workbook.spreadsheet),
    new Set(workbook.catalogue.map((i) => i.code)),
    new Set(workbook.units.map((u) => u.ma)),
    rateCodes(workbook.catalogue),
  );
  if (problems.length > 0) throw new Error(`Trang "Mục tiêu" có dòng không hợp lệ: ${problems.join('; ')}`);
  return targets;
}

/** The Nghị quyết the targets come from, from Cấu hình (nghi_quyet, dai_hoi_lan_thu). */
export function resolutionOf(workbook: Workbook): string {
  const { ten_don_vi, report } = workbook.config;
  return resolutionName(ten_don_vi, report.dai_hoi_lan_thu, report.nghi_quyet);
}

export function evaluateRollUpTargets(
  workbook: Workbook,
  spec: PeriodSpec,
  aggregation: Aggregation,
  targets: readonly Target[] = readTargets(workbook),
): RollUpTargets {
  return judgeTargets(targets, spec, aggregation, {
    term: workbook.config.nhiem_ky,
    unitWord: levelWords(workbook.config.cap).unit,
    resolution: resolutionOf(workbook),
  });
}
