/**
 * A workspace folder: the saved state of one emulated workbook. Commands load it, run product code
 * in the emulator and save it back only when they succeed, so a failed command leaves it as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildIfStale, DIST } from '../build';
import { Emulator } from '../emulator';

const STATE_FILE = 'state.json';

export class UserError extends Error {}

export function statePath(dir: string): string {
  return path.join(dir, STATE_FILE);
}

/** A new emulator for `init`, with the bundle loaded (built first if the sources changed). */
export async function createEmulator(now: number, owner: string): Promise<Emulator> {
  await buildIfStale();
  return new Emulator({ now, owner, distDir: DIST }).loadBundle(DIST);
}

export async function openWorkspace(dir: string): Promise<Emulator> {
  const file = statePath(dir);
  if (!fs.existsSync(file)) {
    throw new UserError(
      `Thư mục "${dir}" chưa phải là workspace (không có ${STATE_FILE}); hãy chạy "init" trước.`,
    );
  }
  await buildIfStale();
  return new Emulator({ state: fs.readFileSync(file, 'utf8'), distDir: DIST }).loadBundle(DIST);
}

/** Writes the state atomically: a crash mid-write never leaves a half-written workspace. */
export function saveWorkspace(dir: string, emulator: Emulator): void {
  fs.mkdirSync(dir, { recursive: true });
  const file = statePath(dir);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, emulator.snapshot());
  fs.renameSync(temp, file);
}

/** An ISO date-time in the given zone with its offset, e.g. 2026-03-02T08:00:00+07:00. */
export { isoWithOffset as isoInZone } from '../emulator/core/time';

/** Parses an ISO date-time given on the command line; a date without a zone is local time (TZ is
 * the script time zone, set by the command line). */
export function parseDateTime(text: string, option: string): number {
  // A bare date would be read as UTC midnight; people mean local midnight.
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00` : text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(ms)) {
    throw new UserError(
      `${option} phải là ngày giờ ISO, ví dụ 2026-03-02T08:00:00+07:00 (nhận được "${text}")`,
    );
  }
  return ms;
}
