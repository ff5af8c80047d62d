import type { EmulatorContext } from './context';
import { isConsumer } from './files';
import type { Execution } from './runtime';

/**
 * Limits measured on the modelled clock (core/callLog.ts moves it by each call's cost): the run time
 * of one execution and the daily run time of triggers. Quotas for Google Services,
 * https://developers.google.com/apps-script/guides/services/quotas (apps-script-facts §1.1–1.4).
 * An execution past its limit stops at its next service call, and at its end if it makes none: what it
 * wrote stays (Google has no rollback); product code that catches the error cannot go on, every later
 * call throws it again and the execution ends with it, as a killed script would.
 */

/** "Script runtime: 6 min / execution" for both account types on the quotas page. */
export const DEFAULT_EXECUTION_MS = 6 * 60_000;
/** Simple triggers "can't run for longer than 30 seconds" (https://developers.google.com/apps-script/guides/triggers). */
export const SIMPLE_TRIGGER_MS = 30_000;
/** "Triggers total runtime": 90 min a day for a consumer account, 6 h for Workspace (quotas page). */
export const DAILY_TRIGGER_MS = { consumer: 90 * 60_000, workspace: 6 * 3600_000 } as const;

/** Seen in real runs (labnol.org/code/20016-maximum-execution-time-limit; apps-script-facts §1.3). */
export const EXECUTION_TIME_TEXT = 'Exceeded maximum execution time';
/** Quotas page, exception list: "mostly scripts run by triggers". */
export const TRIGGER_TIME_TEXT = 'Service using too much computer time for one day.';

const DAY_MS = 24 * 3600_000;

export interface LimitsState {
  /**
   * Per-account run time limits in ms, overriding 6 minutes. Best Practices says "typically 6 minutes
   * per execution, or 30 minutes for some Google Workspace accounts"; the strict default stays 6.
   */
  executionMs: Record<string, number>;
  /** Tabs per spreadsheet (services/sheets/limits.ts); 200 is unverified, hence configurable. */
  maxSheets: number;
  /** Trigger run time per account since the start of its quota day (reset 24 h after the first use). */
  triggerRuntime: Record<string, { windowStart: number; ms: number }>;
}

export function createLimitsState(): LimitsState {
  return { executionMs: {}, maxSheets: 200, triggerRuntime: {} };
}

function limitsOf(ctx: EmulatorContext): LimitsState {
  // A workspace saved before limits existed starts with the defaults.
  return (ctx.state.limits ??= createLimitsState());
}

function isTrigger(execution: Execution): boolean {
  return (
    execution.kind === 'simpleTrigger' ||
    execution.kind === 'installableTrigger' ||
    execution.kind === 'timeTrigger'
  );
}

/** The run time an execution may have: 30 s for a simple trigger, else its account's limit. */
export function executionLimitMs(ctx: EmulatorContext, execution: Execution): number {
  if (execution.kind === 'simpleTrigger') return SIMPLE_TRIGGER_MS;
  return limitsOf(ctx).executionMs[execution.effectiveUser] ?? DEFAULT_EXECUTION_MS;
}

/** Trigger run time `account` has used in its current quota day, ms. */
export function triggerRuntimeToday(ctx: EmulatorContext, account: string): number {
  const usage = limitsOf(ctx).triggerRuntime[account];
  return usage && ctx.clock.now() < usage.windowStart + DAY_MS ? usage.ms : 0;
}

function dailyTriggerBudget(account: string): number {
  return isConsumer(account) ? DAILY_TRIGGER_MS.consumer : DAILY_TRIGGER_MS.workspace;
}

/** Marks the execution stopped when a limit is passed; returns the error it stopped with, if any. */
function overLimit(ctx: EmulatorContext, execution: Execution): Error | undefined {
  if (execution.stopped) return execution.stopped;
  const elapsed = ctx.clock.now() - execution.startedAt;
  if (elapsed > executionLimitMs(ctx, execution)) execution.stopped = ctx.fail(EXECUTION_TIME_TEXT);
  else if (
    isTrigger(execution) &&
    triggerRuntimeToday(ctx, execution.effectiveUser) + elapsed > dailyTriggerBudget(execution.effectiveUser)
  )
    execution.stopped = ctx.fail(TRIGGER_TIME_TEXT);
  return execution.stopped;
}

/** Before every service call (outermost): an execution past a limit goes no further. */
export function checkLimitsBeforeCall(ctx: EmulatorContext): void {
  const execution = ctx.runtime.current();
  if (!execution) return;
  const stopped = overLimit(ctx, execution);
  if (stopped) throw stopped;
}

/** One finished execution and its modelled run time. */
export interface ExecutionRecord {
  functionName: string | null;
  kind: Execution['kind'];
  user: string;
  startedAt: number;
  ms: number;
  /** The limit that stopped it, if one did. */
  stopped: string | null;
}

export interface LimitsDriver {
  /** Sets the run time limit of executions by `account` (e.g. 30 min for a Workspace account); null restores 6 min. */
  setExecutionLimit(account: string, ms: number | null): void;
  /** Sets the tab limit of every spreadsheet (default 200, unverified). */
  setMaxSheets(count: number): void;
  /** Trigger run time `account` has used in its current quota day, ms. */
  triggerRuntimeToday(account: string): number;
  /** Every execution finished since the emulator started (not saved with the state), oldest first. */
  executions(): ExecutionRecord[];
}

/**
 * Installs the end of every execution: the write cache is flushed (its cost moves the clock), then the
 * run time is checked and, for a trigger, added to its owner's daily total.
 */
export function installLimits(ctx: EmulatorContext): { driver: LimitsDriver } {
  const history: ExecutionRecord[] = [];
  ctx.runtime.onExecutionSettle((execution) => {
    ctx.log.endExecution(execution.id);
    overLimit(ctx, execution);
    history.push({
      functionName: execution.functionName ?? null,
      kind: execution.kind,
      user: execution.user,
      startedAt: execution.startedAt,
      ms: ctx.clock.now() - execution.startedAt,
      stopped: execution.stopped?.message ?? null,
    });
    if (!isTrigger(execution)) return;
    const account = execution.effectiveUser;
    const used = triggerRuntimeToday(ctx, account);
    const usage = limitsOf(ctx).triggerRuntime[account];
    limitsOf(ctx).triggerRuntime[account] = {
      windowStart: used === 0 || !usage ? execution.startedAt : usage.windowStart,
      ms: used + (ctx.clock.now() - execution.startedAt),
    };
  });
  return {
    driver: {
      setExecutionLimit: (account, ms) => {
        if (ms === null) delete limitsOf(ctx).executionMs[account];
        else limitsOf(ctx).executionMs[account] = ms;
      },
      setMaxSheets: (count) => {
        limitsOf(ctx).maxSheets = count;
      },
      triggerRuntimeToday: (account) => triggerRuntimeToday(ctx, account),
      executions: () => history.map((record) => ({ ...record })),
    },
  };
}
