import { errorText, isOwnMessage, personMessage } from '../domain/serviceErrors';
import { appendLog } from './logTab';
import { rereadProperties } from './properties';
import { currentUserEmail } from './session';
import { activeSpreadsheet, TAB } from './tabs';
import { tellUser } from './ui';

/** How long a job waits for another one to finish before giving up. */
const WAIT_MS = 30_000;

/**
 * Runs a job that writes while holding the script lock, so two jobs (a trigger and a person, or two
 * people) never write at once. Pending writes are flushed before the lock is released.
 */
export function withScriptLock<T>(jobName: string, job: () => T): T {
  return translatingFailures(jobName, () => {
    const lock = LockService.getScriptLock();
    if (!lock.tryLock(0)) {
      if (!lock.tryLock(WAIT_MS)) {
        throw new Error(
          `Không thể chạy "${jobName}": một tác vụ khác đang ghi vào bảng tính. Vui lòng thử lại sau ít phút.`,
        );
      }
      // The job that held the lock may have changed them since this one read them.
      rereadProperties();
    }
    try {
      const result = job();
      SpreadsheetApp.flush();
      return result;
    } catch (error) {
      // Logged while the lock is still held, so the Nhật ký write cannot interleave with another job.
      throw translated(jobName, error);
    } finally {
      lock.releaseLock();
    }
  });
}

/**
 * The boundary between Google and the person: a failure of Google's (or a JavaScript fault) reaches
 * the person as a Vietnamese sentence naming the job and what to do, and Google's own text is kept
 * in Nhật ký. The product's own messages pass as they are. A job that does work outside the lock
 * (reading a Drive file first) runs that part inside this too.
 */
export function translatingFailures<T>(jobName: string, job: () => T): T {
  try {
    return job();
  } catch (error) {
    throw translated(jobName, error);
  }
}

function translated(jobName: string, error: unknown): unknown {
  // ScriptApp.requireScopes ends the execution with Google's consent prompt: on Google no code runs
  // after it, so nothing is logged or reworded here either.
  if (isOwnMessage(error) || isAuthorizationPrompt(error)) return error;
  const text = errorText(error);
  return new Error(personMessage(jobName, error, logFailure(jobName, text)));
}

/**
 * Best effort: the failure may be Nhật ký's own (then the person's message says nothing of it). A
 * workbook not set up yet has no Nhật ký, and the boundary does not make one (it would be open to
 * every editor): the execution log keeps the text.
 */
function logFailure(jobName: string, text: string): boolean {
  try {
    const spreadsheet = activeSpreadsheet();
    if (!spreadsheet.getSheetByName(TAB.log)) {
      console.log(`${jobName}: ${text}`);
      return false;
    }
    appendLog(spreadsheet, [
      { at: new Date(), user: currentUserEmail(), action: `Lỗi khi chạy "${jobName}"`, newValue: text },
    ]);
    return true;
  } catch {
    return false;
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

function isAuthorizationPrompt(error: unknown): boolean {
  return /^Authorization is required to perform that action\.?$/.test(errorText(error));
}
