/**
 * The province roll-up against workbooks run by the real bundle: each workbook is set up, filled
 * in and submitted in the emulator, its own roll-up is computed by the bundle (exportRollUp), and
 * its tabs are served by the fake Google to the province command.
 */
import type { Emulator } from '../../scripts/emulator';
import '../../scripts/google/csvText';
import { defaultCatalogue } from '../../src/domain/catalogue';
import { parseCsv } from '../../src/domain/csv';
import { periodSpec } from '../../src/domain/periodSpec';
import { UserError } from '../../scripts/google/errors';
import { formatCoverage, provinceRollUp } from '../../scripts/google/provinceRollUp';
import { provinceTabName, writeProvinceSheet } from '../../scripts/google/provinceSheet';
import type { ProvisionState, UnitState } from '../../scripts/google/state';
import { cellOf, DK, DK_TAB, enter, OWNER, setUpDistrict, TL, TL_TAB, tickSubmit } from '../support/district';
import { sampleConfig } from '../support/product';
import { FakeGoogle } from './fakeGoogle';
import { fakeApis, virtualRequests } from './support';

const GB = 'giapbat@hoilhpn.vn';
const GB_TAB = 'GB - phường Giáp Bát';
const DK2 = 'daikim.tx@hoilhpn.vn';
const KY = '2026-H1';

/** Hoàng Mai: Đại Kim reports both quarters, Thịnh Liệt only Quý I (its stock is Quý I's). */
function hoangMai(): Emulator {
  const emu = setUpDistrict('2026-07-02T08:00:00+07:00');
  enter(emu, DK, DK_TAB, 1, { TC_PN18: 1500, TC_HV: 1400, TC_HV_MOI: 20, TC_HV_GIAM: 3, TC_HV_NC: 300 });
  enter(emu, DK, DK_TAB, 2, { TC_PN18: 1525, TC_HV: 1412, TC_HV_MOI: 17, TC_HV_GIAM: 5, TC_HV_NC: 335 });
  enter(emu, TL, TL_TAB, 1, { TC_PN18: 1100, TC_HV: 980, TC_HV_MOI: 12, TC_HV_GIAM: 2, TC_HV_NC: 250 });
  submit(emu, [
    [DK, DK_TAB, 1],
    [DK, DK_TAB, 2],
    [TL, TL_TAB, 1],
  ]);
  return emu;
}

/** A second district whose first unit has the same code, DK: workbook codes keep them apart. */
function thanhXuan(): Emulator {
  const config = sampleConfig({
    ten_don_vi: 'Hội LHPN quận Thanh Xuân',
    dia_danh: 'Thanh Xuân',
    don_vi: [
      { ma: 'DK', ten: 'Hội LHPN phường Đại Kim', email: [DK2] },
      { ma: 'GB', ten: 'Hội LHPN phường Giáp Bát', email: [GB] },
    ],
  });
  const emu = setUpDistrict('2026-07-02T08:00:00+07:00', config);
  enter(emu, DK2, DK_TAB, 1, { TC_PN18: 2000, TC_HV: 1800, TC_HV_MOI: 40, TC_HV_GIAM: 6, TC_HV_NC: 500 });
  enter(emu, GB, GB_TAB, 2, { TC_PN18: 900, TC_HV: 700, TC_HV_MOI: 9, TC_HV_GIAM: 1, TC_HV_NC: 150 });
  submit(emu, [
    [DK2, DK_TAB, 1],
    [GB, GB_TAB, 2],
  ]);
  return emu;
}

function submit(emu: Emulator, quarters: Array<[string, string, number]>): void {
  for (const [email, tab, quarter] of quarters) {
    expect(tickSubmit(emu, email, tab, quarter).accepted).toBe(true);
  }
  // Submission runs in the edit trigger; what it archived is what the province reads.
  expect(emu.sheets.values('Lưu trữ').length).toBeGreaterThan(1);
}

