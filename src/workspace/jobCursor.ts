/**
 * Where a paused long job is (src/app/longJob.ts), in script properties: every admin's run and the
 * continuation trigger read the same store. One small JSON value a job, within the 9 KB a value
 * (docs/apps-script-facts.md §1.2).
 */
import type { JobCursor } from '../domain/longJob';
import { scriptProperties } from './properties';

const cursorKey = (key: string) => `viec_dai:${key}`;

/** The cursor a paused run of the job left, or null. */
export function readCursor(key: string): JobCursor | null {
  const text = scriptProperties().getProperty(cursorKey(key));
  if (!text) return null;
  try {
    return JSON.parse(text) as JobCursor;
  } catch {
    return null;
  }
}

export function writeCursor(key: string, cursor: JobCursor): void {
  scriptProperties().setProperty(cursorKey(key), JSON.stringify(cursor));
}

export function deleteCursor(key: string): void {
  scriptProperties().deleteProperty(cursorKey(key));
}
