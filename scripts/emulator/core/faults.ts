/**
 * Fault injection: make a named call (`Class.method`) fail on its nth use with the error Google
 * raises, or run a hook at that moment (to start an overlapping execution, for instance).
 */
export type FaultKind = 'quota' | 'unavailable' | 'lockTimeout' | 'timeLimit';

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

interface ActiveFault extends Required<Omit<FaultSpec, 'message' | 'hook' | 'kind'>> {
  name: string;
  seen: number;
  kind: FaultKind;
  message?: string;
  hook?: () => void;
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
  }
}

export class Faults {
  private faults: ActiveFault[] = [];

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

  /** Called before every logged call; returns the message to throw, or null to proceed. */
  check(name: string): string | null {
    for (const fault of this.faults) {
      if (fault.name !== name) continue;
      fault.seen += 1;
      const inWindow = fault.seen >= fault.nth && fault.seen < fault.nth + fault.times;
      if (!inWindow) continue;
      if (fault.hook) {
        fault.hook();
        continue;
      }
      return fault.message ?? faultMessage(fault.kind, name);
    }
    return null;
  }
}
