import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { local } from '../support/cli';
import { ROOT, sampleConfig } from '../support/product';

/** A fresh workspace of the sample district at the given time, in a temporary folder. */
function newWorkspace(prefix: string, now: string): { tmp: string; workspace: string } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const configFile = path.join(tmp, 'config.json');
  fs.writeFileSync(configFile, JSON.stringify(sampleConfig()));
  const workspace = path.join(tmp, 'hm');
  expect(local('init', '--dir', workspace, '--config', configFile, '--now', now).status).toBe(0);
  return { tmp, workspace };
}

describe('npm run local', () => {
  let tmp: string;
  let configFile: string;
  let workspace: string;

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-cli-'));
    configFile = path.join(tmp, 'config.json');
    fs.writeFileSync(configFile, JSON.stringify(sampleConfig()));
    workspace = path.join(tmp, 'hm');
    const init = local(
      'init',
      '--dir',
      workspace,
      '--config',
      configFile,
      '--now',
      '2026-03-30T08:00:00+07:00',
    );
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(init.json).toMatchObject({ workspace, ten_don_vi: 'Hội LHPN quận Hoàng Mai', so_don_vi: 2 });
    // The clock init reports is the workspace's, moved by the set-up's modelled run time (under 6 min).
    const now = Date.parse((init.json as { now: string }).now);
    const saved = (JSON.parse(state()) as { now: number }).now;
    expect(now).toBe(saved - (saved % 1000));
    expect(now).toBeGreaterThan(Date.parse('2026-03-30T08:00:00+07:00'));
    expect(now).toBeLessThan(Date.parse('2026-03-30T08:06:00+07:00'));
    expect((init.json as { trang_tinh: string[] }).trang_tinh).toEqual(
      expect.arrayContaining(['Hướng dẫn', 'Cấu hình', 'Đơn vị']),
    );
  });

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const state = () => fs.readFileSync(path.join(workspace, 'state.json'), 'utf8');

  it('init refuses a configuration with a missing key, in one line, and creates nothing', () => {
    const bad = path.join(tmp, 'bad.json');
    const { quan_tri: _q, ...rest } = sampleConfig();
    fs.writeFileSync(bad, JSON.stringify({ ...rest, cap: 'quan' }));
    const dir = path.join(tmp, 'bad-ws');
    const result = local('init', '--dir', dir, '--config', bad);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('thiếu khóa: quan_tri');
    expect(result.stderr).toContain('"cap" phải là một trong: huyen, xa, tinh');
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('init refuses a file that is not JSON and an existing workspace', () => {
    const broken = path.join(tmp, 'broken.json');
    fs.writeFileSync(broken, '{ "ten_don_vi": ');
    expect(local('init', '--dir', path.join(tmp, 'x'), '--config', broken).stderr).toMatch(
      /không phải JSON hợp lệ/,
    );
    const again = local('init', '--dir', workspace, '--config', configFile);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('đã là một workspace');
  });

  it('run calls a global function as the owner and prints its result as JSON', () => {
    const result = local('run', '--dir', workspace, 'setUpWorkbook');
    expect(result.status).toBe(0);
    expect(result.json).toMatchObject({ ten_don_vi: 'Hội LHPN quận Hoàng Mai', so_don_vi: 2 });
  });

  it('run as a non-admin gets the product error, exits non-zero and changes nothing', () => {
    const before = state();
    const result = local('run', '--dir', workspace, '--as', 'daikim@hoilhpn.vn', 'setUpWorkbook');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('Lỗi: Chỉ quản trị viên mới được khởi tạo bảng tính (daikim@hoilhpn.vn).');
    expect(state()).toBe(before);
  });

  it('run of a function that throws exits non-zero with its message', () => {
    const result = local('run', '--dir', workspace, '--as', 'daikim@hoilhpn.vn', 'createReport');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('Lỗi: Chỉ quản trị viên mới được tạo báo cáo (daikim@hoilhpn.vn).');
  });

  it('run refuses an unknown function and an argument that is not JSON', () => {
    expect(local('run', '--dir', workspace, 'khongCo').stderr).toBe('Script không có hàm "khongCo".');
    expect(local('run', '--dir', workspace, 'setUpWorkbook', '{ky:').stderr).toMatch(/phải là JSON hợp lệ/);
  });

  it('tick fires the installed schedules in order and prints what ran', () => {
    expect(local('run', '--dir', workspace, 'installSchedules').status).toBe(0);
    const result = local('tick', '--dir', workspace, '--until', '2026-04-01T12:00:00+07:00');
    expect(result.status).toBe(0);
    const fired = (
      result.json as { fired: Array<{ at: string; handler: string; ok: boolean }> }
    ).fired.filter((f) => f.handler === 'rollUp');
    expect(fired.map((f) => [f.handler, f.ok])).toEqual([
      ['rollUp', true],
      ['rollUp', true],
    ]);
    expect(fired.map((f) => f.at.slice(0, 13))).toEqual(['2026-03-31T06', '2026-04-01T06']);
    // The roll-up, the quarterly summary and the reminders.
    expect(local('run', '--dir', workspace, 'removeSchedules').json).toEqual({ da_go: 3 });
  });

  it('tick moves the clock forward and refuses to move it back', () => {
    const forward = local('tick', '--dir', workspace, '--until', '2026-04-02T07:00:00+07:00');
    expect(forward.status).toBe(0);
    expect(forward.json).toEqual({ now: '2026-04-02T07:00:00+07:00', fired: [] });
    const back = local('tick', '--dir', workspace, '--until', '2026-01-01');
    expect(back.status).toBe(1);
    expect(back.stderr).toBe(
      'Đồng hồ đang ở 2026-04-02T07:00:00+07:00; không thể lùi về 2026-01-01T00:00:00+07:00.',
    );
  });

  it('export writes the workbook as .xlsx with its tabs and values', async () => {
    const file = path.join(tmp, 'bang-tinh.xlsx');
    const result = local('export', '--dir', workspace, '--xlsx', file);
    expect(result.status).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const names = book.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Hướng dẫn', 'Cấu hình', 'Đơn vị']));
    const config = book.getWorksheet('Cấu hình')!;
    expect(config.getCell('A2').value).toBe('ten_don_vi');
    expect(config.getCell('B2').value).toBe('Hội LHPN quận Hoàng Mai');
    expect(config.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const units = book.getWorksheet('Đơn vị')!;
    expect(units.getCell('B3').value).toBe('Hội LHPN phường Thịnh Liệt');
  });

  it('an unknown command or option is one clear line', () => {
    expect(local('xoa').stderr).toBe('Lệnh không hợp lệ: "xoa" (xem: npm run local -- help).');
    expect(local('run', '--thu', 'x').stderr).toMatch(/^Tùy chọn không hợp lệ:/);
  });
});

describe('npm run local import and export', () => {
  let tmp: string;
  let workspace: string;

  beforeAll(() => {
    ({ tmp, workspace } = newWorkspace('baocao-cli-data-', '2026-07-03T08:00:00+07:00'));
  });

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('imports a file, and export of the quarter gives it back byte for byte', () => {
    const csv =
      'don_vi,ky,ma_chi_tieu,gia_tri\nDK,2026-Q2,TC_HV,1412\nDK,2026-Q2,UT_DUNO,36800.5\nTL,2026-Q2,TC_HV,980\n';
    const input = path.join(tmp, 'q2.csv');
    fs.writeFileSync(input, csv);
    const imported = local('import', '--dir', workspace, '--file', input);
    expect(imported.status).toBe(0);
    expect(imported.json).toEqual({ so_gia_tri: 3, don_vi: ['DK', 'TL'], ky: ['2026-Q2'] });
    const output = path.join(tmp, 'out.csv');
    const exported = local('export', '--dir', workspace, '--ky', '2026-Q2', '--csv', output);
    expect(exported.status).toBe(0);
    expect(fs.readFileSync(output, 'utf8')).toBe(csv);
  });

  it('refuses a bad file with one line per bad row, exits non-zero and changes nothing', () => {
    const before = fs.readFileSync(path.join(workspace, 'state.json'), 'utf8');
    const input = path.join(tmp, 'bad.csv');
    fs.writeFileSync(
      input,
      'don_vi,ky,ma_chi_tieu,gia_tri\nDK,2026-Q2,TC_HV,1.412\nZZ,2026-Q2,TC_HV,5\nDK,2026-Q4,TC_HV,5\n',
    );
    const result = local('import', '--dir', workspace, '--file', input, '--as', 'daikim@hoilhpn.vn');
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n');
    expect(lines[0]).toBe('Lỗi: Không nhập được: tệp có 3 lỗi, chưa có số liệu nào được ghi.');
    expect(lines.slice(1).map((l) => l.slice(0, 7))).toEqual(['Dòng 2:', 'Dòng 3:', 'Dòng 4:']);
    expect(fs.readFileSync(path.join(workspace, 'state.json'), 'utf8')).toBe(before);
  });
});

describe('npm run local export of roll-ups', () => {
  let tmp: string;
  let workspace: string;

  beforeAll(() => {
    ({ tmp, workspace } = newWorkspace('baocao-cli-rollup-', '2026-07-03T08:00:00+07:00'));
    // Hand-checkable: Thịnh Liệt reports Quý I only.
    const input = path.join(tmp, 'h1.csv');
    fs.writeFileSync(
      input,
      [
        'don_vi,ky,ma_chi_tieu,gia_tri',
        'DK,2026-Q1,TC_PN18,1500',
        'DK,2026-Q1,TC_HV,1400',
        'DK,2026-Q1,TC_HV_MOI,20',
        'DK,2026-Q2,TC_PN18,1525',
        'DK,2026-Q2,TC_HV,1412',
        'DK,2026-Q2,TC_HV_MOI,17',
        'TL,2026-Q1,TC_PN18,1100',
        'TL,2026-Q1,TC_HV,980',
        'TL,2026-Q1,TC_HV_MOI,12',
        '',
      ].join('\n'),
    );
    expect(local('import', '--dir', workspace, '--file', input).status).toBe(0);
  });

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes a half-year roll-up per unit and for the district (TONG), ratios as decimals', () => {
    const output = path.join(tmp, 'h1-out.csv');
    const result = local('export', '--dir', workspace, '--ky', '2026-H1', '--csv', output);
    expect(result.status).toBe(0);
    expect(result.json).toMatchObject({ tong_hop: true });
    const lines = fs.readFileSync(output, 'utf8').split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'DK,2026-H1,TC_HV,1412',
        'DK,2026-H1,TC_HV_MOI,37',
        'TL,2026-H1,TC_HV,980',
        'TONG,2026-H1,TC_HV,2392',
        'TONG,2026-H1,TC_HV_MOI,49',
        'TONG,2026-H1,TC_PN18,2625',
      ]),
    );
    expect(lines.find((l) => l.startsWith('TONG,2026-H1,TC_HV_TL,'))!.split(',')[3]).toBe(
      String(2392 / 2625),
    );
  });

  it('with --tong-hop, rolls up a single quarter instead of listing what was entered', () => {
    const output = path.join(tmp, 'q2-out.csv');
    expect(local('export', '--dir', workspace, '--ky', '2026-Q2', '--csv', output, '--tong-hop').status).toBe(
      0,
    );
    const lines = fs.readFileSync(output, 'utf8').split('\n');
    expect(lines).toContain('TONG,2026-Q2,TC_HV,1412');
    expect(lines.some((l) => l.startsWith('TL,'))).toBe(false);
  });

  it('refuses a period it cannot read, in one line', () => {
    const result = local('export', '--dir', workspace, '--ky', '2026-H3', '--csv', path.join(tmp, 'x.csv'));
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^Lỗi: Kỳ báo cáo "2026-H3" không hợp lệ/);
  });
});

