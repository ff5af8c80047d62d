import { sampleConfig } from '../support/product';
import {
  DK,
  DK_TAB,
  enter,
  GOOD_Q1,
  OWNER,
  setUpDistrict,
  TL,
  TL_TAB,
  switchOnAllIndicators,
} from '../support/district';

const GB = 'giapbat@hoilhpn.vn';
const threeUnits = sampleConfig({
  don_vi: [
    { ma: 'DK', ten: 'Hội LHPN phường Đại Kim', email: [DK] },
    { ma: 'TL', ten: 'Hội LHPN phường Thịnh Liệt', email: [TL] },
    { ma: 'GB', ten: 'Hội LHPN phường Giáp Bát', email: [GB] },
  ],
});

/** Hand-checkable figures: Giáp Bát reports nothing, Thịnh Liệt skips Quý II. */
function district() {
  const emu = setUpDistrict('2026-07-02T08:00:00+07:00', threeUnits);
  enter(emu, DK, DK_TAB, 1, { TC_PN18: 1500, TC_HV: 1400, TC_HV_MOI: 20, TC_HV_GIAM: 3 });
  enter(emu, DK, DK_TAB, 2, { TC_PN18: 1525, TC_HV: 1412, TC_HV_MOI: 17, TC_HV_GIAM: 5 });
  enter(emu, TL, TL_TAB, 1, { TC_PN18: 1100, TC_HV: 980, TC_HV_MOI: 12, TC_HV_GIAM: 2 });
  return emu;
}

function row(emu: ReturnType<typeof district>, code: string): unknown[] {
  return emu.sheets.values('Tổng hợp').find((r) => r[0] === code)!;
}

