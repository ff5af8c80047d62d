/**
 * Long jobs that go on across executions (docs/architecture.md §6 "Long jobs"). A job hands its
 * ordered, idempotent steps to `runSteps` inside its script lock; past the time budget
 * (`TIME_BUDGET_MS`, src/domain/longJob.ts) the runner saves the cursor in script properties,
 * schedules the job's entry point again with a one-off trigger (src/workspace/continuation.ts),
 * writes "…: tạm dừng, sẽ tiếp tục lúc HH:mm" in Nhật ký and returns the message for the admin,
 * which the job shows once the lock is released. The trigger's run, or the admin's next click, reads
 * the cursor with `resumeCursor` and goes on from there; a finished job clears cursor and trigger.
 */
import type { JobCursor } from '../domain/longJob';
import {
  CONTINUE_AFTER_MS,
  isStuck,
  pauseAction,
  pauseMessage,
  resumePoint,
  shouldPause,
  stuckMessage,
} from '../domain/longJob';
import { clearContinuation, scheduleContinuation } from '../workspace/continuation';
import type { LogEntry } from '../workspace/logTab';
import { appendLog } from '../workspace/logTab';
import { deleteCursor, readCursor, writeCursor } from '../workspace/jobCursor';

/** What a step is told: where to start, and whether to stop before its next unit of work. */
export interface StepContext {
  /** The unit to start from (0 unless this step was paused midway). */
  readonly at: number;
  /** Before a unit of work: true when the execution must stop here (the step then returns the unit). */
  timeUp(): boolean;
  /** After a unit of work. */
  progressed(): void;
}

export interface Step {
  /** Its name, as Nhật ký and a message about a stuck job say it (Vietnamese). */
  name: string;
  /** Does the step from `ctx.at`; returns the next unit when it stopped before the end. */
  run(ctx: StepContext): number | void;
}

export interface LongJob {
  /** The key its cursor is kept under. */
  key: string;
  /** The job as the admin knows it ("Khởi tạo"). */
  title: string;
  /** The global function its continuation trigger runs. */
  handler: string;
}

export type StepsRun = { paused: false } | { paused: true; message: string };

/**
 * The cursor this run starts from, counted as one more run from it; a cursor tried as often as
 * allowed without a new one saved (each run stopped by Google, or failing, inside the same step) is
 * dropped with what the job kept for it (`abandon`: a kept file, an unshared draft), and the job
 * refuses with a message naming the step instead of looping.
 */
export function resumeCursor(job: LongJob, abandon?: (data: unknown) => void): JobCursor | null {
  const cursor = readCursor(job.key);
  if (!cursor) return null;
  if (isStuck(cursor)) {
    forgetCursor(job, cursor);
    try {
      if (cursor.data !== undefined) abandon?.(cursor.data);
    } catch {
      // What it kept stays (a temporary file, a draft never shared); the message below is what matters.
    }
    throw new Error(stuckMessage(job.title, cursor.step));
  }
  writeCursor(job.key, { ...cursor, runs: cursor.runs + 1 });
  // This run does the rest (an admin's click before the trigger fired, or the trigger's own run): the
  // trigger goes now, or it would fire while this run holds the lock and fail waiting for it.
  clearContinuation(cursor.handler);
  return cursor;
}

/** Drops the cursor and its continuation trigger. */
export function forgetCursor(job: LongJob, cursor: JobCursor | null): void {
  if (!cursor) return;
  deleteCursor(job.key);
  clearContinuation(cursor.handler);
}

/** Runs the units `from`..`count - 1` of a step; returns the next one when the time ran out first. */
export function inUnits(ctx: StepContext, count: number, unit: (i: number) => void): number | void {
  for (let i = ctx.at; i < count; i++) {
    if (ctx.timeUp()) return i;
    unit(i);
    ctx.progressed();
  }
}

/**
 * Runs the steps from the cursor, under the job's lock; `started` is when this execution began (the
 * budget is the execution's, so a job run inside another one passes that one's start). Finishing
 * clears the cursor and its trigger; pausing saves the cursor (with `data`, what the job's later runs
 * need), schedules the continuation and logs the pause.
 */
export function runSteps(
  job: LongJob,
  steps: readonly Step[],
  options: {
    cursor: JobCursor | null;
    started: number;
    spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
    user: string;
    /** What the job's later runs need (a request, a file's id): small, JSON; asked only at a pause. */
    data?: () => unknown;
    /** What the job logs when it finishes, written with the pause instead when it pauses. */
    log?: LogEntry[];
    /** This execution already did work of the job before these steps (the new year before its setup). */
    progressed?: boolean;
  },
): StepsRun {
  const { index, at } = resumePoint(
    steps.map((s) => s.name),
    options.cursor,
  );
  let progressed = options.progressed ?? false;
  const timeUp = () => shouldPause(progressed, options.started, Date.now());
  for (let i = index; i < steps.length; i++) {
    const step = steps[i]!;
    if (timeUp()) return pause(job, step.name, 0, options);
    const next = step.run({
      at: i === index ? at : 0,
      timeUp,
      progressed: () => {
        progressed = true;
      },
    });
    if (typeof next === 'number') return pause(job, step.name, next, options);
    progressed = true;
  }
  forgetCursor(job, options.cursor);
  return { paused: false };
}

function pause(
  job: LongJob,
  step: string,
  at: number,
  options: {
    spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
    user: string;
    data?: () => unknown;
    log?: LogEntry[];
  },
): StepsRun {
  const cursor: JobCursor = { step, at, runs: 0, handler: job.handler, data: options.data?.() };
  writeCursor(job.key, cursor);
  scheduleContinuation(job.handler, CONTINUE_AFTER_MS);
  const now = new Date();
  const resumeAt = new Date(now.getTime() + CONTINUE_AFTER_MS);
  appendLog(options.spreadsheet, [
    ...(options.log ?? []),
    { at: now, user: options.user, action: pauseAction(job.title, resumeAt), place: step },
  ]);
  return { paused: true, message: pauseMessage(job.title, resumeAt) };
}

/** A step run whole, outside any long job: it never stops early. */
export const WHOLE: StepContext = { at: 0, timeUp: () => false, progressed: () => undefined };

/** Runs steps whole, outside any long job (a caller already inside one, or a short job's own steps). */
export function runWhole(steps: readonly Step[]): StepsRun {
  for (const step of steps) step.run(WHOLE);
  return { paused: false };
}