describe('npm run local export of counted indicators', () => {
  it('counts communes by rating and by condition over the year, per unit and for the district', () => {
    const { tmp, workspace } = newWorkspace('baocao-cli-count-', '2026-12-20T08:00:00+07:00');
    try {
      const input = path.join(tmp, 'year.csv');
      // Đại Kim: 1.412 of 1.525 women (92,6% > 50%), rated "tốt"; Thịnh Liệt: 400 of 1.100 (36,4%), rated "xuất sắc".
      fs.writeFileSync(
        input,
        [
          'don_vi,ky,ma_chi_tieu,gia_tri',
          'DK,2026-Q4,TC_PN18,1525',
          'DK,2026-Q4,TC_HV,1412',
          'DK,2026-Q4,TD_XEP_LOAI,Hoàn thành tốt nhiệm vụ',
          'TL,2026-Q3,TC_PN18,1100',
          'TL,2026-Q3,TC_HV,400',
          'TL,2026-Q4,TD_XEP_LOAI,Hoàn thành xuất sắc nhiệm vụ',
          '',
        ].join('\n'),
      );
      expect(local('import', '--dir', workspace, '--file', input).status).toBe(0);
      const output = path.join(tmp, 'year-out.csv');
      expect(local('export', '--dir', workspace, '--ky', '2026', '--csv', output).status).toBe(0);
      const lines = fs.readFileSync(output, 'utf8').split('\n');
      expect(lines).toEqual(
        expect.arrayContaining([
          'TONG,2026,TC_COSO_TH50,1',
          'DK,2026,TC_COSO_TH50,1',
          'TL,2026,TC_COSO_TH50,0',
          'TONG,2026,TD_CS_XL_XS,1',
          'TONG,2026,TD_CS_XL_T,1',
          'TONG,2026,TD_CS_XL_HT,0',
          'TONG,2026,TD_CS_TOT,2',
          'TONG,2026,TD_CS_TOT_TL,1',
        ]),
      );
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('npm run local reports', () => {
  it('createReport leaves a .docx a person can open in the workspace, beside the templates', async () => {
    const { workspace } = newWorkspace('baocao-report-', '2026-07-06T08:00:00+07:00');
    const result = local('run', '--dir', workspace, 'createReport', '{"ky":"2026-Q2"}');
    expect(result.stderr).toBe('');
    expect(result.json).toMatchObject({ ten: 'BC Quý II-2026 - Hội LHPN quận Hoàng Mai' });
    const folder = path.join(workspace, 'tai-lieu');
    const files = fs.readdirSync(folder);
    expect(files).toEqual(
      expect.arrayContaining(['BC Quý II-2026 - Hội LHPN quận Hoàng Mai.docx', 'Mẫu báo cáo quý.docx']),
    );
    const zip = await JSZip.loadAsync(
      fs.readFileSync(path.join(folder, 'BC Quý II-2026 - Hội LHPN quận Hoàng Mai.docx')),
    );
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Kết quả công tác Hội và phong trào phụ nữ quý II/2026');
    expect(xml).not.toContain('{{');
  });
});

describe('npm run local -- init --blank: the first run driven from outside', () => {
  it('makes an empty en_US Sheet; setUpWorkbook opens the dialog, then builds from its answer', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-blank-'));
    const workspace = path.join(tmp, 'trong');
    const owner = 'chutich.hoangmai@gmail.com';
    const init = local('init', '--dir', workspace, '--blank', '--owner', owner);
    expect(init.status).toBe(0);
    expect(init.json).toMatchObject({ chu_so_huu: owner, trang_tinh: ['Sheet1'] });

    const opened = local('run', '--dir', workspace, 'setUpWorkbook');
    expect(opened.stderr).toBe('');
    expect(opened.json).toEqual({ hop_thoai: 'Thiết lập bảng tính lần đầu' });

    const answer = sampleConfig({ quan_tri: [owner] });
    const built = local('run', '--dir', workspace, 'setUpWorkbook', JSON.stringify(answer));
    expect(built.stderr).toBe('');
    expect(built.json).toMatchObject({ ten_don_vi: 'Hội LHPN quận Hoàng Mai', so_don_vi: 2 });
    expect((built.json as { cai_dat: string }).cai_dat).toMatch(
      /^Đã chuyển bảng tính sang định dạng Việt Nam/,
    );
    expect((built.json as { trang_tinh: string[] }).trang_tinh).toContain('DK - phường Đại Kim');
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});

describe('npm run local -- consent', () => {
  it('after a build that adds a scope, Khởi tạo says so, the menu asks again, consent approves', () => {
    const { tmp, workspace } = newWorkspace('baocao-cli-consent-', '2026-03-30T08:00:00+07:00');
    const chair = 'chutich@hoilhpn.vn';
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
    };
    const old = manifest.oauthScopes.filter((s) => !s.endsWith('/script.send_mail'));
    // What the previous build left: its scopes noted at its Khởi tạo, and the chair's consent to them.
    const statePath = path.join(workspace, 'state.json');
    const saved = JSON.parse(fs.readFileSync(statePath, 'utf8')) as {
      properties: { script: Record<string, string> };
      scopes?: { granted: Record<string, string[]>; prompts: unknown[]; refused: unknown[] };
    };
    saved.properties.script.quyen_cua_ma = JSON.stringify(old);
    saved.scopes = { prompts: [], refused: [], ...saved.scopes, granted: { [chair]: old } };
    fs.writeFileSync(statePath, JSON.stringify(saved));

    const setUp = local('run', '--dir', workspace, 'setUpWorkbook');
    expect(setUp.status).toBe(0);
    expect((setUp.json as { quyen_moi: string }).quyen_moi).toContain('Mọi người phải cấp quyền lại');
    const refused = local('run', '--dir', workspace, 'checkData');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Authorization is required');
    const approved = local('consent', '--dir', workspace, '--as', chair);
    expect(approved.status).toBe(0);
    expect((approved.json as { quyen: string[] }).quyen).toEqual([...manifest.oauthScopes].sort());
    expect(local('run', '--dir', workspace, 'checkData').status).toBe(0);
    fs.rmSync(tmp, { recursive: true, force: true });
  }, 120_000);
});
