import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkspace } from '../../scripts/local/workspace';
import { local } from '../support/cli';
import { sampleConfig } from '../support/product';
import { DK, DK_TAB, OWNER, setUpDistrict, TL_TAB, valueOf } from '../support/district';

const QUARTERS = [
  '2021-Q3',
  '2021-Q4',
  '2022-Q1',
  '2022-Q2',
  '2022-Q3',
  '2022-Q4',
  '2023-Q1',
  '2023-Q2',
  '2023-Q3',
];
const BRANCHES = ['CH01', 'CH02', 'CH03'];

/** Each branch: 400 women, members growing by its new members (5, 6, 7 a quarter), 1 leaving. */
function historyCsv(): string {
  const lines = ['don_vi,ky,ma_chi_tieu,gia_tri'];
  BRANCHES.forEach((unit, u) => {
    QUARTERS.forEach((ky, q) => {
      lines.push(`${unit},${ky},TC_PN18,400`);
      lines.push(`${unit},${ky},TC_HV,${300 + (q + 1) * (u + 4)}`);
      lines.push(`${unit},${ky},TC_HV_MOI,${u + 5}`);
      lines.push(`${unit},${ky},TC_HV_GIAM,1`);
    });
  });
  return `${lines.join('\n')}\n`;
}

describe('a commune that adopts the tool in October 2023 (mid-term)', () => {
  let tmp: string;
  let workspace: string;

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-history-'));
    workspace = path.join(tmp, 'dx');
    const config = sampleConfig({
      ten_don_vi: 'Hội LHPN xã Đức Xương',
      cap: 'xa',
      dia_danh: 'Đức Xương',
      dai_hoi_lan_thu: 'XXVI',
      don_vi: BRANCHES.map((ma, i) => ({
        ma,
        ten: `Chi hội thôn ${i + 1}`,
        email: [`chihoi${i + 1}@hoilhpn.vn`],
      })),
    });
    fs.writeFileSync(path.join(tmp, 'config.json'), JSON.stringify(config));
    fs.writeFileSync(path.join(tmp, 'lich-su.csv'), historyCsv());
    fs.writeFileSync(
      path.join(tmp, 'chi-tieu.csv'),
      [
        'nhiem_ky,nam,don_vi,ma_chi_tieu,loai,gia_tri,gia_tri_tren,co_so,van_ban,ghi_chu',
        '2021-2026,,,TC_HV_MOI,Cộng dồn nhiệm kỳ,300,,,NQ ĐH lần thứ XXVI,phát triển hội viên',
        '2021-2026,,,TC_HV_TL,END_STATE_RATE,89%,,85,NQ ĐH lần thứ XXVI,',
        '',
      ].join('\n'),
    );
    const init = local(
      'init',
      '--dir',
      workspace,
      '--config',
      path.join(tmp, 'config.json'),
      '--now',
      '2023-10-05T08:00:00+07:00',
    );
    expect(init.stderr).toBe('');
  });

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('imports 2021-Q3..2023-Q3 and its congress targets and makes its mid-term report', async () => {
    const data = local('import', '--dir', workspace, '--file', path.join(tmp, 'lich-su.csv'));
    expect(data.stderr).toBe('');
    expect(data.json).toEqual({ so_gia_tri: 108, don_vi: BRANCHES, ky: QUARTERS });
    const targets = local('import', '--dir', workspace, '--targets', path.join(tmp, 'chi-tieu.csv'));
    expect(targets.json).toEqual({
      so_chi_tieu: 2,
      them_moi: 2,
      thay_the: 0,
      khong_doi: 0,
      nhiem_ky: ['2021-2026'],
    });

    const emu = await openWorkspace(workspace);
    const archive = emu.sheets.values('Lưu trữ').slice(1);
    // 2021 and 2022 are history (6 quarters × 4 figures × 3 branches); 2023 went into the tabs.
    expect(archive).toHaveLength(72);
    expect(new Set(archive.map((r) => r[6]))).toEqual(new Set(['Nhập lịch sử']));
    expect(new Set(archive.map((r) => r[5]))).toEqual(new Set([OWNER]));
    expect(archive.some((r) => String(r[1]).startsWith('2023'))).toBe(false);
    expect(valueOf(emu, 'CH01 - Chi hội thôn 1', 'TC_HV_MOI', 3)).toBe(5);
    const log = emu.sheets.values('Nhật ký');
    expect(log.find((r) => r[2] === 'Nhập lịch sử')).toMatchObject([
      expect.anything(),
      OWNER,
      'Nhập lịch sử',
      'CH01, CH02, CH03',
      '',
      '',
      expect.stringMatching(/^72 giá trị vào Lưu trữ \(72 mới, 0 sửa\), quý 2021-Q3 đến 2022-Q4/),
    ]);
    expect(emu.sheets.values('Mục tiêu')[2]).toEqual([
      '2021-2026',
      '',
      '',
      'TC_HV_TL',
      'Tỷ lệ cuối nhiệm kỳ',
      '89',
      '',
      '85',
      'NQ ĐH lần thứ XXVI',
      '',
    ]);

    const report = local(
      'run',
      '--dir',
      workspace,
      'createReport',
      '{"ky":"2021-Q3..2023-Q3","loai":"giua_nhiem_ky"}',
    );
    expect(report.stderr).toBe('');
    const { docId } = report.json as { docId: string };
    const text = (await openWorkspace(workspace)).documents.savedText(docId);
    // New members over the nine quarters: (5 + 6 + 7) × 9 = 162, against the term's 300.
    expect(text).toContain('162');
    expect(text).toContain('54%');
    // Members at 2023-Q3: 3 × 300 + 9 × (4 + 5 + 6) = 1.035 of 1.200 women: 86,3%, against 89%.
    expect(text).toContain('1.035');
    expect(text).toContain('86,3%');
    // History counts as submitted: each branch has 6 of the 9 quarters in Lưu trữ (2023 is not submitted yet).
    expect(text).toContain('Nộp 6/9 quý');
    expect(text).toMatch(/89%/);
    expect(text).toMatch(/giữa nhiệm kỳ/i);
  });
});

