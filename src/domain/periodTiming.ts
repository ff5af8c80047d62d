/**
 * Where a period stands at a moment: not started, still running, or closed, by the workbook's
 * cut-off rule (a quarter's data window, periodSpec.ts `cutOff`). A report or a roll-up of a period
 * that has not started is a page of dashes, so it is refused; one of a running period is made only
 * when asked for, and says so in its title.
 */
import { localDate, shortDate } from './dates';
import type { CutOffRule, PeriodSpec } from './periodSpec';
import { cutOff, renamePeriod } from './periodSpec';

export type PeriodTiming = 'not_started' | 'running' | 'closed';

export const PROVISIONAL = '(số liệu tạm tính)';

export function periodTiming(spec: PeriodSpec, now: Date, rule: CutOffRule): PeriodTiming {
  const window = cutOff(spec, rule);
  if (now.getTime() < localDate(window.from).getTime()) return 'not_started';
  if (now.getTime() < localDate(window.toExclusive).getTime()) return 'running';
  return 'closed';
}

/** The same period, named "Quý II/2026 (số liệu tạm tính)": the title and file name say what it is. */
export function provisional(spec: PeriodSpec): PeriodSpec {
  return renamePeriod(spec, `${spec.nameInText} ${PROVISIONAL}`, `${spec.name} ${PROVISIONAL}`);
}

export function notStartedMessage(spec: PeriodSpec, rule: CutOffRule): string {
  const from = shortDate(localDate(cutOff(spec, rule).from));
  return `${spec.name} chưa bắt đầu (số liệu tính từ ngày ${from}), chưa có số liệu để báo cáo hay tổng hợp.`;
}

export function runningMessage(spec: PeriodSpec, rule: CutOffRule): string {
  const to = shortDate(localDate(cutOff(spec, rule).to));
  return (
    `${spec.name} chưa kết thúc (số liệu chốt đến hết ngày ${to}). Muốn tạo báo cáo với số liệu ` +
    `tạm tính, hãy đánh dấu "Tạo báo cáo tạm tính" trong hộp thoại, hoặc thêm "tam_tinh": true ` +
    `vào yêu cầu; báo cáo khi đó ghi "${PROVISIONAL}" trong tiêu đề.`
  );
}
