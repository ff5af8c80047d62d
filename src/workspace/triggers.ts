/** The handler of the installable edit trigger (main.ts exports it under this name). */
export const EDIT_HANDLER = 'onEditInstalled';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Submissions and the audit log write to tabs officers cannot edit, so they run in an installable
 * edit trigger, with the authority of the admin who installed it. Installing twice is harmless.
 */
export function ensureEditTrigger(spreadsheet: Spreadsheet): void {
  const exists = ScriptApp.getProjectTriggers().some(
    (t) => t.getHandlerFunction() === EDIT_HANDLER && t.getEventType() === ScriptApp.EventType.ON_EDIT,
  );
  if (!exists) ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(spreadsheet).onEdit().create();
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
  installed: 'mới cài' | 'đã có';
}

/**
 * Installs one daily trigger per job for the current user, unless one exists: installing twice
 * leaves one trigger per job.
 */
export function ensureDailyTriggers(jobs: readonly ScheduledJob[]): InstalledJob[] {
  const existing = ScriptApp.getProjectTriggers().filter(
    (t) => t.getEventType() === ScriptApp.EventType.CLOCK,
  );
  return jobs.map((job) => {
    if (existing.some((t) => t.getHandlerFunction() === job.handler)) {
      return { handler: job.handler, label: job.label, installed: 'đã có' };
    }
    ScriptApp.newTrigger(job.handler).timeBased().everyDays(1).atHour(job.hour).create();
    return { handler: job.handler, label: job.label, installed: 'mới cài' };
  });
}

/** Removes the current user's time-driven triggers of these handlers; returns how many. */
export function removeTimeTriggers(handlers: readonly string[]): number {
  const doomed = ScriptApp.getProjectTriggers().filter(
    (t) => t.getEventType() === ScriptApp.EventType.CLOCK && handlers.includes(t.getHandlerFunction()),
  );
  for (const trigger of doomed) ScriptApp.deleteTrigger(trigger);
  return doomed.length;
}