describe('history in the workbook', () => {
  const csv = (...lines: string[]) => ['don_vi,ky,ma_chi_tieu,gia_tri', ...lines, ''].join('\n');

  it('is for admins only; a correction of history is logged and read by the roll-ups', () => {
    const emu = setUpDistrict('2026-04-03T09:00:00+07:00');
    expect(() => emu.run('importCsv', [{ csv: csv('DK,2025-Q4,TC_HV_MOI,12') }], { user: DK })).toThrow(
      /Dòng 2: cột "ky" = "2025-Q4": số liệu các năm trước \(nhập lịch sử vào Lưu trữ\) chỉ quản trị viên được nhập/,
    );
    emu.run('importCsv', [
      { csv: csv('DK,2025-Q3,TC_HV_MOI,12', 'DK,2025-Q4,TC_HV_MOI,8', 'TL,2025-Q4,TC_HV_MOI,5') },
    ]);
    expect(emu.run('rollUp', [{ ky: '2025' }])).toMatchObject({ ky: '2025' });
    const total = () => emu.sheets.values('Tổng hợp').find((r) => r[0] === 'TC_HV_MOI');
    expect(total()).toContain(25);

    // The same file again changes nothing; a changed value is a correction, old and new logged.
    emu.run('importCsv', [{ csv: csv('DK,2025-Q3,TC_HV_MOI,12', 'DK,2025-Q4,TC_HV_MOI,10') }]);
    const archive = emu.sheets.values('Lưu trữ').slice(1);
    expect(archive.map((r) => [r[0], r[1], r[3], r[6]])).toEqual([
      ['DK', '2025-Q3', 12, 'Nhập lịch sử'],
      ['DK', '2025-Q4', 8, 'Nhập lịch sử'],
      ['TL', '2025-Q4', 5, 'Nhập lịch sử'],
      ['DK', '2025-Q4', 10, 'Nhập lịch sử'],
    ]);
    const correction = emu.sheets.values('Nhật ký').find((r) => r[2] === 'Sửa số liệu lịch sử');
    expect(correction?.slice(1)).toEqual([OWNER, 'Sửa số liệu lịch sử', 'DK', '2025-Q4 TC_HV_MOI', 8, 10]);
    emu.run('rollUp', [{ ky: '2025' }]);
    expect(total()).toContain(27);
    // Export gives the history back in the import's format, as corrected.
    expect(emu.run('exportData', [{ ky: '2025-Q4' }])).toBe(
      csv('DK,2025-Q4,TC_HV_MOI,10', 'TL,2025-Q4,TC_HV_MOI,5'),
    );
    // Nothing of 2025 reached the unit tabs, which hold 2026.
    expect(valueOf(emu, DK_TAB, 'TC_HV_MOI', 4)).toBe('');
    expect(valueOf(emu, TL_TAB, 'TC_HV_MOI', 4)).toBe('');
  });

  it('refuses a quarter before the previous term', () => {
    const emu = setUpDistrict('2026-04-03T09:00:00+07:00');
    expect(() => emu.run('importCsv', [{ csv: csv('DK,2016-Q2,TC_HV_MOI,12') }])).toThrow(
      /kỳ trước nhiệm kỳ trước; chỉ nhập được lịch sử từ 2016-Q3 \(nhiệm kỳ 2016-2021 và 2021-2026\)/,
    );
  });
});