/** Sheets' serial number of a date (the API's SERIAL_NUMBER rendering). */
function serial(value: unknown): unknown {
  return value instanceof Date ? (value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : value;
}

/** The workbook's three tabs as the fake Google serves them. */
function serve(fake: FakeGoogle, emu: Emulator, title: string): string {
  const tab = (name: string) => emu.sheets.values(name).map((row) => row.map(serial));
  return fake.addSpreadsheet(title, {
    'Cấu hình': tab('Cấu hình'),
    'Đơn vị': tab('Đơn vị'),
    'Lưu trữ': tab('Lưu trữ'),
  });
}

function unit(code: string, spreadsheetId?: string, level: UnitState['level'] = 'huyen'): UnitState {
  return { code, name: `Hội LHPN ${code}`, level, title: `Báo cáo ${code}`, spreadsheetId, sharedWith: [] };
}

/** rows of a long CSV by unit and code. */
function rowsOf(csv: string): Map<string, string> {
  const rows = parseCsv(csv);
  expect(rows[0]).toEqual(['don_vi', 'ky', 'ma_chi_tieu', 'gia_tri']);
  return new Map(rows.slice(1).map((r) => [`${r[0]}|${r[2]}`, r[3]!]));
}

function totals(csv: string, unitCode = 'TONG'): Map<string, number> {
  return new Map(
    [...rowsOf(csv)]
      .filter(([key]) => key.startsWith(`${unitCode}|`))
      .map(([key, v]) => [key.slice(unitCode.length + 1), Number(v)]),
  );
}

let fake: FakeGoogle;
let hm: Emulator;
let tx: Emulator;

beforeAll(() => {
  hm = hoangMai();
  tx = thanhXuan();
});

beforeEach(async () => {
  fake = await FakeGoogle.start();
});

afterEach(async () => {
  await fake.close();
});

async function rollUp(units: UnitState[], ky = KY) {
  const state: ProvisionState = { version: 1, units };
  return provinceRollUp(fakeApis(fake), virtualRequests().requests, state, periodSpec(ky), {
    concurrency: 3,
  });
}

describe('npm run province', () => {
  it("equals the sum of the workbooks' own roll-ups, computed by the bundle, with ratios recomputed", async () => {
    const ownHm = emuRollUp(hm);
    const ownTx = emuRollUp(tx);
    const result = await rollUp([
      unit('HM', serve(fake, hm, 'Hoàng Mai')),
      unit('TX', serve(fake, tx, 'Thanh Xuân')),
    ]);
    expect(fake.count('values.batchGet')).toBe(2);
    expect(fake.rejected).toEqual([]);

    // Each workbook's row is exactly the TONG its bundle computes.
    expect(totals(result.csv, 'HM')).toEqual(totals(ownHm));
    expect(totals(result.csv, 'TX')).toEqual(totals(ownTx));

    const province = totals(result.csv);
    const hmTotals = totals(ownHm);
    const txTotals = totals(ownTx);
    expect([...province.keys()].sort()).toEqual(
      [...new Set([...hmTotals.keys(), ...txTotals.keys()])].sort(),
    );
    const catalogue = new Map(defaultCatalogue().map((i) => [i.code, i]));
    const sum = (code: string) => (hmTotals.get(code) ?? 0) + (txTotals.get(code) ?? 0);
    for (const [code, value] of province) {
      const indicator = catalogue.get(code)!;
      if (indicator.type === 'R') {
        // Every unit here has both parts, so Σ numerator / Σ denominator is the ratio of the totals.
        expect([code, value]).toEqual([
          code,
          expect.closeTo(sum(indicator.numerator) / sum(indicator.denominator), 12),
        ]);
      } else if (indicator.acrossUnits === 'MAX') {
        expect([code, value]).toEqual([
          code,
          Math.max(hmTotals.get(code) ?? -Infinity, txTotals.get(code) ?? -Infinity),
        ]);
      } else {
        // SUM, and the counts of units (COUNT_IF, COUNT_BY_CLASS), add up.
        expect([code, value]).toEqual([code, sum(code)]);
      }
    }
    expect([...province.keys()]).toEqual(
      expect.arrayContaining(['TC_HV', 'TC_PN18', 'TC_HV_MOI', 'TC_HV_TL', 'TC_HV_NC_TL', 'TC_COSO_TH50']),
    );
    expect(province.get('TC_COSO_TH50')).toBe(4);
    // Stocks: each unit's last quarter (Thịnh Liệt's Quý I), then the sum: 1412 + 980 + 1800 + 700.
    expect(province.get('TC_HV')).toBe(4892);
    expect(province.get('TC_HV_MOI')).toBe(20 + 17 + 12 + 40 + 9);
    // Ratios: Σ numerators / Σ denominators over the units, never an average of the workbooks' rates.
    expect(province.get('TC_HV_TL')).toBeCloseTo(4892 / (1525 + 1100 + 2000 + 900), 12);
    expect(province.get('TC_HV_TL')).toBeCloseTo(
      (hmTotals.get('TC_HV')! + txTotals.get('TC_HV')!) /
        (hmTotals.get('TC_PN18')! + txTotals.get('TC_PN18')!),
      12,
    );
    expect(result.total.byCode.TC_HV!.total!.coverage).toEqual({ reported: 4, expected: 4 });
    expect(formatCoverage(result)).toBe(
      '6 tháng đầu năm 2026: số liệu đã nộp (Lưu trữ) của 2/2 bảng tính, 4 đơn vị.',
    );
  });

  it('lists every workbook that gave nothing, with the reason, and never counts it as zero', async () => {
    const hmId = serve(fake, hm, 'Hoàng Mai');
    const txId = serve(fake, tx, 'Thanh Xuân');
    const fresh = fake.addSpreadsheet('Chưa khởi tạo', {
      'Cấu hình': [['Khóa', 'Giá trị', 'Ý nghĩa']],
      'Đơn vị': [],
    });
    const denied = serve(fake, tx, 'Không chia sẻ');
    fake.fail({
      endpoint: 'values.batchGet',
      when: (r) => r.fileId === denied,
      status: 403,
      times: Infinity,
      message: 'The caller does not have permission',
    });
    const flaky = serve(fake, hm, 'Chập chờn');
    fake.fail({ endpoint: 'values.batchGet', when: (r) => r.fileId === flaky, status: 503, times: Infinity });

    const both = await rollUp([unit('HM', hmId), unit('TX', txId)]);
    const result = await rollUp([
      unit('HM', hmId),
      unit('GONE', 'sheet-999999'),
      unit('TX', txId),
      unit('NEW'),
      unit('FRESH', fresh),
      unit('DENIED', denied),
      unit('FLAKY', flaky),
    ]);
    expect(result.answered.map((w) => w.code)).toEqual(['HM', 'TX']);
    expect(Object.fromEntries(result.missing.map((w) => [w.code, w.reason]))).toEqual({
      GONE: expect.stringMatching(/^không tìm thấy bảng tính \(đã bị xóa\?\): HTTP 404/),
      NEW: 'chưa có bảng tính (chưa cấp phát xong)',
      FRESH: expect.stringMatching(
        /^bảng tính chưa được khởi tạo \(thiếu trang "Cấu hình", "Đơn vị", "Lưu trữ"\): HTTP 400/,
      ),
      DENIED: expect.stringMatching(/^không có quyền đọc bảng tính: HTTP 403/),
      FLAKY: expect.stringMatching(/^HTTP 503 .* \(đã thử 7 lần\)$/),
    });
    // The same totals as the two workbooks that answered, no row for the others.
    expect(result.csv.replace(/^(HM|TX|TONG),/gm, '')).toBe(both.csv.replace(/^(HM|TX|TONG),/gm, ''));
    expect(result.csv).not.toMatch(/^(GONE|NEW|FRESH|DENIED|FLAKY),/m);
    expect(result.total.byCode.TC_HV!.total!.coverage).toEqual({ reported: 4, expected: 4 });
    // One request per provisioned workbook (the flaky one tried 7 times).
    expect(fake.count('values.batchGet', 'any') - 2).toBe(5 + 7);
    const text = formatCoverage(result);
    expect(text).toContain('của 2/7 bảng tính');
    expect(text).toContain('Không có số liệu từ 5 bảng tính (không tính là 0):');
    expect(text).toContain('  NEW Hội LHPN NEW: chưa có bảng tính (chưa cấp phát xong)');
  });

  it('reads what was submitted: a figure typed but not submitted is not in it yet, a correction is', async () => {
    const emu = hoangMai();
    // Typed, not submitted: the workbook's own live roll-up counts it, the province does not.
    enter(emu, TL, TL_TAB, 2, { TC_HV_MOI: 15 });
    // Corrected by an admin after submission: archived again, the later value wins everywhere.
    expect(
      emu.sheets.userEdit({ as: OWNER, sheet: DK_TAB, a1: cellOf(emu, DK_TAB, 'TC_HV', 2), value: 1420 })
        .accepted,
    ).toBe(true);
    const result = await rollUp([unit('HM', serve(fake, emu, 'Hoàng Mai'))]);
    const own = totals(emuRollUp(emu));
    const province = totals(result.csv);
    expect(own.get('TC_HV_MOI')).toBe(20 + 17 + 12 + 15);
    expect(province.get('TC_HV_MOI')).toBe(20 + 17 + 12);
    expect(own.get('TC_HV')).toBe(1420 + 980);
    expect(province.get('TC_HV')).toBe(1420 + 980);
  });

  it('refuses workbooks of different levels, and leaves out one whose Cấu hình says another level', async () => {
    await expect(rollUp([unit('HM', 'a', 'huyen'), unit('X1', 'b', 'xa')])).rejects.toThrow(UserError);
    await expect(rollUp([unit('HM', 'a', 'huyen'), unit('X1', 'b', 'xa')])).rejects.toThrow(
      'Các bảng tính khác cấp, không tổng hợp chung được: huyen (1: HM); xa (1: X1).',
    );
    const result = await rollUp([unit('HM', serve(fake, hm, 'Hoàng Mai'), 'xa')]);
    expect(result.missing).toEqual([
      expect.objectContaining({
        code: 'HM',
        reason: expect.stringContaining('Cấu hình ghi cấp "huyen", khác cấp "xa"'),
      }),
    ]);
  });

  it('writes into a province Sheet in three requests, replacing what an earlier run wrote', async () => {
    const target = fake.addSpreadsheet('Tổng hợp tỉnh', { 'Trang tính1': [] });
    const apis = fakeApis(fake);
    const { requests } = virtualRequests();
    const long = await rollUp([
      unit('HM', serve(fake, hm, 'Hoàng Mai')),
      unit('TX', serve(fake, tx, 'Thanh Xuân')),
      unit('NEW'),
    ]);
    const before = fake.log.length;
    const tab = await writeProvinceSheet(apis, requests, target, long);
    expect(tab).toBe(provinceTabName(long));
    expect(tab).toBe('Tổng hợp 2026-H1');
    expect(fake.log.length - before).toBe(3);
    const values = fake.tabValues(target, tab);
    const csvRows = parseCsv(long.csv);
    expect(values.map((r) => r.slice(0, 4)).slice(0, csvRows.length)).toEqual(
      csvRows.map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], Number(r[3])])),
    );
    expect(values.slice(0, 4).map((r) => r.slice(5, 9))).toEqual([
      ['Bảng tính', 'Tên', 'Số đơn vị', 'Số liệu'],
      ['HM', 'Hội LHPN HM', 2, 'Có (đã nộp)'],
      ['TX', 'Hội LHPN TX', 2, 'Có (đã nộp)'],
      ['NEW', 'Hội LHPN NEW', '', 'Không có, không tính là 0: chưa có bảng tính (chưa cấp phát xong)'],
    ]);

    const short = await rollUp([unit('HM', serve(fake, hm, 'Hoàng Mai'))]);
    await writeProvinceSheet(apis, requests, target, short);
    const after = fake.tabValues(target, tab).filter((r) => r.some((v) => v !== ''));
    expect(after).toHaveLength(parseCsv(short.csv).length);
    expect(fake.rejected).toEqual([]);
  });
});

function emuRollUp(emu: Emulator): string {
  return emu.run('exportRollUp', [{ ky: KY }]) as string;
}
