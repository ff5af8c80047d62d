/**
 * The two command lines run as a person runs them (a separate Node process, gaxios's default HTTP
 * client), against the fake Google: a provisioning run killed after 40 units and resumed, a bad
 * U.csv, missing credentials, and the province roll-up into a CSV file.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readState } from '../../scripts/google/state';
import { ROOT } from '../support/product';
import { FakeGoogle } from './fakeGoogle';
import { tempDir, unitsCsv } from './support';

// One process, not tsx's launcher and its child: killing it must kill the run itself.
const TSX = ['--import', 'tsx'];
const NO_LIMITS = [
  '--sheets-per-minute',
  '1000000',
  '--drive-per-minute',
  '1000000',
  '--script-per-minute',
  '1000000',
];

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(script: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [...TSX, path.join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    env: { ...process.env, GOOGLE_APPLICATION_CREDENTIALS: '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Run>((resolve) =>
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
  return { child, done };
}

let fake: FakeGoogle;
let dir: string;

beforeEach(async () => {
  fake = await FakeGoogle.start();
  dir = tempDir();
  fs.writeFileSync(
    path.join(dir, 'C.json'),
    JSON.stringify({ nhiem_ky: '2025-2030', quan_tri: ['tinh@phutho.hoilhpn.vn'] }),
  );
});

afterEach(async () => {
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function provisionArgs(extra: string[] = []): string[] {
  return [
    '--config',
    path.join(dir, 'C.json'),
    '--units',
    path.join(dir, 'U.csv'),
    '--dist',
    path.join(ROOT, 'dist'),
    '--root-url',
    fake.rootUrl,
    '--concurrency',
    '4',
    ...NO_LIMITS,
    ...extra,
  ];
}

/** Resolves once `file` has not changed for 300 ms. */
async function settled(file: string): Promise<void> {
  let last = -1;
  for (;;) {
    const mtime = fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
    if (mtime === last) return;
    last = mtime;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Units whose spreadsheet has all three people shared: finished on Google's side. */
function finishedOnGoogle(f: FakeGoogle): number {
  return [...f.spreadsheets.keys()].filter((id) => f.permissionsOf(id).length === 3).length;
}

describe('the command lines', () => {
  it('a provisioning run killed after 40 units finishes the other 60 on resume, with no duplicate', async () => {
    fs.writeFileSync(path.join(dir, 'U.csv'), unitsCsv(100));
    const env = { GOOGLE_OAUTH_ACCESS_TOKEN: fake.token };
    const stateFile = path.join(dir, 'U.state.json');
    const stopped = fake.holdWhen((f) => finishedOnGoogle(f) >= 40);
    const first = start('provision.ts', provisionArgs(), env);
    await stopped;
    // Let it save what was answered before the server stopped answering: the kill then lands while
    // its requests hang. (A kill between an answer and its save is the in-process tests' case: a
    // spreadsheet is then found by its title; a script project cannot be, see docs/provisioning.md §5.)
    await settled(stateFile);
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    fake.recover();

    const saved = readState(stateFile).units;
    const complete = saved.filter((u) => u.completedAt).length;
    expect(complete).toBeGreaterThanOrEqual(40 - 4);
    expect(complete).toBeLessThanOrEqual(40);
    expect(fs.existsSync(`${stateFile}.lock`)).toBe(true);
    const createsBefore = fake.count('sheets.create');

    const resumed = await start('provision.ts', provisionArgs(), env).done;
    expect(resumed.stderr).toBe('');
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toContain(`Đơn vị: 100. Hoàn tất mới: ${100 - saved.length}, `);
    expect(resumed.stdout).toContain(`đã xong từ trước (bỏ qua): ${complete}, lỗi: 0.`);
    expect(fake.count('sheets.create')).toBe(100);
    // Units that had asked for their spreadsheet without an answer looked it up first.
    expect(fake.count('drive.files.list')).toBe(
      saved.filter((u) => u.createRequestedAt && !u.spreadsheetId).length,
    );
    expect(fake.count('sheets.create') - createsBefore).toBe(
      100 - saved.filter((u) => u.spreadsheetId).length,
    );
    expect(fake.count('script.create')).toBe(100);
    expect(fake.spreadsheets.size).toBe(100);
    expect(fake.projects.size).toBe(100);
    for (const id of fake.spreadsheets.keys()) {
      expect(fake.projectsOf(id)).toHaveLength(1);
      expect(fake.permissionsOf(id)).toHaveLength(3);
    }
    expect(fake.permissions.every((p) => !p.notified)).toBe(true);
    expect(readState(stateFile).units.every((u) => u.completedAt)).toBe(true);
    expect(fs.existsSync(`${stateFile}.lock`)).toBe(false);
    expect(fake.rejected).toEqual([]);

    const again = await start('provision.ts', provisionArgs(), env).done;
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('đã xong từ trước (bỏ qua): 100, lỗi: 0.');
    expect(fake.spreadsheets.size).toBe(100);
  }, 60_000);

  it('refuses a U.csv with bad rows, listing them all, before sending anything', async () => {
    fs.writeFileSync(
      path.join(dir, 'U.csv'),
      'ma,ten,cap,email_can_bo,email_quan_tri\nX1,Hội LHPN xã A,xa,a@x.vn,b@x.vn\nX1,Hội LHPN xã B,xa,a@x.vn,nope\n',
    );
    const run = await start('provision.ts', provisionArgs(), { GOOGLE_OAUTH_ACCESS_TOKEN: fake.token }).done;
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      'Dòng 3: cột "ma" = "X1": trùng mã với dòng 2',
      'Dòng 3: cột "email_quan_tri" = "nope": không phải địa chỉ email: nope',
    ]);
    expect(fake.log).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'U.state.json'))).toBe(false);
  });

  it('says in one line when there are no usable credentials', async () => {
    fs.writeFileSync(path.join(dir, 'U.csv'), unitsCsv(1));
    const run = await start('provision.ts', provisionArgs(), {
      GOOGLE_APPLICATION_CREDENTIALS: path.join(dir, 'no-such-key.json'),
    }).done;
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      /^Không lấy được quyền truy cập Google: .*no-such-key\.json.*\(xem docs\/provisioning\.md/,
    );
    expect(fake.log).toEqual([]);
  });

  it('rolls the workbooks up into a CSV file and prints the coverage', async () => {
    const workbook = (members: number, women: number) =>
      fake.addSpreadsheet('wb', {
        'Cấu hình': [
          ['Khóa', 'Giá trị', 'Ý nghĩa'],
          ['ten_don_vi', 'Hội LHPN xã A', ''],
          ['cap', 'xa', ''],
          ['dia_danh', 'A', ''],
          ['nhiem_ky', '2025-2030', ''],
          ['email_nhan', '', ''],
          ['quan_tri', 'a@x.vn', ''],
        ],
        'Đơn vị': [
          ['Mã chi hội', 'Tên chi hội', 'Email', 'Hoạt động', 'Tên trang tính'],
          ['CH1', 'Chi hội 1', 'c@x.vn', true, 'CH1 - Chi hội 1'],
        ],
        'Lưu trữ': [
          ['Đơn vị', 'Kỳ', 'Mã chỉ tiêu', 'Giá trị'],
          ['CH1', '2026-Q1', 'TC_HV', members],
          ['CH1', '2026-Q1', 'TC_PN18', women],
        ],
      });
    const state = {
      version: 1,
      units: [
        {
          code: 'A',
          name: 'Hội LHPN xã A',
          level: 'xa',
          title: 'A',
          spreadsheetId: workbook(100, 200),
          sharedWith: [],
        },
        {
          code: 'B',
          name: 'Hội LHPN xã B',
          level: 'xa',
          title: 'B',
          spreadsheetId: workbook(50, 100),
          sharedWith: [],
        },
        { code: 'C', name: 'Hội LHPN xã C', level: 'xa', title: 'C', sharedWith: [] },
      ],
    };
    fs.writeFileSync(path.join(dir, 'S.json'), JSON.stringify(state));
    const out = path.join(dir, 'tinh.csv');
    const run = await start(
      'province.ts',
      [
        '--workbooks',
        path.join(dir, 'S.json'),
        '--ky',
        '2026-Q1',
        '--out',
        out,
        '--root-url',
        fake.rootUrl,
        ...NO_LIMITS.slice(0, 2),
      ],
      { GOOGLE_OAUTH_ACCESS_TOKEN: fake.token },
    ).done;
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Quý I/2026: số liệu đã nộp (Lưu trữ) của 2/3 bảng tính, 2 đơn vị.');
    expect(run.stdout).toContain('  C Hội LHPN xã C: chưa có bảng tính (chưa cấp phát xong)');
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv).toContain('A,2026-Q1,TC_HV,100\n');
    expect(csv).toContain('B,2026-Q1,TC_HV,50\n');
    expect(csv).toContain('TONG,2026-Q1,TC_HV,150\n');
    expect(csv).toContain('TONG,2026-Q1,TC_HV_TL,0.5\n');
    expect(csv).not.toMatch(/^C,/m);
    expect(fake.count('values.batchGet')).toBe(2);
  });
});
