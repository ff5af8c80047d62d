/**
 * "Cài đặt lịch tự động": the jobs that run on their own. Triggers run as the admin who installs
 * them, so only admins install or remove them. Installing again is safe: a job keeps its trigger,
 * and one whose hour changed gets a new one. Cấu hình shows what is installed (row lich_tu_dong).
 */
import { writeScheduleRow } from '../workspace/configTab';
import { withScriptLockThenTell } from '../workspace/lock';
import { appendLog } from '../workspace/logTab';
import type { InstalledJob, ScheduledJob } from '../workspace/triggers';
import { describeSchedule, ensureDailyTriggers, removeTimeTriggers } from '../workspace/triggers';
import { loadWorkbook, requireAdmin } from './workbook';

/**
 * Roll-up first, then the quarterly summary (it reads the units' figures), then the reminders. The
 * summary and the reminders run every day and act only on their days: after a deadline, and from
 * `nhac_truoc_ngay` days before it.
 */
export const JOBS: readonly ScheduledJob[] = [
  { handler: 'rollUp', label: 'Tổng hợp số liệu: hằng ngày, khoảng 6–7 giờ sáng', hour: 6 },
  {
    handler: 'sendQuarterSummary',
    label: 'Gửi báo cáo quý qua email: khoảng 7–8 giờ sáng ngày đầu tiên sau hạn nộp của mỗi quý',
    hour: 7,
  },
  {
    handler: 'remindLateUnits',
    label: 'Nhắc đơn vị chưa nộp số liệu: khoảng 8–9 giờ sáng mỗi ngày trong thời gian nhắc trước hạn nộp',
    hour: 8,
  },
];

export function installSchedules(): { lich: InstalledJob[] } {
  return withScriptLockThenTell('Cài đặt lịch tự động', () => {
    const workbook = loadWorkbook();
    requireAdmin(workbook, 'cài đặt lịch tự động');
    const { jobs, record } = ensureDailyTriggers(JOBS, workbook.user, workbook.now);
    const text = describeSchedule(record);
    writeScheduleRow(workbook.spreadsheet, text);
    appendLog(workbook.spreadsheet, [
      {
        at: workbook.now,
        user: workbook.user,
        action: 'Cài đặt lịch tự động',
        newValue: jobs.map((j) => `${j.handler}: ${j.installed}`).join('; '),
      },
    ]);
    return { result: { lich: jobs }, message: jobs.map((j) => `• ${j.label} (${j.installed})`).join('\n') };
  });
}

export function removeSchedules(): { da_go: number } {
  return withScriptLockThenTell('Gỡ lịch tự động', () => {
    const workbook = loadWorkbook();
    requireAdmin(workbook, 'gỡ lịch tự động');
    const { removed, record } = removeTimeTriggers(
      JOBS.map((j) => j.handler),
      workbook.user,
    );
    writeScheduleRow(workbook.spreadsheet, describeSchedule(record));
    appendLog(workbook.spreadsheet, [
      { at: workbook.now, user: workbook.user, action: 'Gỡ lịch tự động', newValue: `Đã gỡ ${removed}` },
    ]);
    const rest = record ? `\n${describeSchedule(record)}` : '';
    return { result: { da_go: removed }, message: `Đã gỡ ${removed} lịch tự động.${rest}` };
  });
}
