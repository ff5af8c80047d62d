/**
 * The provisioning state file: what exists on Google for each unit, written after every step so
 * a run that stops anywhere (an error, Ctrl-C, a power cut) resumes where it was. Each write goes
 * to a temporary file that is flushed and renamed over the old one: a reader sees the old state or
 * the new one, never half of each. A lock file keeps two runs from working on the same state.
 * The province roll-up reads the same file to find the workbooks.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Level } from '../../src/domain/config';
import { UserError } from './errors';

export interface UnitState {
  code: string;
  name: string;
  level: Level;
  title: string;
  spreadsheetId?: string;
  spreadsheetUrl?: string;
  /** Set before "create spreadsheet" is sent: with no spreadsheetId, its outcome is unknown. */
  createRequestedAt?: string;
  configWritten?: boolean;
  scriptId?: string;
  /** Set before "create script project" is sent. */
  scriptRequestedAt?: string;
  /** Hash of the code uploaded to the script project. */
  codeHash?: string;
  /** Who the workbook is shared with (editors). */
  sharedWith: string[];
  completedAt?: string;
  /** The last failure, cleared when the unit completes. */
  lastError?: string;
}

export interface ProvisionState {
  version: 1;
  units: UnitState[];
}

const LEVELS: readonly string[] = ['huyen', 'xa', 'tinh'];

/** The state as text: one unit per line, so a large file stays readable and diffs well. */
export function formatState(state: ProvisionState): string {
  const units = state.units.map((u) => `    ${JSON.stringify(u)}`).join(',\n');
  return `{\n  "version": ${state.version},\n  "units": [\n${units}${units ? '\n' : ''}  ]\n}\n`;
}

export function parseState(text: string, file: string): ProvisionState {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UserError(`Tệp trạng thái "${file}" không phải JSON hợp lệ: ${(error as Error).message}`);
  }
  const state = raw as Partial<ProvisionState> | null;
  if (!state || state.version !== 1 || !Array.isArray(state.units))
    throw new UserError(`Tệp trạng thái "${file}" không đúng dạng (cần "version": 1 và "units": [...]).`);
  state.units.forEach((u, i) => {
    if (!u || typeof u.code !== 'string' || typeof u.title !== 'string' || !LEVELS.includes(u.level))
      throw new UserError(
        `Tệp trạng thái "${file}": đơn vị thứ ${i + 1} thiếu "code", "title" hoặc "level".`,
      );
    u.sharedWith = Array.isArray(u.sharedWith) ? u.sharedWith : [];
  });
  return state as ProvisionState;
}

export function readState(file: string): ProvisionState {
  if (!fs.existsSync(file)) throw new UserError(`Không tìm thấy tệp trạng thái "${file}".`);
  return parseState(fs.readFileSync(file, 'utf8'), file);
}

/**
 * Writes `text` to `file` so that a crash at any moment leaves either the old or the new content.
 * `flush` also forces the bytes to disk before the rename, so a power cut cannot leave an empty
 * file either (a few milliseconds a write: nothing next to a network request).
 */
export function writeAtomically(file: string, text: string, flush = true): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, text);
    if (flush) fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class StateFile {
  private constructor(
    readonly file: string,
    readonly state: ProvisionState,
    private readonly lockFile: string,
    private readonly flush: boolean,
  ) {}

  /**
   * Opens (or starts) the state and takes its lock; a lock left by a dead run is taken over.
   * `flush: false` skips forcing each write to disk (tests and the benchmark, thousands of writes).
   */
  static open(file: string, options: { flush?: boolean } = {}): StateFile {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const lockFile = `${file}.lock`;
    if (fs.existsSync(lockFile)) {
      const pid = Number(fs.readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
        throw new UserError(
          `Một lần chạy khác (pid ${pid}) đang dùng "${file}". Nếu không có lần chạy nào, hãy xóa "${lockFile}".`,
        );
      }
    }
    // Read first: a state file that cannot be read must not leave a lock behind.
    const state = fs.existsSync(file)
      ? parseState(fs.readFileSync(file, 'utf8'), file)
      : { version: 1 as const, units: [] };
    fs.writeFileSync(lockFile, String(process.pid));
    return new StateFile(file, state, lockFile, options.flush ?? true);
  }

  unit(code: string): UnitState | undefined {
    return this.state.units.find((u) => u.code.toUpperCase() === code.toUpperCase());
  }

  add(unit: UnitState): UnitState {
    this.state.units.push(unit);
    return unit;
  }

  save(): void {
    writeAtomically(this.file, formatState(this.state), this.flush);
  }

  close(): void {
    try {
      if (fs.readFileSync(this.lockFile, 'utf8').trim() === String(process.pid)) fs.unlinkSync(this.lockFile);
    } catch {
      // Already gone: nothing to release.
    }
  }
}
