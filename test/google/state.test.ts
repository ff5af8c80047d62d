import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../scripts/google/errors';
import { formatState, parseState, readState, StateFile } from '../../scripts/google/state';
import { tempDir } from './support';

describe('the state file', () => {
  it('is rewritten whole after each save, one unit per line, and read back as written', () => {
    const dir = tempDir();
    const file = path.join(dir, 'S.json');
    const state = StateFile.open(file);
    state.add({ code: 'X1', name: 'Hội LHPN xã A', level: 'xa', title: 'A (X1)', sharedWith: [] });
    state.save();
    state.unit('x1')!.spreadsheetId = 'sheet-1';
    state.save();
    state.close();
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toBe(formatState(readState(file)));
    expect(text.split('\n')).toHaveLength(7);
    expect(readState(file).units[0]).toMatchObject({ code: 'X1', spreadsheetId: 'sheet-1' });
    expect(fs.readdirSync(dir).sort()).toEqual(['S.json']);
    fs.rmSync(dir, { recursive: true });
  });

  it('is locked while a run uses it; a lock left by a dead process is taken over', () => {
    const dir = tempDir();
    const file = path.join(dir, 'S.json');
    // The parent of this process (jest's runner) is alive: its lock stands.
    fs.writeFileSync(`${file}.lock`, String(process.ppid));
    expect(() => StateFile.open(file)).toThrow(UserError);
    expect(() => StateFile.open(file)).toThrow(`Một lần chạy khác (pid ${process.ppid}) đang dùng`);
    // A pid that no longer runs.
    fs.writeFileSync(`${file}.lock`, '2147483646');
    const state = StateFile.open(file);
    expect(fs.readFileSync(`${file}.lock`, 'utf8')).toBe(String(process.pid));
    state.close();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
    fs.rmSync(dir, { recursive: true });
  });

  it('refuses a file that is not a state file, without taking the lock', () => {
    const dir = tempDir();
    const file = path.join(dir, 'S.json');
    fs.writeFileSync(file, '{"units": 3}');
    expect(() => StateFile.open(file)).toThrow(`Tệp trạng thái "${file}" không đúng dạng`);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
    expect(() => parseState('{', 'x')).toThrow(/không phải JSON hợp lệ/);
    expect(() => readState(path.join(dir, 'none.json'))).toThrow('Không tìm thấy tệp trạng thái');
    fs.rmSync(dir, { recursive: true });
  });
});
