import { continuationId } from './continuation';
import { scriptProperties } from './properties';
import { shortDate } from '../domain/dates';

/** The handler of the installable edit trigger (main.ts exports it under this name). */
export const EDIT_HANDLER = 'onEditInstalled';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Submissions and the audit log write to tabs officers cannot edit, so they run in an installable
 * edit trigger, with the authority of the admin who installed it. Installing twice is harmless.
 */
export function ensureEditTrigger(spreadsheet: Spreadsheet): void {
  if (!hasEditTrigger()) ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(spreadsheet).onEdit().create();
}

/** Whether the person running the script has installed the edit trigger (Google lists only one's own). */
export function hasEditTrigger(): boolean {
  return ScriptApp.getProjectTriggers().some(
    (t) => t.getHandlerFunction() === EDIT_HANDLER && t.getEventType() === ScriptApp.EventType.ON_EDIT,
  );
}

/** A job run by a time-driven trigger: its handler (a global function) and when it runs. */
export interface ScheduledJob {
  handler: string;
  /** What the schedule is, for people: "Tổng hợp số liệu: hằng ngày, 6–7 giờ sáng". */
  label: string;
  /** Hour of the day (script time zone) it runs every day. */
  hour: number;
}

export interface InstalledJob {
  handler: string;
  label: string;
  installed: 'mới cài' | 'đã có' | 'đã cài lại';
}

/**
 * What is installed, kept in a script property because a Trigger cannot say its hour: which
 * trigger (uid) runs which job at which hour, who installed them (triggers run as, and are visible
 * only to, the account that created them), and when.
 */
export interface ScheduleRecord {
  by: string;
  at: string;
  /** When the schedule was first installed (kept by reinstalls, reset by a removal): jobs act on what falls due after it. */
  since: string;
  jobs: Array<{ handler: string; hour: number; label: string; uid: string }>;
  /** Accounts that installed the schedule earlier and may still have triggers this account cannot see. */
  others: string[];
}

const SCHEDULE_PROPERTY = 'lich_tu_dong';

/** The schedule as last installed, or null when none is. */
export function readScheduleRecord(): ScheduleRecord | null {
  const text = scriptProperties().getProperty(SCHEDULE_PROPERTY);
  if (text === null) return null;
  try {
    const record = JSON.parse(text) as Partial<ScheduleRecord>;
    if (typeof record.by !== 'string') return null;
    return {
      by: record.by,
      at: record.at ?? '',
      since: record.since ?? record.at ?? '',
      jobs: Array.isArray(record.jobs) ? record.jobs : [],
      others: Array.isArray(record.others) ? record.others : [],
    };
  } catch {
    return null;
  }
}

/**
 * Installs one daily trigger per job for the current user and records them. Idempotent: a job whose
 * trigger is recorded at the same hour is left alone ('đã có'); a job whose hour changed, that has
 * several triggers, or one not recorded, gets its triggers replaced by one ('đã cài lại').
 */
export function ensureDailyTriggers(
  jobs: readonly ScheduledJob[],
  user: string,
  now: Date,
): { jobs: InstalledJob[]; record: ScheduleRecord } {
  const previous = readScheduleRecord();
  const mine = previous && previous.by === user ? previous : null;
  const existing = ScriptApp.getProjectTriggers().filter(
    (t) => t.getEventType() === ScriptApp.EventType.CLOCK,
  );
  const recorded: ScheduleRecord['jobs'] = [];
  const installed = jobs.map((job): InstalledJob => {
    // A job's one-off continuation (the reminders' rest, a minute later) is not its daily trigger.
    const pending = continuationId(job.handler);
    const current = existing.filter(
      (t) => t.getHandlerFunction() === job.handler && (pending === null || t.getUniqueId() !== pending),
    );
    const known = mine?.jobs.find((j) => j.handler === job.handler);
    if (current.length === 1 && known && known.uid === current[0]!.getUniqueId() && known.hour === job.hour) {
      recorded.push({ ...known, label: job.label });
      return { handler: job.handler, label: job.label, installed: 'đã có' };
    }
    for (const trigger of current) ScriptApp.deleteTrigger(trigger);
    const trigger = ScriptApp.newTrigger(job.handler).timeBased().everyDays(1).atHour(job.hour).create();
    recorded.push({ handler: job.handler, hour: job.hour, label: job.label, uid: trigger.getUniqueId() });
    return {
      handler: job.handler,
      label: job.label,
      installed: current.length > 0 ? 'đã cài lại' : 'mới cài',
    };
  });
  const others = [...(previous?.others ?? []), ...(previous && previous.by !== user ? [previous.by] : [])];
  const record: ScheduleRecord = {
    by: user,
    at: now.toISOString(),
    since: previous?.since ?? now.toISOString(),
    jobs: recorded,
    others: [...new Set(others)].filter((o) => o !== user),
  };
  scriptProperties().setProperty(SCHEDULE_PROPERTY, JSON.stringify(record));
  return { jobs: installed, record };
}

/**
 * Removes the current user's time-driven triggers of these handlers; returns how many, and the
 * schedule record that remains (null when none: another account's triggers, if any, are theirs).
 */
export function removeTimeTriggers(
  handlers: readonly string[],
  user: string,
): { removed: number; record: ScheduleRecord | null } {
  const doomed = ScriptApp.getProjectTriggers().filter(
    (t) => t.getEventType() === ScriptApp.EventType.CLOCK && handlers.includes(t.getHandlerFunction()),
  );
  for (const trigger of doomed) ScriptApp.deleteTrigger(trigger);
  const properties = scriptProperties();
  const previous = readScheduleRecord();
  if (!previous) return { removed: doomed.length, record: null };
  if (previous.by === user) {
    if (previous.others.length === 0) {
      properties.deleteProperty(SCHEDULE_PROPERTY);
      return { removed: doomed.length, record: null };
    }
    // Someone else's triggers may still run: say so until they remove them.
    const [by, ...others] = previous.others as [string, ...string[]];
    const record: ScheduleRecord = { ...previous, by, jobs: [], others };
    properties.setProperty(SCHEDULE_PROPERTY, JSON.stringify(record));
    return { removed: doomed.length, record };
  }
  const record: ScheduleRecord = { ...previous, others: previous.others.filter((o) => o !== user) };
  properties.setProperty(SCHEDULE_PROPERTY, JSON.stringify(record));
  return { removed: doomed.length, record };
}

/** The schedule in words, for Cấu hình (row `lich_tu_dong`). */
export function describeSchedule(record: ScheduleRecord | null): string {
  if (!record) return 'Chưa cài đặt (chọn Hội LHPN › Cài đặt lịch tự động)';
  const lines =
    record.jobs.length > 0
      ? [
          ...record.jobs.map((j) => `• ${j.label}`),
          `Cài bởi ${record.by}${Number.isNaN(Date.parse(record.at)) ? '' : ` ngày ${shortDate(new Date(record.at))}`}.`,
        ]
      : [`Lịch do ${record.by} cài có thể vẫn chạy; người đó cần chọn Gỡ lịch tự động (removeSchedules).`];
  if (record.others.length > 0) {
    lines.push(
      `Lưu ý: lịch do ${record.others.join(', ')} cài trước đây có thể vẫn chạy dưới tài khoản đó; người đó cần gỡ (removeSchedules). Các tác vụ không gửi trùng thư.`,
    );
  }
  return lines.join('\n');
}
