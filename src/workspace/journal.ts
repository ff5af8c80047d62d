/**
 * The intent journal: a job that changes several tabs, which Google cannot do at once, records what
 * it is about to do before it starts and clears the record when it is done. A run Google stops
 * midway (the 6-minute limit, a failure no code survives) leaves the record, and the next run reads
 * it: it then says what may be half-done and finishes or redoes it. Script properties, which every
 * admin's run reads alike.
 */
import { scriptProperties } from './properties';
const PREFIX = 'dang_lam:';

export interface Intent<T> {
  /** When the job started (ms), and who ran it. */
  at: number;
  user: string;
  what: T;
}

/** Records that `job` is starting; `what` says enough to tell the next run what may be half-done. */
export function beginIntent<T>(job: string, user: string, what: T): void {
  const intent: Intent<T> = { at: Date.now(), user, what };
  scriptProperties().setProperty(PREFIX + job, JSON.stringify(intent));
}

/** The intent a run of `job` left unfinished, or null. */
export function unfinishedIntent<T>(job: string): Intent<T> | null {
  const text = scriptProperties().getProperty(PREFIX + job);
  if (!text) return null;
  try {
    return JSON.parse(text) as Intent<T>;
  } catch {
    return null;
  }
}

/** The job is done: its record goes. */
export function endIntent(job: string): void {
  scriptProperties().deleteProperty(PREFIX + job);
}
