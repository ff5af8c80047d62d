import { tellUser } from './ui';

/** How long a job waits for another one to finish before giving up. */
const WAIT_MS = 30_000;

/**
 * Runs a job that writes while holding the script lock, so two jobs (a trigger and a person, or two
 * people) never write at once. Pending writes are flushed before the lock is released.
 */
export function withScriptLock<T>(jobName: string, job: () => T): T {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(WAIT_MS)) {
    throw new Error(
      `Không thể chạy "${jobName}": một tác vụ khác đang ghi vào bảng tính. Vui lòng thử lại sau ít phút.`,
    );
  }
  try {
    const result = job();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}

/** What a job under the lock hands back: its result, and what to tell the person afterwards. */
export interface ToldResult<T> {
  result: T;
  message?: string;
}

/**
 * A writing job whose outcome the person reads in an alert, told only once the lock is released.
 * An alert suspends the script until the person closes it ("Alerts suspend the server-side script
 * while the dialog is open", https://developers.google.com/apps-script/guides/dialogs): a lock held
 * meanwhile would make every other job wait — an officer's "Nộp" tick would time out and be lost.
 * With nobody at the Sheet (a time-driven trigger) the message goes to the execution log.
 */
export function withScriptLockThenTell<T>(jobName: string, job: () => ToldResult<T>): T {
  const { result, message } = withScriptLock(jobName, job);
  if (message) tellUser(jobName, message);
  return result;
}
