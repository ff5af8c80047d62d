/**
 * Fault injection: make a named call (`Class.method`, or `*` for any call) fail on its nth use with
 * the error Google raises, or run a hook at that moment (to start an overlapping execution, for
 * instance). A recording lists every call with the product's stack at it, so that a sweep can fail
 * each call (or each distinct call site) of a job in turn.
 */
export type FaultKind = 'quota' | 'unavailable' | 'lockTimeout' | 'timeLimit' | 'hardEnd';

/** The name that matches every call: `inject(ANY_CALL, { nth: k })` fails the kth call of any kind. */
export const ANY_CALL = '*';

export interface FaultSpec {
  /** The call (counted from the moment of injection) that fails first; 1 = the next one. */
  nth?: number;
  /** How many consecutive calls fail from the nth on (default 1; Infinity for all). */
  times?: number;
  kind?: FaultKind;
  /** A message of one's own instead of the documented text for `kind`. */
  message?: string;
  /** Run before the call instead of failing it (the call then proceeds). */
  hook?: () => void;
}

/** A fault that fired: what the call throws, and how the execution ends (core/runtime.ts). */
export interface FiredFault {
  kind: FaultKind;
  message: string;
}

interface ActiveFault extends Required<Omit<FaultSpec, 'message' | 'hook' | 'kind'>> {
  name: string;
  seen: number;
  kind: FaultKind;
  message?: string;
  hook?: () => void;
}

/** One call seen while recording: its name and the product's stack at it (bundle frames only). */
export interface RecordedCall {
  name: string;
  site: string;
}

/** The service word Apps Script uses in its quota and outage messages. */
function serviceWord(className: string): string {
  if (/^Mail/.test(className)) return 'email';
  if (/^(Drive|File|Folder)/.test(className)) return 'Drive';
  if (/^(Document|Body|Paragraph|Table|ListItem|Text|Header|Footer)/.test(className)) return 'Docs';
  if (/^(Spreadsheet|Sheet|Range)/.test(className)) return 'Spreadsheets';
  if (/^Properties/.test(className)) return 'properties';
  if (/^Cache/.test(className)) return 'cache';
  return className;
}

export function faultMessage(kind: FaultKind, name: string): string {
  const className = name.split('.')[0] ?? name;
  switch (kind) {
    case 'quota':
      return `Service invoked too many times for one day: ${serviceWord(className)}.`;
    case 'unavailable':
      return `Service unavailable: ${serviceWord(className)}`;
    case 'lockTimeout':
      return 'Lock timeout: another process was holding the lock for too long.';
    case 'timeLimit':
      return 'Exceeded maximum execution time';
    case 'hardEnd':
      // Google's text when an execution dies on its side, seen in real runs
      // (pixelcog/gmail-to-pdf#8, RemcoE33/apps-script-driveImage2sheets#1). That such an end runs no
      // catch or finally of the script is unverified: the stricter reading.
      return "We're sorry, a server error occurred. Please wait a bit and try again.";
  }
}

/** The bundle's frames of the current stack, innermost first: where the product made the call. */
function productSite(bundleFile: string): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = Infinity;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  return stack
    .split('\n')
    .filter((line) => line.includes(bundleFile))
    .map((line) => line.trim())
    .join(' < ');
}

export class Faults {
  private faults: ActiveFault[] = [];
  private recording: RecordedCall[] | null = null;

  inject(name: string, spec: FaultSpec = {}): void {
    this.faults.push({
      name,
      nth: spec.nth ?? 1,
      times: spec.times ?? 1,
      kind: spec.kind ?? 'unavailable',
      message: spec.message,
      hook: spec.hook,
      seen: 0,
    });
  }

  clear(): void {
    this.faults = [];
  }

  /** Whether a hard end may still fire: executions then run under a boundary it can unwind to. */
  armsHardEnd(): boolean {
    return this.faults.some((f) => f.kind === 'hardEnd' && !f.hook && f.seen < f.nth + f.times - 1);
  }

  /** Starts listing every call (replacing an earlier list); `recorded()` reads it. */
  record(): void {
    this.recording = [];
  }

  /** The calls since `record()`, oldest first; the recording stops. */
  recorded(): RecordedCall[] {
    const calls = this.recording ?? [];
    this.recording = null;
    return calls;
  }

  /** Called before every logged call; returns the fault to raise, or null to proceed. */
  check(name: string): FiredFault | null {
    this.recording?.push({ name, site: productSite('Code.js') });
    for (const fault of this.faults) {
      if (fault.name !== name && fault.name !== ANY_CALL) continue;
      fault.seen += 1;
      const inWindow = fault.seen >= fault.nth && fault.seen < fault.nth + fault.times;
      if (!inWindow) continue;
      if (fault.hook) {
        fault.hook();
        continue;
      }
      return { kind: fault.kind, message: fault.message ?? faultMessage(fault.kind, name) };
    }
    return null;
  }
}
