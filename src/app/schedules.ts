/**
 * "Cài đặt lịch tự động": the jobs that run on their own. Triggers run as the admin who installs
 * them, so only admins install or remove them.
 */
import { withScriptLock } from '../workspace/lock';
import type { InstalledJob, ScheduledJob } from '../workspace/triggers';
import { ensureDailyTriggers, removeTimeTriggers } from '../workspace/triggers';
import { tellUser } from '../workspace/ui';
import { loadWorkbook, requireAdmin } from './workbook';

export const JOBS: readonly ScheduledJob[] = [
  { handler: 'rollUp', label: 'Tổng hợp số liệu: hằng ngày, khoảng 6–7 giờ sáng', hour: 6 },
];

export function installSchedules(): { lich: InstalledJob[] } {
  const workbook = loadWorkbook();
  requireAdmin(workbook, 'cài đặt lịch tự động');
  const installed = withScriptLock('Cài đặt lịch tự động', () => ensureDailyTriggers(JOBS));
  tellUser('Cài đặt lịch tự động', installed.map((j) => `• ${j.label} (${j.installed})`).join('\n'));
  return { lich: installed };
}

export function removeSchedules(): { da_go: number } {
  const workbook = loadWorkbook();
  requireAdmin(workbook, 'gỡ lịch tự động');
  const removed = withScriptLock('Gỡ lịch tự động', () => removeTimeTriggers(JOBS.map((j) => j.handler)));
  tellUser('Gỡ lịch tự động', `Đã gỡ ${removed} lịch tự động.`);
  return { da_go: removed };
}