describe('the year boundary', () => {
  it("in January an admin imports last year's Quý IV, still due, into history, and its report reads it", () => {
    const emu = setUpDistrict('2027-01-04T09:00:00+07:00');
    expect(emu.sheets.values('Cấu hình').find((r) => r[0] === 'nam')?.[1]).toBe(2027);
    const csv = 'don_vi,ky,ma_chi_tieu,gia_tri\nDK,2026-Q4,TC_HV_MOI,9\nTL,2026-Q4,TC_HV_MOI,4\n';
    expect(() => emu.run('importCsv', [{ csv }], { user: DK })).toThrow(/chỉ quản trị viên được nhập/);
    expect(emu.run('importCsv', [{ csv }])).toMatchObject({ so_gia_tri: 2, ky: ['2026-Q4'] });
    expect(
      emu.sheets
        .values('Lưu trữ')
        .slice(1)
        .map((r) => [r[0], r[1], r[3], r[6]]),
    ).toEqual([
      ['DK', '2026-Q4', 9, 'Nhập lịch sử'],
      ['TL', '2026-Q4', 4, 'Nhập lịch sử'],
    ]);
    const { docId } = emu.run('createReport', [{ ky: '2026-Q4' }]) as { docId: string };
    expect(emu.documents.savedText(docId)).toMatch(/kết nạp (mới )?13 hội viên/);
  });
});

describe('targets from a file', () => {
  const HEADER = 'nhiem_ky,nam,don_vi,ma_chi_tieu,loai,gia_tri,gia_tri_tren,co_so,van_ban,ghi_chu';

  it('is for admins; a row with the same key replaces the tab’s, old and new in Nhật ký; the menu’s dialog offers it', () => {
    const emu = setUpDistrict('2026-04-03T09:00:00+07:00');
    const first = `${HEADER}\n2021-2026,2026,,TC_HV_MOI,Hằng năm,40,,,NQ,\n2021-2026,,DK,TC_HV_TL,Tỷ lệ cuối nhiệm kỳ,90%,,,NQ,\n`;
    expect(() => emu.run('importTargets', [{ csv: first }], { user: DK })).toThrow(
      /Chỉ quản trị viên mới được nhập chỉ tiêu/,
    );
    expect(emu.run('importTargets', [{ csv: first }])).toEqual({
      so_chi_tieu: 2,
      them_moi: 2,
      thay_the: 0,
      khong_doi: 0,
      nhiem_ky: ['2021-2026'],
    });
    // The same file again changes nothing.
    expect(emu.run('importTargets', [{ csv: first }])).toMatchObject({
      them_moi: 0,
      thay_the: 0,
      khong_doi: 2,
    });
    expect(
      emu.run('importTargets', [{ csv: `${HEADER}\n2021-2026,2026,,TC_HV_MOI,ANNUAL,45,,,NQ,\n` }]),
    ).toMatchObject({
      them_moi: 0,
      thay_the: 1,
    });
    expect(
      emu.sheets
        .values('Mục tiêu')
        .slice(1)
        .map((r) => [r[3], r[5]]),
    ).toEqual([
      ['TC_HV_MOI', '45'],
      ['TC_HV_TL', '90'],
    ]);
    const replaced = emu.sheets.values('Nhật ký').find((r) => String(r[2]).includes('thay thế dòng 2'));
    expect(replaced?.slice(5)).toEqual([
      '2021-2026 | 2026 | TC_HV_MOI | Hằng năm | 40 | NQ',
      '2021-2026 | 2026 | TC_HV_MOI | Hằng năm | 45 | NQ',
    ]);
    // The roll-up judges the imported target of the whole district (nothing entered yet).
    expect(emu.run('rollUp', [{ ky: '2026' }])).toMatchObject({ chi_tieu_dat: '0/1 chỉ tiêu đạt và vượt' });

    emu.sheets.userOpen({ as: OWNER });
    emu.sheets.clickMenu('Hội LHPN > Nhập số liệu từ CSV…', { as: OWNER });
    const dialog = JSON.stringify(emu.sheets.dialogs());
    expect(dialog).toContain('.importTargets(');
    expect(dialog).toContain('Chỉ tiêu cho trang Mục tiêu');
  });
});
