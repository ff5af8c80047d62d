/**
 * `npm run deploy -- --sheet <URL>` and then `npm run deploy`, against the fake Google on
 * 127.0.0.1: the bound project created on the helper's own Sheet (projects.create with parentId),
 * its id kept in the untracked project file, the code pushed into it every time; and each way it
 * can go wrong told in words a helper can act on, with nothing half done.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { DeployRequest } from '../../scripts/google/deployProject';
import { deploy, sheetIdOf } from '../../scripts/google/deployProject';
import { DIST, ROOT } from '../support/product';
import { FakeGoogle } from './fakeGoogle';
import { builtBundle, fakeApis, tempDir, virtualRequests } from './support';

let fake: FakeGoogle;
let dir: string;
let projectFile: string;
let sheetId: string;
let sheetUrl: string;

beforeEach(async () => {
  fake = await FakeGoogle.start();
  dir = tempDir();
  projectFile = path.join(dir, '.clasp.json');
  sheetId = fake.addSpreadsheet('Báo cáo Hội LHPN phường Đại Kim', { Sheet1: [] });
  sheetUrl = `https://docs.google.com/spreadsheets/d/${sheetId}/edit#gid=0`;
});

afterEach(async () => {
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const run = (options: Partial<DeployRequest> = {}, token = fake.token) =>
  deploy({
    apis: fakeApis(fake, token),
    requests: virtualRequests().requests,
    bundle: builtBundle(),
    projectFile,
    ...options,
  });

const projectFileContent = () => JSON.parse(fs.readFileSync(projectFile, 'utf8')) as Record<string, unknown>;
const scriptRequests = () => fake.count('script.create', 'any') + fake.count('script.updateContent', 'any');

describe('npm run deploy', () => {
  it('--sheet binds a new project to that Sheet, keeps its id, pushes dist/; later runs push to it', async () => {
    const first = await run({ sheet: sheetUrl });
    const [project] = fake.projectsOf(sheetId);
    expect(first).toEqual({ scriptId: project!.scriptId, created: true, sheetId, warnings: [] });
    expect(projectFileContent()).toEqual({ scriptId: project!.scriptId, rootDir: 'dist', parentId: sheetId });
    expect(project!.files!.map((f) => `${f.name}.${f.type}`).sort()).toEqual(
      fs
        .readdirSync(DIST)
        .map((n) =>
          n
            .replace(/\.js$/, '.SERVER_JS')
            .replace(/\.json$/, '.JSON')
            .replace(/\.html$/, '.HTML'),
        )
        .sort(),
    );

    const again = await run();
    expect(again).toMatchObject({ scriptId: project!.scriptId, created: false, sheetId });
    // Naming the same Sheet again is harmless: no second project.
    await run({ sheet: sheetId });
    expect(fake.projectsOf(sheetId)).toHaveLength(1);
    expect(fake.projects.get(project!.scriptId)!.contentUpdates).toBe(3);
    expect(fake.rejected).toEqual([]);
  });

  it('--script-id pushes into a project made from the Sheet (Extensions › Apps Script)', async () => {
    const made = await fakeApis(fake).script.projects.create({
      requestBody: { title: 'x', parentId: sheetId },
    });
    const scriptId = made.data.scriptId!;
    await run({ scriptId });
    expect(projectFileContent()).toEqual({ scriptId, rootDir: 'dist' });
    expect(fake.projects.get(scriptId)!.contentUpdates).toBe(1);
  });

  it('the shipped empty .clasp.json (no script id) counts as no project yet', async () => {
    fs.writeFileSync(projectFile, JSON.stringify({ scriptId: '', rootDir: 'dist' }));
    await expect(run()).rejects.toThrow(
      'Lần đầu, chạy: npm run deploy -- --sheet <đường liên kết của Google Trang tính>.',
    );
    expect(scriptRequests()).toBe(0);
    await run({ sheet: sheetUrl });
    expect(fake.projectsOf(sheetId)).toHaveLength(1);
  });

  it('refuses to bind the project file to a second Sheet, sending nothing', async () => {
    await run({ sheet: sheetUrl });
    const other = fake.addSpreadsheet('Bảng tính khác', { Sheet1: [] });
    const before = scriptRequests();
    await expect(run({ sheet: other })).rejects.toThrow(`của bảng tính ${sheetId}`);
    await expect(run({ sheet: other })).rejects.toThrow('dùng --project <tệp khác>');
    expect(scriptRequests()).toBe(before);
    expect(fake.projectsOf(other)).toEqual([]);
  });

  it('a Sheet that does not exist, or is not shared with the account: not found, nothing kept', async () => {
    const missing = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg';
    await expect(run({ sheet: missing })).rejects.toThrow(
      `Không tìm thấy bảng tính ${missing}: kiểm tra đường liên kết, và rằng bảng tính đã được chia sẻ cho tài khoản đăng nhập`,
    );
    fake.spreadsheets.get(sheetId)!.access = 'none';
    await expect(run({ sheet: sheetUrl })).rejects.toThrow(`Không tìm thấy bảng tính ${sheetId}`);
    expect(fs.existsSync(projectFile)).toBe(false);
    expect(fake.projects.size).toBe(0);
  });

  it('a Sheet the account may only view: it needs edit access', async () => {
    fake.spreadsheets.get(sheetId)!.access = 'reader';
    await expect(run({ sheet: sheetUrl })).rejects.toThrow(
      `Tài khoản đăng nhập không có quyền sửa bảng tính ${sheetId}: chủ bảng tính cần chia sẻ cho tài khoản này quyền Người chỉnh sửa.`,
    );
    expect(fs.existsSync(projectFile)).toBe(false);
  });

  it('the Apps Script API switched off for the account: where to switch it on, at creation and at a push', async () => {
    fake.scriptApiEnabled = false;
    const told =
      'Tài khoản đăng nhập chưa bật Google Apps Script API. Mở https://script.google.com/home/usersettings';
    await expect(run({ sheet: sheetUrl })).rejects.toThrow(told);
    expect(fs.existsSync(projectFile)).toBe(false);
    fake.scriptApiEnabled = true;
    await run({ sheet: sheetUrl });
    fake.scriptApiEnabled = false;
    await expect(run()).rejects.toThrow(told);
  });

  it('a login Google no longer accepts: log in again', async () => {
    await expect(run({ sheet: sheetUrl }, 'expired-token')).rejects.toThrow(
      'Phiên đăng nhập Google đã hết hạn hoặc bị thu hồi: chạy lại npx clasp login',
    );
  });

  it('a project deleted since: says how to make a new one', async () => {
    await run({ sheet: sheetUrl });
    fake.projects.clear();
    await expect(run()).rejects.toThrow(
      'Để tạo dự án mới trên bảng tính: xóa tệp đó rồi chạy npm run deploy -- --sheet',
    );
  });

  it('a server error on creation is retried, and a lost answer warns of a possible empty project', async () => {
    fake.fail({ endpoint: 'script.create', kind: 'lose-response' });
    const result = await run({ sheet: sheetUrl });
    expect(result.warnings).toEqual([expect.stringContaining('có thể có thêm một dự án rỗng')]);
    expect(fake.projectsOf(sheetId)).toHaveLength(2);
    expect(projectFileContent().scriptId).toBe(result.scriptId);
  });

  it('reads the Sheet id from its address or takes the id itself, and refuses anything else', () => {
    expect(sheetIdOf(sheetUrl)).toBe(sheetId);
    expect(sheetIdOf('https://docs.google.com/spreadsheets/d/1AbC_dEf-123/edit?usp=sharing')).toBe(
      '1AbC_dEf-123',
    );
    expect(sheetIdOf(' 1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 ')).toBe(
      '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
    );
    expect(() => sheetIdOf('https://drive.google.com/drive/folders/abc')).toThrow(
      'không phải đường liên kết hay mã của một Google Trang tính',
    );
  });
});

/** The command line as a helper runs it, in its own Node process. */
function command(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts', 'deploy.ts'), ...args],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: dir, ...env },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

describe('the deploy command line', () => {
  const args = () => ['--project', projectFile, '--dist', DIST, '--root-url', fake.rootUrl];

  it('not logged in: says to run npx clasp login, and sends nothing', async () => {
    const result = await command([...args(), '--sheet', sheetUrl], {});
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Chưa đăng nhập Google trên máy này. Chạy npx clasp login (mở trình duyệt, chọn tài khoản sở hữu hoặc được sửa bảng tính, cho phép), rồi chạy lại lệnh này.',
    );
    expect(fake.log).toEqual([]);
  }, 60_000);

  it("uses clasp's login: --sheet, then a plain run pushing to the same project", async () => {
    fs.writeFileSync(
      path.join(dir, '.clasprc.json'),
      JSON.stringify({
        tokens: {
          default: {
            type: 'authorized_user',
            client_id: 'client-id',
            client_secret: 'client-secret',
            refresh_token: 'refresh-token',
            access_token: fake.token,
            expiry_date: Date.now() + 3_600_000,
          },
        },
      }),
    );
    const first = await command([...args(), '--sheet', sheetUrl], {});
    expect(first.stderr).toBe('');
    const [project] = fake.projectsOf(sheetId);
    expect(first.stdout).toContain(`Đã tạo dự án mã ${project!.scriptId} gắn với bảng tính ${sheetId}`);
    expect(first.stdout).toContain('chọn Hội LHPN › Khởi tạo / cập nhật bảng tính');
    const second = await command(args(), {});
    expect(second.stdout).toContain(`Đã tải mã lên dự án ${project!.scriptId}.`);
    expect(fake.projects.get(project!.scriptId)!.contentUpdates).toBe(2);
    expect(fake.rejected).toEqual([]);
  }, 60_000);
});
