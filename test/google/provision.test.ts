import fs from 'node:fs';
import path from 'node:path';
import { parseProvisionConfig } from '../../scripts/google/provisionConfig';
import { formatSummary, isSuccess } from '../../scripts/google/provisionRun';
import { readState } from '../../scripts/google/state';
import { FakeGoogle } from './fakeGoogle';
import { builtBundle, CONFIG, plan, provision, tempDir, virtualRequests } from './support';

let fake: FakeGoogle;
let dir: string;
let stateFile: string;

beforeEach(async () => {
  fake = await FakeGoogle.start();
  dir = tempDir();
  stateFile = path.join(dir, 'units.state.json');
});

afterEach(async () => {
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Each unit has exactly one spreadsheet, one bound project with code, and each person shared once. */
function expectOneOfEverything(units: number, people = 3): void {
  expect(fake.spreadsheets.size).toBe(units);
  expect(new Set([...fake.spreadsheets.values()].map((s) => s.title)).size).toBe(units);
  for (const sheet of fake.spreadsheets.values()) {
    const projects = fake.projectsOf(sheet.id);
    expect(projects).toHaveLength(1);
    expect(projects[0]!.files?.length).toBeGreaterThan(0);
    const emails = fake.permissionsOf(sheet.id).map((p) => p.emailAddress);
    expect(emails).toHaveLength(people);
    expect(new Set(emails).size).toBe(people);
  }
  expect(fake.projects.size).toBe(units);
}

describe('npm run provision (in process, against the fake Google)', () => {
  it('provisions 100 units with 7 requests each, then a rerun creates nothing and sends nothing', async () => {
    const units = plan(100);
    const first = await provision(fake, units, stateFile);
    expect(isSuccess(first)).toBe(true);
    expect(first.outcomes.map((o) => o.status)).toEqual(Array(100).fill('created'));
    expect(fake.rejected).toEqual([]);
    expect(fake.count('sheets.create')).toBe(100);
    expect(fake.count('values.batchUpdate')).toBe(100);
    expect(fake.count('script.create')).toBe(100);
    expect(fake.count('script.updateContent')).toBe(100);
    expect(fake.count('drive.permissions.create')).toBe(300);
    // 4 + one per person: linear in the units, a small constant each.
    expect(fake.log).toHaveLength(700);
    expectOneOfEverything(100);

    const requestsBefore = fake.log.length;
    const second = await provision(fake, units, stateFile);
    expect(second.outcomes.map((o) => o.status)).toEqual(Array(100).fill('skipped'));
    expect(fake.log).toHaveLength(requestsBefore);
    expectOneOfEverything(100);
    expect(formatSummary(second, stateFile)).toContain('đã xong từ trước (bỏ qua): 100, lỗi: 0');
  });

  it('creates each workbook the way the bundle expects it', async () => {
    await provision(fake, plan(1), stateFile);
    const [sheet] = [...fake.spreadsheets.values()];
    expect(sheet!.title).toBe('Báo cáo Hội LHPN xã Số 1 (X001)');
    expect(sheet!.locale).toBe('vi_VN');
    expect(sheet!.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(sheet!.sheets.map((s) => s.title)).toEqual(['Cấu hình', 'Đơn vị']);
    const [project] = fake.projectsOf(sheet!.id);
    // The built project as uploaded: what clasp would push from dist/.
    expect(project!.files).toEqual(builtBundle().files);
    expect(project!.files!.map((f) => [f.name, f.type])).toEqual(
      expect.arrayContaining([
        ['appsscript', 'JSON'],
        ['Code', 'SERVER_JS'],
        ['ImportDialog', 'HTML'],
      ]),
    );
    expect(fake.permissionsOf(sheet!.id).map((p) => [p.emailAddress, p.role, p.notified])).toEqual([
      ['chutich1@xa1.hoilhpn.vn', 'writer', false],
      ['tinh@phutho.hoilhpn.vn', 'writer', false],
      ['canbo1@xa1.hoilhpn.vn', 'writer', false],
    ]);
    const unit = readState(stateFile).units[0]!;
    expect(unit).toMatchObject({
      code: 'X001',
      level: 'xa',
      spreadsheetId: sheet!.id,
      scriptId: project!.scriptId,
      configWritten: true,
      codeHash: builtBundle().hash,
      sharedWith: ['chutich1@xa1.hoilhpn.vn', 'tinh@phutho.hoilhpn.vn', 'canbo1@xa1.hoilhpn.vn'],
    });
    expect(unit.completedAt).toBeDefined();
  });

  it('sends Drive notification e-mails only when asked', async () => {
    const notifying = parseProvisionConfig(
      { nhiem_ky: '2025-2030', gui_email_thong_bao: true, loi_nhan: 'Bảng tính báo cáo của xã' },
      2026,
    );
    await provision(fake, plan(1, notifying), stateFile, { config: notifying });
    expect(fake.permissions.map((p) => [p.notified, p.emailMessage])).toEqual([
      [true, 'Bảng tính báo cáo của xã'],
      [true, 'Bảng tính báo cáo của xã'],
    ]);
    expect(
      fake.log
        .filter((r) => r.endpoint === 'drive.permissions.create')
        .map((r) => r.query.get('sendNotificationEmail')),
    ).toEqual(['true', 'true']);
  });

  it('retries 429 and 5xx with growing, jittered waits, and succeeds', async () => {
    fake.fail({ endpoint: 'sheets.create', nth: 2, status: 429, times: 1 });
    fake.fail({ endpoint: 'sheets.create', nth: 3, status: 429, times: 1 });
    fake.fail({ endpoint: 'script.create', nth: 4, status: 500 });
    fake.fail({ endpoint: 'drive.permissions.create', nth: 6, status: 503 });
    fake.fail({ endpoint: 'values.batchUpdate', nth: 1, status: 429, retryAfterSeconds: 30 });
    let random = 0;
    const { requests, sleeps } = virtualRequests({ retry: { random: () => [0.1, 0.9][random++ % 2]! } });
    const summary = await provision(fake, plan(5), stateFile, { requests, concurrency: 1 });
    expect(isSuccess(summary)).toBe(true);
    expect(fake.count('sheets.create', 'fault')).toBe(2);
    expect(fake.log.filter((r) => r.outcome === 'fault')).toHaveLength(5);
    expectOneOfEverything(5);
    // The server's Retry-After (30 s) wins over the shorter backoff; then unit 2's create fails
    // twice in a row: 1 s, then 2 s, each plus a random part of 1 s (0.9 then 0.1 here).
    expect(sleeps).toEqual([30_000, 1900, 2100, 1900, 1100]);
    expect(requests.retries).toBe(5);
    // A 500 on "create project" may have created one: nothing can tell, so the summary says so.
    expect(summary.outcomes.filter((o) => o.warnings.length > 0).map((o) => o.code)).toEqual(['X004']);
    expect(formatSummary(summary, stateFile)).toContain('Lưu ý X004: một lần tạo dự án Apps Script trước đó');
  });

  it('reports a unit that keeps failing, finishes the others, and finishes it on a later run', async () => {
    const x3 = (fileId?: string) => fake.spreadsheets.get(fileId ?? '')?.title.includes('(X003)') ?? false;
    fake.fail({ endpoint: 'script.create', when: (r) => x3(r.fileId), status: 500, times: Infinity });
    fake.fail({
      endpoint: 'drive.permissions.create',
      when: (r) => fake.spreadsheets.get(r.fileId ?? '')?.title.includes('(X006)') ?? false,
      status: 403,
      reason: 'forbidden',
      message: 'The user does not have sufficient permissions for this file.',
      times: Infinity,
    });
    const units = plan(8);
    const summary = await provision(fake, units, stateFile);
    expect(isSuccess(summary)).toBe(false);
    expect(summary.outcomes.filter((o) => o.status === 'failed').map((o) => [o.code, o.failedStep])).toEqual([
      ['X003', 'script'],
      ['X006', 'share'],
    ]);
    expect(summary.outcomes.filter((o) => o.status === 'created')).toHaveLength(6);
    const text = formatSummary(summary, stateFile);
    expect(text).toContain(
      'Lỗi X003 (bước tạo dự án Apps Script): HTTP 500 (INTERNAL): Internal error encountered. (đã thử 7 lần)',
    );
    expect(text).toContain(
      'Lỗi X006 (bước chia sẻ): HTTP 403 (forbidden): The user does not have sufficient permissions for this file.',
    );
    expect(text).toContain(`Chạy lại cùng lệnh để làm tiếp; tiến độ đã lưu trong "${stateFile}".`);
    // A transient error is tried 7 times; a permission error once.
    expect(fake.count('script.create', 'fault')).toBe(7);
    expect(readState(stateFile).units.find((u) => u.code === 'X006')!.lastError).toMatch(
      /^chia sẻ: HTTP 403/,
    );

    fake.recover();
    const again = await provision(fake, units, stateFile);
    expect(again.outcomes.filter((o) => o.status !== 'skipped').map((o) => [o.code, o.status])).toEqual([
      ['X003', 'resumed'],
      ['X006', 'resumed'],
    ]);
    expectOneOfEverything(8);
    expect(readState(stateFile).units.every((u) => u.lastError === undefined)).toBe(true);
  });

  it('survives the server failing everything halfway, and resumes with no duplicate', async () => {
    const units = plan(20);
    fake.crashAfter(60);
    const crashed = await provision(fake, units, stateFile, { concurrency: 4 });
    expect(isSuccess(crashed)).toBe(false);
    const done = crashed.outcomes.filter((o) => o.status === 'created').length;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(20);

    fake.recover();
    const resumed = await provision(fake, units, stateFile, { concurrency: 4 });
    expect(isSuccess(resumed)).toBe(true);
    expect(resumed.outcomes.filter((o) => o.status === 'skipped')).toHaveLength(done);
    expectOneOfEverything(20);
    expect(fake.count('sheets.create')).toBe(20);
    expect(fake.count('script.create')).toBe(20);
  });

  it('finds a spreadsheet whose creation answer was lost instead of creating a second one', async () => {
    fake.fail({ endpoint: 'sheets.create', nth: 2, kind: 'lose-response' });
    const summary = await provision(fake, plan(3), stateFile, { concurrency: 1 });
    expect(isSuccess(summary)).toBe(true);
    expect(fake.count('sheets.create', 'dropped')).toBe(1);
    expect(fake.count('drive.files.list')).toBe(1);
    expect(summary.outcomes[1]).toMatchObject({
      code: 'X002',
      spreadsheetFound: true,
      spreadsheetCreated: false,
    });
    expectOneOfEverything(3);
  });

  it('after a crash between "create spreadsheet" and saving its id, the rerun finds it by title', async () => {
    const units = plan(2);
    await provision(fake, units, stateFile);
    // As if the run had died right after sending the create: the state knows it asked, not the answer.
    const state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
    const unit = state.units[1];
    const id = unit.spreadsheetId;
    Object.assign(unit, {
      spreadsheetId: undefined,
      configWritten: false,
      scriptId: undefined,
      sharedWith: [],
    });
    delete unit.completedAt;
    fs.writeFileSync(stateFile, JSON.stringify(state));
    fake.projects.clear();
    fake.permissions.length = 0;

    const summary = await provision(fake, units, stateFile);
    expect(summary.outcomes[1]).toMatchObject({
      status: 'resumed',
      spreadsheetFound: true,
      spreadsheetCreated: false,
    });
    expect(readState(stateFile).units[1]!.spreadsheetId).toBe(id);
    expect(fake.count('sheets.create')).toBe(2);
  });

  it('stops starting units when a quota outlasts the retries (Apps Script: 50 projects a day)', async () => {
    fake.fail({
      endpoint: 'script.create',
      when: () => fake.projects.size >= 3,
      status: 429,
      times: Infinity,
    });
    const summary = await provision(fake, plan(10), stateFile, { concurrency: 2 });
    expect(summary.stoppedByQuota).toBe(true);
    expect(summary.outcomes.filter((o) => o.status === 'created')).toHaveLength(3);
    expect(summary.outcomes.filter((o) => o.status === 'failed').every((o) => o.rateLimited)).toBe(true);
    expect(summary.notStarted.length).toBeGreaterThan(0);
    expect(summary.outcomes.length + summary.notStarted.length).toBe(10);
    expect(formatSummary(summary, stateFile)).toContain('Dừng bắt đầu đơn vị mới vì hết hạn mức của Google');

    // The next day: the refused creations are simply made, with no warning of a possible leftover.
    fake.recover();
    const nextDay = await provision(fake, plan(10), stateFile, { concurrency: 2 });
    expect(isSuccess(nextDay)).toBe(true);
    expect(nextDay.outcomes.flatMap((o) => o.warnings)).toEqual([]);
    expectOneOfEverything(10);
  });

  it('uploads a new build only with --update-code, and only to units that run an older one', async () => {
    const units = plan(3);
    await provision(fake, units, stateFile);
    const newer = { ...builtBundle(), hash: 'newer-build' };
    await provision(fake, units, stateFile, { bundle: newer });
    expect(fake.count('script.updateContent')).toBe(3);
    const summary = await provision(fake, units, stateFile, { bundle: newer, updateCode: true });
    expect(summary.outcomes.map((o) => [o.status, o.codeUploaded])).toEqual(Array(3).fill(['resumed', true]));
    expect(fake.count('script.updateContent')).toBe(6);
    expect(fake.count('script.create')).toBe(3);
    expect(readState(stateFile).units.every((u) => u.codeHash === 'newer-build')).toBe(true);
  });

  it('shares with a person added to U.csv later, and only with them', async () => {
    await provision(fake, plan(2), stateFile);
    const wider = { ...CONFIG, quan_tri: [...CONFIG.quan_tri, 'phochutich@phutho.hoilhpn.vn'] };
    const summary = await provision(fake, plan(2, wider), stateFile, { config: wider });
    expect(summary.outcomes.map((o) => o.shared)).toEqual([1, 1]);
    expect(fake.count('drive.permissions.create')).toBe(8);
    expect(fake.count('values.batchUpdate')).toBe(2);
  });
});
