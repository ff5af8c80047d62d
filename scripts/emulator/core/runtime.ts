import vm from 'node:vm';
import type { EmulatorContext } from './context';
import { toRealm } from './context';

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';
export type ExecutionKind =
  | 'manual' // run from the editor or the command line
  | 'menu' // a custom menu item or a dialog's google.script.run
  | 'simpleTrigger' // onOpen / onEdit
  | 'installableTrigger' // installable onEdit / onOpen
  | 'timeTrigger'; // time-driven trigger

/** One run of product code, as Apps Script would start it. */
export interface Execution {
  id: number;
  /** Session.getActiveUser(); '' when Google would not reveal it. */
  user: string;
  /** Session.getEffectiveUser(): whose authority the code runs with. */
  effectiveUser: string;
  authMode: AuthMode;
  kind: ExecutionKind;
  startedAt: number;
  triggerUid?: string;
  /** The global function Apps Script called (menus, triggers, the Run button); unset for test code. */
  functionName?: string;
  /**
   * Set when Google would end the execution early (a limit, core/limits.ts): every later service call
   * throws it and the execution ends with it, even if the product caught it.
   */
  stopped?: Error;
  /** Run under a boundary that a hard end unwinds to (see `endHard`). */
  hardEndable?: boolean;
}

export interface ExecutionOptions {
  user: string;
  effectiveUser?: string;
  authMode?: AuthMode;
  kind?: ExecutionKind;
  triggerUid?: string;
  functionName?: string;
}

export interface SpreadsheetEvent {
  type: 'ON_EDIT' | 'ON_OPEN';
  spreadsheetId: string;
  /** The person who acted. */
  user: string;
  /** Builds the event object for one installable trigger (it adds triggerUid and authMode FULL). */
  makeEvent(triggerUid: string): Record<string, unknown>;
}

export type SpreadsheetEventListener = (event: SpreadsheetEvent) => void;

/**
 * The boundary of an execution that a hard end may stop. JavaScript cannot throw past a catch, so a
 * hard end uses V8's own termination: `breakOnSigint` makes Node turn a SIGINT into
 * `TerminateExecution`, which unwinds every frame inside the boundary (the product's catch and
 * finally blocks, and the emulator's frames between) without running any of them, and surfaces at
 * the boundary as ERR_SCRIPT_EXECUTION_INTERRUPTED. Its own small context, so the product's global
 * scope gains nothing.
 */
const entries: Array<() => unknown> = [];
const boundaryContext = vm.createContext({ enter: () => entries[entries.length - 1]!() });
const boundaryScript = new vm.Script('enter()');
/** How long to wait for the termination before falling back to a stopped execution. */
const TERMINATION_WAIT_MS = 5_000;

function underBoundary<T>(fn: () => T): T {
  entries.push(fn);
  try {
    return boundaryScript.runInContext(boundaryContext, { breakOnSigint: true }) as T;
  } finally {
    entries.pop();
  }
}

/**
 * Executions: who runs, with which authority, and what happens when a run ends (locks released,
 * documents saved). Executions nest when a test starts one while another is under way, which is how
 * overlapping runs are simulated in a single thread.
 */
export class Runtime {
  /** The global object of the product code (the gas-local vm context). */
  sandbox: Record<string, unknown> = {};
  private readonly stack: Execution[] = [];
  private readonly endHooks: Array<(execution: Execution) => void> = [];
  private readonly settleHooks: Array<(execution: Execution) => void> = [];
  private nextExecutionId = 1;
  private readonly spreadsheetListeners: SpreadsheetEventListener[] = [];

  constructor(private readonly ctx: () => EmulatorContext) {}

  current(): Execution | null {
    return this.stack[this.stack.length - 1] ?? null;
  }

  /** Every execution under way, outermost first. */
  running(): readonly Execution[] {
    return this.stack;
  }

