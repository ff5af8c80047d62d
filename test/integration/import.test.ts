import {
  DK,
  DK_TAB,
  enter,
  GOOD_Q1,
  OWNER,
  setUpDistrict,
  tickSubmit,
  TL_TAB,
  switchOnAllIndicators,
} from '../support/district';

const GOOD = [
  'don_vi,ky,ma_chi_tieu,gia_tri',
  'DK,2026-Q1,TC_PN18,1525',
  'DK,2026-Q1,TC_HV,1412',
  'DK,2026-Q1,TC_HV_MOI,37',
  'DK,2026-Q1,TC_QUYHOI,14.8',
  'DK,2026-Q1,TD_XEP_LOAI,Hoàn thành tốt nhiệm vụ',
  'TL,2026-Q1,TC_HV,980',
  'TL,2026-Q1,UT_DUNO,36800',
  '',
].join('\n');

describe('importCsv', () => {
  it('writes a good file into the unit tabs, and export gives the same file back', () => {
    const emu = setUpDistrict();
    const summary = emu.run('importCsv', [{ csv: GOOD }]);
    expect(summary).toEqual({ so_gia_tri: 7, don_vi: ['DK', 'TL'], ky: ['2026-Q1'] });
    expect(emu.sheets.values(DK_TAB).find((r) => r[0] === 'TC_QUYHOI')![3]).toBe(14.8);
    expect(emu.run('exportData', [{ ky: '2026-Q1' }])).toBe(GOOD);
  });

  it('accepts the Vietnamese header, a byte-order mark and unit names', () => {
    const emu = setUpDistrict();
    const csv = '\uFEFFĐơn vị,Kỳ,Mã chỉ tiêu,Giá trị\r\nHội LHPN phường Đại Kim,2026-Q1,TC_HV,1412\r\n';
    expect(emu.run('importCsv', [{ csv }])).toMatchObject({ so_gia_tri: 1, don_vi: ['DK'] });
  });

  it('refuses a bad file naming every bad row, and changes nothing', () => {
    const emu = setUpDistrict();
    enter(emu, DK, DK_TAB, 1, { TC_HV: 1400 });
    const before = [emu.sheets.values(DK_TAB), emu.sheets.values(TL_TAB)];
    const csv = [
      'don_vi,ky,ma_chi_tieu,gia_tri',
      'DK,2026-Q1,TC_HV,1412',
      'XX,2026-Q1,TC_HV,10',
      'DK,2026-Q1,TC_XYZ,10',
      'DK,2026-Q1,TC_HV_TL,92.6',
      'DK,2026-Q1,TC_HV_MOI,abc',
      'DK,2026-Q1,TC_HV_GIAM,-3',
      'DK,2026-Q1,TC_HV,1413',
      'DK,2026-Q3,TC_HV,1420',
      'TL,2026-Q1,TC_HV,',
    ].join('\n');
    let message = '';
    try {
      emu.run('importCsv', [{ csv }]);
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split('\n');
    expect(lines[0]).toBe('Không nhập được: tệp có 8 lỗi, chưa có số liệu nào được ghi.');
    expect(lines.slice(1).map((l) => l.slice(0, 7))).toEqual([
      'Dòng 3:',
      'Dòng 4:',
      'Dòng 5:',
      'Dòng 6:',
      'Dòng 7:',
      'Dòng 8:',
      'Dòng 9:',
      'Dòng 10',
    ]);
    expect(lines[1]).toContain('"XX"');
    expect(lines[6]).toContain('trùng với dòng 2');
    expect([emu.sheets.values(DK_TAB), emu.sheets.values(TL_TAB)]).toEqual(before);
  });

  it('lets an officer import their own unit, not another, and not into a submitted quarter', () => {
    const emu = setUpDistrict();
    expect(
      emu.run('importCsv', [{ csv: 'don_vi,ky,ma_chi_tieu,gia_tri\nDK,2026-Q1,TC_HV,1412\n' }], { user: DK }),
    ).toMatchObject({
      so_gia_tri: 1,
    });
    expect(() =>
      emu.run('importCsv', [{ csv: 'don_vi,ky,ma_chi_tieu,gia_tri\nTL,2026-Q1,TC_HV,980\n' }], { user: DK }),
    ).toThrow(/bạn chỉ được nhập số liệu của đơn vị mình \(DK\); tệp có số liệu của TL/);
    enter(emu, DK, DK_TAB, 1, GOOD_Q1);
    tickSubmit(emu, DK, DK_TAB, 1);
    expect(() =>
      emu.run('importCsv', [{ csv: 'don_vi,ky,ma_chi_tieu,gia_tri\nDK,2026-Q1,TC_HV,1500\n' }], { user: DK }),
    ).toThrow(/Dòng 2: .*quý đã nộp, chỉ quản trị viên được sửa/);
    emu.run('importCsv', [{ csv: 'don_vi,ky,ma_chi_tieu,gia_tri\nDK,2026-Q1,TC_HV,1500\n' }], {
      user: OWNER,
    });
    expect(
      emu.sheets
        .values('Lưu trữ')
        .filter((r) => r[2] === 'TC_HV')
        .map((r) => [r[3], r[6]]),
    ).toEqual([
      [1412, 'Nộp số liệu'],
      [1500, 'Nhập CSV sau khi nộp'],
    ]);
    expect(emu.sheets.values('Nhật ký').some((r) => r[1] === OWNER && r[2] === 'Nhập số liệu từ CSV')).toBe(
      true,
    );
  });
});

describe('the import dialog', () => {
  it('opens from the menu with a paste area and a Drive field, in Vietnamese', () => {
    const emu = setUpDistrict();
    emu.sheets.userOpen({ as: DK });
    emu.sheets.clickMenu('Hội LHPN > Nhập số liệu từ CSV…', { as: DK });
    const [dialog] = emu.sheets.dialogs();
    expect(dialog).toMatchObject({ title: 'Nhập số liệu từ CSV' });
    expect(JSON.stringify(dialog)).toContain('textarea');
    expect(JSON.stringify(dialog)).toContain('.importCsv(');
  });

  it('imports from a CSV file on Drive', () => {
    const emu = setUpDistrict();
    const fileId = emu.drive.createFile('so-lieu-quy-1.csv', GOOD, { mimeType: 'text/csv', owner: OWNER });
    expect(emu.run('importCsv', [{ tep: `https://drive.google.com/file/d/${fileId}/view` }])).toMatchObject({
      so_gia_tri: 7,
    });
  });
});

describe('service calls', () => {
  function calls(units: number, indicators: 'default' | 'all'): { setup: number; check: number } {
    const donVi = Array.from({ length: units }, (_, i) => ({
      ma: `U${i + 1}`,
      ten: `Hội LHPN phường Số ${i + 1}`,
      email: [`u${i + 1}@hoilhpn.vn`],
    }));
    const emu = setUpDistrict('2026-04-03T09:00:00+07:00', {
      ten_don_vi: 'Hội LHPN quận Thử Nghiệm',
      cap: 'huyen',
      dia_danh: 'Thử Nghiệm',
      nhiem_ky: '2021-2026',
      don_vi: donVi,
      email_nhan: [],
      quan_tri: [OWNER],
    });
    if (indicators === 'all') {
      switchOnAllIndicators(emu);
    }
    emu.ctx.log.clear();
    emu.run('setUpWorkbook');
    const setup = emu.ctx.log.total();
    emu.ctx.log.clear();
    emu.run('checkData');
    return { setup, check: emu.ctx.log.total() };
  }

  it('each unit adds the same number of calls, whether 40 or 100 indicators are followed (setup and checks)', () => {
    const perUnit = (indicators: 'default' | 'all') => {
      const [small, large] = [calls(15, indicators), calls(30, indicators)];
      return { setup: (large.setup - small.setup) / 15, check: (large.check - small.check) / 15 };
    };
    const followedByDefault = perUnit('default');
    expect(perUnit('all')).toEqual(followedByDefault);
    expect(followedByDefault.setup).toBeGreaterThan(0);
    expect(followedByDefault.setup).toBeLessThan(80);
    // Checking reads each unit tab once: find it, size it, read it.
    expect(followedByDefault.check).toBeLessThanOrEqual(5);
  });
});

describe('importCsv under Google faults', () => {
  const before = (emu: ReturnType<typeof setUpDistrict>) => [
    emu.sheets.values(DK_TAB).find((r) => r[0] === 'TC_HV')![3],
    emu.sheets.values(TL_TAB).find((r) => r[0] === 'TC_HV')![3],
  ];

  it('a failure of the write leaves the file out entirely, says so in Vietnamese, and logs Google’s text', () => {
    const emu = setUpDistrict();
    const empty = before(emu);
    // Every tab's values travel in one call, which Google applies all or nothing.
    emu.ctx.faults.inject('Sheets.Spreadsheets.Values.batchUpdate', { nth: 1, kind: 'unavailable' });
    expect(() => emu.run('importCsv', [{ csv: GOOD }])).toThrow(
      'Chưa thực hiện xong "Nhập số liệu từ CSV": dịch vụ của Google tạm thời không phản hồi. Hãy thử lại sau ít phút. Chi tiết lỗi đã ghi trong trang Nhật ký.',
    );
    expect(before(emu)).toEqual(empty);
    expect(emu.sheets.values('Nhật ký').at(-1)!.slice(2)).toEqual([
      'Lỗi khi chạy "Nhập số liệu từ CSV"',
      '',
      '',
      '',
      'Service unavailable: Spreadsheets',
    ]);
    expect(emu.run('importCsv', [{ csv: GOOD }])).toMatchObject({ so_gia_tri: 7 });
    expect(before(emu)).toEqual([1412, 980]);
  });

  it('a run that ends at the write with no code running has written nothing, and the next import writes it all', () => {
    const emu = setUpDistrict();
    emu.ctx.faults.inject('Sheets.Spreadsheets.Values.batchUpdate', { nth: 1, kind: 'hardEnd' });
    expect(() => emu.run('importCsv', [{ csv: GOOD }])).toThrow(/^We're sorry, a server error occurred/);
    expect(before(emu)).toEqual(['', '']);
    expect(emu.run('importCsv', [{ csv: GOOD }])).toMatchObject({ so_gia_tri: 7 });
    expect(before(emu)).toEqual([1412, 980]);
    expect(emu.sheets.values('Nhật ký').some((r) => /dừng giữa chừng$/.test(String(r[2])))).toBe(false);
  });

  it('an import an earlier version left half written is named by the next import, which finishes it', () => {
    const emu = setUpDistrict();
    // What the version that wrote one tab at a time left when Google stopped it between two tabs.
    emu.properties.seed('script', {
      'dang_lam:nhap_csv': JSON.stringify({
        at: Date.parse('2026-04-06T08:00:00+07:00'),
        user: 'chutich@hoilhpn.vn',
        what: [DK_TAB, TL_TAB],
      }),
    });
    expect(emu.run('importCsv', [{ csv: GOOD }])).toMatchObject({ so_gia_tri: 7 });
    expect(before(emu)).toEqual([1412, 980]);
    const cutOff = emu.sheets.values('Nhật ký').find((r) => /dừng giữa chừng$/.test(String(r[2])))!;
    expect(cutOff.slice(2, 4)).toEqual([
      'Nhập số liệu từ CSV: lần nhập trước dừng giữa chừng',
      `${DK_TAB}, ${TL_TAB}`,
    ]);
    expect(String(cutOff[6])).toMatch(/^Lần nhập của .+ lúc 06\/04\/2026 08:00 có thể mới ghi một phần/);
    expect('dang_lam:nhap_csv' in emu.properties.read('script')).toBe(false);
  });
});
