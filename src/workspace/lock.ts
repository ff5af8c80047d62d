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
