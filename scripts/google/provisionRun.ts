/**
 * Provisioning every unit of U.csv: units run side by side up to a concurrency limit, each one's
 * requests under the shared per-minute limits; a unit that fails is reported and the others go on.
 * A failure on a rate limit that outlasted minutes of backoff means a daily quota (Apps Script
 * projects: 50 a day per user) is spent: no new unit starts, and a later rerun continues.
 */
import { runPool } from './pool';
import type { ProvisionContext, UnitOutcome } from './provisionUnit';
import { provisionUnit, STEP_NAMES } from './provisionUnit';
import type { PlannedWorkbook } from './unitsCsv';

export interface ProvisionRunOptions {
  concurrency: number;
  /** Called as each unit finishes (progress lines). */
  onUnit?: (outcome: UnitOutcome) => void;
}

export interface ProvisionSummary {
  outcomes: UnitOutcome[];
  /** Units not started because a quota ran out. */
  notStarted: string[];
  stoppedByQuota: boolean;
}

export async function provisionAll(
  context: ProvisionContext,
  planned: readonly PlannedWorkbook[],
  options: ProvisionRunOptions,
): Promise<ProvisionSummary> {
  const outcomes: UnitOutcome[] = [];
  let stoppedByQuota = false;
  const { notStarted } = await runPool(
    planned,
    options.concurrency,
    async (workbook) => {
      const outcome = await provisionUnit(context, workbook);
      if (outcome.rateLimited) stoppedByQuota = true;
      outcomes.push(outcome);
      options.onUnit?.(outcome);
    },
    () => stoppedByQuota,
  );
  const order = new Map(planned.map((p, i) => [p.row.ma, i]));
  outcomes.sort((a, b) => order.get(a.code)! - order.get(b.code)!);
  return { outcomes, notStarted: notStarted.map((i) => planned[i]!.row.ma), stoppedByQuota };
}

export function isSuccess(summary: ProvisionSummary): boolean {
  return summary.notStarted.length === 0 && summary.outcomes.every((o) => o.status !== 'failed');
}

/** The summary printed at the end: what was created, skipped and failed, and what to do next. */
export function formatSummary(summary: ProvisionSummary, stateFile: string): string {
  const count = (status: UnitOutcome['status']) => summary.outcomes.filter((o) => o.status === status).length;
  const sum = (pick: (o: UnitOutcome) => number | boolean) =>
    summary.outcomes.reduce((total, o) => total + Number(pick(o)), 0);
  const total = summary.outcomes.length + summary.notStarted.length;
  const lines = [
    `Đơn vị: ${total}. Hoàn tất mới: ${count('created')}, làm tiếp từ lần chạy trước: ${count('resumed')}, ` +
      `đã xong từ trước (bỏ qua): ${count('skipped')}, lỗi: ${count('failed')}` +
      (summary.notStarted.length > 0 ? `, chưa bắt đầu: ${summary.notStarted.length}` : '') +
      '.',
    `Đã tạo: ${sum((o) => o.spreadsheetCreated)} bảng tính` +
      (sum((o) => o.spreadsheetFound) > 0
        ? ` (và tìm lại ${sum((o) => o.spreadsheetFound)} bảng đã tạo trước)`
        : '') +
      `, ${sum((o) => o.scriptCreated)} dự án Apps Script, ${sum((o) => o.codeUploaded)} lần tải mã, ` +
      `${sum((o) => o.shared)} lượt chia sẻ.`,
  ];
  for (const o of summary.outcomes) {
    if (o.status === 'failed') lines.push(`Lỗi ${o.code} (bước ${STEP_NAMES[o.failedStep!]}): ${o.error}`);
    for (const warning of o.warnings) lines.push(`Lưu ý ${o.code}: ${warning}`);
  }
  if (summary.stoppedByQuota)
    lines.push(
      `Dừng bắt đầu đơn vị mới vì hết hạn mức của Google (dự án Apps Script: 50/ngày mỗi tài khoản); chạy lại sau để làm tiếp: ${summary.notStarted.join(', ')}`,
    );
  if (!isSuccess(summary)) lines.push(`Chạy lại cùng lệnh để làm tiếp; tiến độ đã lưu trong "${stateFile}".`);
  return lines.join('\n');
}