describe('rollUp', () => {
  it('adds flows, takes the last stock, recomputes ratios, and says how many units it covers', () => {
    const emu = district();
    const summary = emu.run('rollUp', [{ ky: '2026-H1' }]);
    expect(summary).toMatchObject({
      ky: '2026-H1',
      ten_ky: '6 tháng đầu năm 2026',
      don_vi_co_so_lieu: '2/3 đơn vị',
    });
    const sheet = emu.sheets.values('Tổng hợp');
    expect(sheet[0]![0]).toBe('TỔNG HỢP SỐ LIỆU 6 THÁNG ĐẦU NĂM 2026 – HỘI LHPN QUẬN HOÀNG MAI');
    expect(sheet[3]!.slice(0, 8)).toEqual([
      'Mã',
      'Tên chỉ tiêu',
      'ĐVT',
      'DK',
      'TL',
      'GB',
      'Toàn đơn vị',
      'Số đơn vị có số liệu',
    ]);
    // Stocks: the last quarter that has a value; a unit with none is missing, not zero.
    expect(row(emu, 'TC_HV').slice(3, 8)).toEqual([1412, 980, '', 2392, '2/3']);
    // Flows: the quarters that have values, added up.
    expect(row(emu, 'TC_HV_MOI').slice(3, 8)).toEqual([37, 12, '', 49, '2/3']);
    // Ratios: from the aggregated numerator and denominator, never averaged.
    const ratio = row(emu, 'TC_HV_TL');
    expect(ratio[3]).toBeCloseTo(1412 / 1525, 12);
    expect(ratio[4]).toBeCloseTo(980 / 1100, 12);
    expect(ratio[6]).toBeCloseTo(2392 / 2625, 12);
  });

  it('states the data window under the configured cut-off rule', () => {
    const emu = district();
    emu.run('rollUp', [{ ky: '2026-H1' }]);
    expect(emu.sheets.values('Tổng hợp')[1]![0]).toMatch(/^Số liệu từ 01\/01\/2026 đến 30\/06\/2026\./);
    const row = emu.sheets.values('Cấu hình').findIndex((r) => r[0] === 'chot_so_lieu') + 1;
    emu.sheets.userEdit({ as: OWNER, sheet: 'Cấu hình', a1: `B${row}`, value: '15-14' });
    emu.run('rollUp', [{ ky: '2026-H1' }]);
    expect(emu.sheets.values('Tổng hợp')[1]![0]).toMatch(/^Số liệu từ 15\/12\/2025 đến 14\/06\/2026\./);
  });

  it('shows ratios as percentages and counts with thousands separators', () => {
    const emu = district();
    emu.run('rollUp', [{ ky: '2026-H1' }]);
    const display = emu.execute(() =>
      (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
        .getActiveSpreadsheet()
        .getSheetByName('Tổng hợp')!
        .getDataRange()
        .getDisplayValues(),
    );
    const find = (code: string) => display.find((r) => r[0] === code)!;
    expect(find('TC_HV')[6]).toBe('2.392');
    expect(find('TC_HV_TL')[6]).toBe('91,1%');
  });

  it('lays Tổng hợp out to be read: names wide enough, figures apart, header and groups in bold', () => {
    const emu = district();
    emu.run('rollUp', [{ ky: '2026-H1' }]);
    const { widths, bold } = emu.execute(() => {
      const sheet = (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
        .getActiveSpreadsheet()
        .getSheetByName('Tổng hợp')!;
      const width = sheet.getLastColumn();
      return {
        widths: Array.from({ length: width }, (_, c) => sheet.getColumnWidth(c + 1)),
        bold: sheet
          .getRange(1, 1, 6, 1)
          .getFontWeights()
          .map((r) => r[0]),
      };
    });
    // Mã, Tên chỉ tiêu, ĐVT, three units, Toàn đơn vị, coverage, Chỉ tiêu, Tỷ lệ đạt, Đánh giá.
    expect(widths).toEqual([110, 320, 80, 75, 75, 75, 95, 90, 110, 75, 110]);
    // Title, subtitle, target line, header, the first group, its first indicator.
    expect(bold).toEqual(['bold', 'normal', 'normal', 'bold', 'bold', 'normal']);
  });

  it('exports the roll-up as long CSV with the district total as TONG and ratios as decimals', () => {
    const emu = district();
    const csv = (emu.run('exportRollUp', [{ ky: '2026-H1' }]) as string).split('\n');
    expect(csv[0]).toBe('don_vi,ky,ma_chi_tieu,gia_tri');
    expect(csv).toContain('DK,2026-H1,TC_HV,1412');
    expect(csv).toContain('TL,2026-H1,TC_HV,980');
    expect(csv).toContain('TONG,2026-H1,TC_HV,2392');
    expect(csv).toContain('TONG,2026-H1,TC_HV_MOI,49');
    expect(csv.find((l) => l.startsWith('TONG,2026-H1,TC_HV_TL,'))).toMatch(
      /^TONG,2026-H1,TC_HV_TL,0\.911\d*$/,
    );
    expect(csv.some((l) => l.startsWith('GB,'))).toBe(false);
  });

  it('is for admins', () => {
    const emu = district();
    expect(() => emu.run('rollUp', [], { user: DK })).toThrow(
      `Chỉ quản trị viên mới được tổng hợp số liệu (${DK}).`,
    );
  });

  it('reads previous years from Lưu trữ after the year rollover, with the same totals', () => {
    const emu = district();
    for (const [email, tab, quarters] of [
      [DK, DK_TAB, [1, 2]],
      [TL, TL_TAB, [1]],
    ] as const) {
      for (const q of quarters)
        emu.sheets.userEdit({ as: email, sheet: tab, a1: `${'DEFG'[q - 1]}5`, value: true });
    }
    const before = emu.run('exportRollUp', [{ ky: '2026-H1' }]);
    emu.run('startNewYear', [], { user: OWNER });
    expect(emu.run('exportRollUp', [{ ky: '2026-H1' }])).toBe(before);
  });
});

describe('targets in the roll-up', () => {
  function withTargets() {
    const emu = district();
    const targets = [
      ['2021-2026', 2026, '', 'TC_HV_MOI', 'Hằng năm', '40'],
      ['2021-2026', '', '', 'TC_HV_TL', 'Tỷ lệ cuối nhiệm kỳ', '92'],
    ];
    targets.forEach((cells, i) =>
      cells.forEach((value, j) =>
        emu.sheets.userEdit({ as: OWNER, sheet: 'Mục tiêu', a1: `${'ABCDEF'[j]}${i + 2}`, value }),
      ),
    );
    return emu;
  }

  it('judges the year against annual and rate targets, in points for rates, and counts what is met', () => {
    const emu = withTargets();
    const summary = emu.run('rollUp', [{ ky: '2026' }]);
    expect(summary).toMatchObject({ chi_tieu_dat: '1/2 chỉ tiêu đạt và vượt' });
    const header = emu.sheets.values('Tổng hợp')[3]!;
    const at = (code: string, column: string) => row(emu, code)[header.indexOf(column)];
    expect([at('TC_HV_MOI', 'Chỉ tiêu'), at('TC_HV_MOI', 'Tỷ lệ đạt'), at('TC_HV_MOI', 'Đánh giá')]).toEqual([
      40,
      122.5,
      'Vượt',
    ]);
    expect([at('TC_HV_TL', 'Chỉ tiêu'), at('TC_HV_TL', 'Đánh giá')]).toEqual(['≥ 92%', 'Chưa đạt']);
    expect(emu.sheets.values('Tổng hợp')[2]![0]).toMatch(/^Qua đánh giá có 1\/2 chỉ tiêu đạt và vượt/);
    const verdictColumn = String.fromCharCode(65 + header.indexOf('Đánh giá'));
    const verdictRow = emu.sheets.values('Tổng hợp').findIndex((r) => r[0] === 'TC_HV_TL') + 1;
    expect(emu.sheets.formatted('Tổng hợp', `${verdictColumn}${verdictRow}`)).toMatchObject({
      background: '#f4c7c3',
    });
  });

  it('shows progress, not a verdict, for an annual target over half a year', () => {
    const emu = withTargets();
    emu.run('rollUp', [{ ky: '2026-H1' }]);
    const header = emu.sheets.values('Tổng hợp')[3]!;
    expect(row(emu, 'TC_HV_MOI')[header.indexOf('Đánh giá')]).toBe('Đang thực hiện');
  });
});

describe('the daily roll-up', () => {
  it('is installed once however often it is installed, and runs every morning', () => {
    const emu = district();
    emu.run('installSchedules');
    emu.run('installSchedules');
    const clocks = emu.triggers.list().filter((t) => t.eventType === 'CLOCK');
    expect(clocks.filter((t) => t.handler === 'rollUp')).toHaveLength(1);
    const fired = emu.tick(new Date('2026-07-04T08:00:00+07:00')).filter((f) => f.handler === 'rollUp');
    expect(fired.map((f) => [f.handler, f.ok])).toEqual([
      ['rollUp', true],
      ['rollUp', true],
    ]);
    expect(new Date(fired[0]!.at).getHours()).toBe(6);
    expect(emu.sheets.values('Tổng hợp')[0]![0]).toBe('TỔNG HỢP SỐ LIỆU NĂM 2026 – HỘI LHPN QUẬN HOÀNG MAI');
    expect(emu.run('removeSchedules')).toEqual({ da_go: clocks.length });
    expect(emu.tick(new Date('2026-07-06T08:00:00+07:00'))).toEqual([]);
  });

  it('a second run while one holds the lock waits, then says clearly that one is running', () => {
    const emu = district();
    let second: unknown = null;
    emu.ctx.faults.inject('Range.setValues', {
      hook: () => {
        try {
          emu.run('rollUp', [{ ky: '2026-Q1' }]);
        } catch (error) {
          second = (error as Error).message;
        }
      },
    });
    emu.run('rollUp', [{ ky: '2026-H1' }]);
    expect(second).toBe(
      'Không thể chạy "Tổng hợp": một tác vụ khác đang ghi vào bảng tính. Vui lòng thử lại sau ít phút.',
    );
    expect(emu.sheets.values('Tổng hợp')[0]![0]).toContain('6 THÁNG ĐẦU NĂM 2026');
  });

  it('costs the same service calls for 20 units as for 35, whatever the indicators: every unit tab in one read', () => {
    const calls = (units: number, allIndicators: boolean) => {
      const emu = setUpDistrict('2026-12-20T09:00:00+07:00', {
        ...threeUnits,
        don_vi: Array.from({ length: units }, (_, i) => ({
          ma: `U${i + 1}`,
          ten: `Phường ${i + 1}`,
          email: [`u${i + 1}@hoilhpn.vn`],
        })),
      });
      if (allIndicators) {
        switchOnAllIndicators(emu);
        emu.run('setUpWorkbook');
      }
      emu.ctx.log.clear();
      emu.run('rollUp', [{ ky: '2026' }]);
      return {
        total: emu.ctx.log.total(),
        reads: emu.ctx.log.count('Range.getValues'),
        batchReads: emu.ctx.log.count('Sheets.Spreadsheets.Values.batchGet'),
      };
    };
    // Both sizes are wider than a new tab's 26 columns, so both grow the grid once.
    const [small, large, full] = [calls(20, false), calls(35, false), calls(35, true)];
    expect(full).toEqual(large);
    // The unit tabs: one Sheets API read (Values.batchGet) for all of them; nothing else per unit.
    expect(large).toEqual(small);
    expect(large.batchReads).toBe(1);
    expect(large.reads).toBeLessThanOrEqual(6);
  });
});

describe('a roll-up run twice', () => {
  it('reads the same the second time (coverage "x/y" stays text without a visible apostrophe)', () => {
    const emu = setUpDistrict();
    enter(emu, DK, DK_TAB, 1, GOOD_Q1);
    emu.run('rollUp');
    const first = emu.sheets.values('Tổng hợp').slice(3);
    emu.run('rollUp');
    expect(emu.sheets.values('Tổng hợp').slice(3)).toEqual(first);
    expect(first.find((r) => r[0] === 'TC_HV')![6]).toBe('1/2');
  });
});
