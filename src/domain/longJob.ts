/**
 * The decisions of a long job that goes on across executions (docs/architecture.md §6): a job is an
 * ordered list of named, idempotent steps; before each step (and each unit of a step that works in
 * units) it looks at the time this execution has used, and past the budget it stops where it is, to
 * be continued by a one-off trigger or by the admin's next click from the cursor saved here.
 */

/**
 * The time an execution may use before it stops to continue later. Google ends an execution at 6
 * minutes (docs/apps-script-facts.md §1.2) and the job must stop before 5, so what it starts after
 * this check (one step, or one unit of a step) has 1 min 30 s before 5 minutes and 2 min 30 s before
 * Google's limit: room for the largest step at twice its modelled time (the cost model's error bars,
 * scripts/emulator/README.md "Cost model").
 */
export const TIME_BUDGET_MS = 210_000;

/** When the continuation runs: a minute later, time for an officer's "Nộp" tick waiting for the lock. */
export const CONTINUE_AFTER_MS = 60_000;

/**
 * Executions that may start from the same cursor without saving a new one: more means each was
 * stopped by Google inside the same step (a step alone longer than the limit), and the job stops
 * trying rather than loop.
 */
export const MAX_RUNS_PER_CURSOR = 2;

/** Where a paused job is: the step to do next, and within it the next unit (0 = the step's start). */
export interface JobCursor {
  step: string;
  at: number;
  /** Executions started from this cursor so far. */
  runs: number;
  /** The entry point its trigger runs. */
  handler: string;
  /** What the job keeps for its later executions (a request, a file's id): small, JSON. */
  data?: unknown;
}

/** The step index and unit to start from; a cursor naming no step of the job starts it afresh. */
export function resumePoint(
  steps: readonly string[],
  cursor: JobCursor | null,
): { index: number; at: number } {
  const index = cursor ? steps.indexOf(cursor.step) : -1;
  return index < 0 ? { index: 0, at: 0 } : { index, at: cursor!.at };
}

/** Whether the execution should stop now: only once it has done something, so every run progresses. */
export function shouldPause(progressed: boolean, startedMs: number, nowMs: number): boolean {
  return progressed && nowMs - startedMs >= TIME_BUDGET_MS;
}

/** Whether a cursor has already been tried as often as allowed without progress. */
export function isStuck(cursor: JobCursor | null): boolean {
  return !!cursor && cursor.runs >= MAX_RUNS_PER_CURSOR;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The Nhật ký action of a pause: "Khởi tạo: tạm dừng, sẽ tiếp tục lúc 09:41". */
export function pauseAction(title: string, resumeAt: Date): string {
  return `${title}: tạm dừng, sẽ tiếp tục lúc ${two(resumeAt.getHours())}:${two(resumeAt.getMinutes())}`;
}

/** What the admin reads when a job pauses. */
export function pauseMessage(title: string, resumeAt: Date): string {
  return (
    `${pauseAction(title, resumeAt)} (tự động). Việc này dài hơn thời gian Google cho phép một lần chạy, ` +
    `nên được làm tiếp ở lần chạy sau, từ chỗ đã dừng. Không cần làm gì thêm; ` +
    `bấm lại "${title}" cũng chỉ làm tiếp phần còn lại.`
  );
}

/** Why a stuck job stops trying. */
export function stuckMessage(title: string, step: string): string {
  return (
    `${title}: bước "${step}" đã ${MAX_RUNS_PER_CURSOR} lần chạy tiếp mà không xong (Google dừng lần chạy ` +
    `vì quá thời gian cho phép, hoặc báo lỗi), nên không chạy tiếp tự động nữa. Phần đã làm được giữ ` +
    `nguyên; lần bấm sau sẽ làm lại từ đầu. Nếu vẫn không được, hãy báo người phụ trách kỹ thuật của bảng tính.`
  );
}