  /** Registers cleanup to run whenever an execution ends (normally or by an exception). */
  onExecutionEnd(hook: (execution: Execution) => void): void {
    this.endHooks.push(hook);
  }

  /**
   * Registers what happens when the product's code has returned or thrown, before the cleanup: the
   * write cache is flushed and the run time checked (core/limits.ts). A hook may set
   * `execution.stopped`; it must not throw.
   */
  onExecutionSettle(hook: (execution: Execution) => void): void {
    this.settleHooks.push(hook);
  }

  execute<T>(fn: () => T, options: ExecutionOptions): T {
    const execution: Execution = {
      id: this.nextExecutionId++,
      user: options.user,
      effectiveUser: options.effectiveUser ?? options.user,
      authMode: options.authMode ?? 'FULL',
      kind: options.kind ?? 'manual',
      startedAt: this.ctx().clock.now(),
      triggerUid: options.triggerUid,
      functionName: options.functionName,
    };
    this.stack.push(execution);
    let settled = false;
    const settle = () => {
      settled = true;
      for (const hook of this.settleHooks) hook(execution);
    };
    try {
      // Only while a hard end is armed: a boundary costs a watchdog thread per execution.
      execution.hardEndable = this.ctx().faults.armsHardEnd();
      const result = execution.hardEndable ? underBoundary(fn) : fn();
      settle();
      if (execution.stopped) throw execution.stopped;
      return result;
    } catch (error) {
      if (!settled) settle();
      throw execution.stopped ?? error;
    } finally {
      for (const hook of this.endHooks) hook(execution);
      this.stack.pop();
    }
  }

  /**
   * The 6-minute stop (an injected `timeLimit`): as core/limits.ts does for a real overrun, every
   * later call of the execution throws the same error and the execution ends with it, caught or not.
   */
  stop(message: string): Error {
    const error = this.ctx().fail(message);
    const execution = this.current();
    if (execution) execution.stopped ??= error;
    return execution?.stopped ?? error;
  }

  /**
   * A hard end (an injected `hardEnd`): the execution ends at this call and none of the product's
   * catch or finally blocks run, as when Google's side dies under a script. What the execution wrote
   * stays; its locks are released and the execution's end hooks run as Google ends it. Outside a
   * boundary (the fault armed from inside a running execution) it degrades to `stop`.
   */
  endHard(message: string): never {
    const error = this.stop(message);
    const execution = this.current();
    if (!execution?.hardEndable) throw error;
    process.kill(process.pid, 'SIGINT');
    const deadline = Date.now() + TERMINATION_WAIT_MS;
    while (Date.now() < deadline) {
      // Spin: V8 checks for termination at every loop iteration.
    }
    throw error;
  }

  /** Calls a global function of the product by name, as Apps Script does for menus and triggers. */
  invoke(functionName: string, args: unknown[], options: ExecutionOptions): unknown {
    const fn = this.sandbox[functionName];
    if (typeof fn !== 'function') {
      throw this.ctx().fail(`Script function not found: ${functionName}`);
    }
    // Event objects and arguments reach the script as its own realm's objects, as on Google.
    const realmArgs = args.map((arg) => toRealm(arg, this.ctx().realm));
    return this.execute(() => (fn as (...a: unknown[]) => unknown)(...realmArgs), {
      ...options,
      functionName,
    });
  }

  /**
   * A person acted on a spreadsheet (opened it, edited a cell). SpreadsheetApp emits this after
   * running the simple trigger; ScriptApp listens and runs the matching installable triggers.
   */
  onSpreadsheetEvent(listener: SpreadsheetEventListener): void {
    this.spreadsheetListeners.push(listener);
  }

  emitSpreadsheetEvent(event: SpreadsheetEvent): void {
    for (const listener of this.spreadsheetListeners) listener(event);
  }

  hasFunction(functionName: string): boolean {
    return typeof this.sandbox[functionName] === 'function';
  }
}
