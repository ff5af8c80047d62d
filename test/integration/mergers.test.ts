import type { Emulator } from '../../scripts/emulator';
import { sampleConfig } from '../support/product';
import { cellOf, setUpDistrict, tickSubmit } from '../support/district';

const OLD = ['A', 'B', 'C'];
const MERGED = '(hợp nhất từ xã A, xã B và xã C)';
const officer = (code: string) => `${code.toLowerCase()}@hoilhpn.vn`;
const commune = (ma: string, extra: Record<string, unknown> = {}) => ({
  ma,
  ten: `Hội LHPN xã ${ma}`,
  email: [officer(ma)],
  ...extra,
});
const tabOf = (emu: Emulator, code: string) =>
  String(emu.sheets.values('Đơn vị').find((r) => r[0] === code)![4]);

/** One row per value: new members `moi` a quarter, members growing by them, 1.000 women. */
function csv(rows: Array<[string, string, number]>): string {
  const lines = ['don_vi,ky,ma_chi_tieu,gia_tri'];
  for (const [unit, ky, moi] of rows) {
    lines.push(`${unit},${ky},TC_PN18,1000`, `${unit},${ky},TC_HV,800`, `${unit},${ky},TC_HV_MOI,${moi}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A district of four communes from April 2025; on 1 July 2025 A, B and C merge into XM, the
 * district union is dissolved and the communes report to the province. 2024 came in as history.
 */
function reform(): { emu: Emulator; archiveBefore: unknown[][] } {
  const district = sampleConfig({
    ten_don_vi: 'Hội LHPN huyện Gia Lộc',
    dia_danh: 'Gia Lộc',
    don_vi: [...OLD, 'D'].map((ma) => commune(ma)),
  });
  const emu = setUpDistrict('2025-04-02T09:00:00+07:00', district);
  const units = [...OLD, 'D'];
  emu.run('importCsv', [
    {
      csv: csv(
        units.flatMap((u) =>
          ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'].map((ky) => [u, ky, 2] as [string, string, number]),
        ),
      ),
    },
  ]);
  emu.run('importCsv', [{ csv: csv(units.map((u) => [u, '2025-Q1', 3])) }]);
  for (const u of units) tickSubmit(emu, officer(u), tabOf(emu, u), 1);
  emu.tick(new Date('2025-06-30T15:00:00+07:00'));
  emu.run('importCsv', [{ csv: csv(units.map((u) => [u, '2025-Q2', 4])) }]);
  for (const u of units) tickSubmit(emu, officer(u), tabOf(emu, u), 2);
  const archiveBefore = emu.sheets.values('Lưu trữ');

  emu.tick(new Date('2025-07-05T09:00:00+07:00'));
  // Until the new configuration is installed, A's officer still types in A's tab.
  const cell = cellOf(emu, tabOf(emu, 'A'), 'TC_HV_MOI', 3);
  expect(emu.sheets.userEdit({ as: officer('A'), sheet: tabOf(emu, 'A'), a1: cell, value: 1 }).accepted).toBe(
    true,
  );
  emu.sheets.userEdit({ as: officer('A'), sheet: tabOf(emu, 'A'), a1: cell, value: '' });
  const province = sampleConfig({
    ten_don_vi: 'Hội LHPN tỉnh Hải Dương',
    cap: 'tinh',
    dia_danh: 'Hải Dương',
    don_vi: [commune('XM', { hop_nhat_tu: OLD, ngay_hop_nhat: '2025-07-01' }), commune('D')],
  });
  emu.run('setUpWorkbook', [province]);
  emu.drive.share(emu.sheets.activeSpreadsheetId(), officer('XM'), 'EDIT');
  emu.tick(new Date('2025-10-02T09:00:00+07:00'));
  emu.run('importCsv', [
    {
      csv: csv([
        ['XM', '2025-Q3', 10],
        ['D', '2025-Q3', 5],
      ]),
    },
  ]);
  emu.tick(new Date('2026-01-03T09:00:00+07:00'));
  emu.run('importCsv', [
    {
      csv: csv([
        ['XM', '2025-Q4', 11],
        ['D', '2025-Q4', 5],
      ]),
    },
  ]);
  for (const u of ['XM', 'D']) {
    tickSubmit(emu, officer(u), tabOf(emu, u), 3);
    tickSubmit(emu, officer(u), tabOf(emu, u), 4);
  }
  emu.tick(new Date('2026-01-15T09:00:00+07:00'));
  return { emu, archiveBefore };
}

describe('a commune formed on 1 July 2025 from three', () => {
  let emu: Emulator;
  let archiveBefore: unknown[][];
  beforeAll(() => {
    ({ emu, archiveBefore } = reform());
  });

  it('records the merger and the change of level, rewrites nothing archived, keeps the old tabs read-only', () => {
    const units = emu.sheets.values('Đơn vị');
    expect(units[0]!.slice(5)).toEqual(['Hợp nhất từ (mã các cơ sở tiền thân)', 'Ngày hợp nhất']);
    const xm = units.find((r) => r[0] === 'XM')!;
    expect(xm[5]).toBe('A, B, C');
    expect(new Date(xm[6] as string).getDate()).toBe(1);
    expect(units.filter((r) => OLD.includes(String(r[0]))).map((r) => r[3])).toEqual([false, false, false]);

    const log = emu.sheets.values('Nhật ký');
    expect(log.find((r) => r[2] === 'Đổi cấp của bảng tính')!.slice(3)).toEqual([
      'Cấu hình',
      'cap',
      'huyen',
      'tinh',
    ]);
    expect(log.find((r) => r[2] === 'Hợp nhất đơn vị')![6]).toBe(
      'XM hợp nhất từ A, B, C, có hiệu lực từ ngày 01/07/2025',
    );

    expect(emu.sheets.values('Lưu trữ').slice(0, archiveBefore.length)).toEqual(archiveBefore);
    expect(emu.sheets.values('Lưu trữ').some((r) => r[0] === 'XM' && String(r[1]) < '2025-Q3')).toBe(false);

    // The old communes' tabs stay with their figures, and their officers can no longer change them.
    const tab = tabOf(emu, 'A');
    expect(
      emu.sheets
        .values(tab)
        .find((r) => r[0] === 'TC_HV_MOI')!
        .slice(3, 5),
    ).toEqual([3, 4]);
    const edit = emu.sheets.userEdit({
      as: officer('A'),
      sheet: tab,
      a1: cellOf(emu, tab, 'TC_HV_MOI', 3),
      value: 1,
    });
    expect(edit.accepted).toBe(false);
  });

  it('refuses figures of an old commune after the merger', () => {
    expect(() => emu.run('importCsv', [{ csv: csv([['A', '2025-Q3', 1]]) }])).toThrow(
      /đơn vị A đã hợp nhất vào XM từ ngày 01\/07\/2025; số liệu từ quý này ghi cho XM/,
    );
  });

  it("gives an annual report that includes the predecessors' first half", () => {
    const { docId } = emu.run('createReport', [{ ky: '2025' }]) as { docId: string };
    const text = emu.documents.savedText(docId);
    // XM: 3 × (3 + 4) before the merger, 10 + 11 after; D: 3 + 4 + 5 + 5; the province: 42 + 17.
    const lines = text.split('\n');
    const row = lines.indexOf(`Hội LHPN xã XM ${MERGED}`);
    expect(lines.slice(row + 1, row + 5)).toEqual(['Đã nộp đủ 4 quý', '800', '42', '80%']);
    const members = lines.indexOf('Số hội viên kết nạp mới');
    expect(lines.slice(members + 2, members + 4)).toEqual(['59', '32']);
  });

  it('gives a term report that includes them, from the history of 2024', () => {
    const { docId } = emu.run('createReport', [{ ky: '2021-2026', tam_tinh: true }]) as { docId: string };
    const lines = emu.documents.savedText(docId).split('\n');
    const row = lines.indexOf(`Hội LHPN xã XM ${MERGED}`);
    // XM: 2024's 4 quarters × 2 × 3 old communes = 24, then 42 in 2025; submitted: their 8 quarters.
    expect(lines.slice(row + 1, row + 4)).toEqual(['Nộp 8/20 quý', '800', '66']);
    // New members of the province: 32 in 2024, 59 in 2025, 91 over the term so far.
    const members = lines.indexOf('Số hội viên kết nạp mới');
    expect(lines.slice(members + 2, members + 5)).toEqual(['32', '59', '91']);
  });

  it("takes an old commune's figures before the merger as its history, into Lưu trữ, not its tab", () => {
    const tab = emu.sheets.values(tabOf(emu, 'A'));
    emu.run('importCsv', [{ csv: 'don_vi,ky,ma_chi_tieu,gia_tri\nA,2025-Q2,TC_HV_GIAM,2\n' }]);
    expect(emu.sheets.values('Lưu trữ').at(-1)!.slice(0, 4)).toEqual(['A', '2025-Q2', 'TC_HV_GIAM', 2]);
    expect(emu.sheets.values(tabOf(emu, 'A'))).toEqual(tab);
  });
});
