import {
  DK,
  DK_TAB,
  enter,
  GOOD_Q1,
  OWNER,
  setUpDistrict,
  tickSubmit,
  TL,
  TL_TAB,
  valueOf,
} from '../support/district';

describe('Sang năm mới', () => {
  it('refuses while a typed value is not archived, naming the unit and quarter, and clears nothing', () => {
    const emu = setUpDistrict('2026-12-20T09:00:00+07:00');
    enter(emu, DK, DK_TAB, 1, GOOD_Q1);
    tickSubmit(emu, DK, DK_TAB, 1);
    enter(emu, DK, DK_TAB, 2, { TC_HV: 1420 });
    expect(() => emu.run('startNewYear')).toThrow(
      'Chưa thể sang năm mới: số liệu sau chưa được lưu trữ (cần nộp, hoặc quản trị viên sửa sau khi nộp): DK Quý II/2026 (1 giá trị). Chưa xóa gì.',
    );
    expect(valueOf(emu, DK_TAB, 'TC_HV', 2)).toBe(1420);
    expect(emu.sheets.values('Cấu hình').find((r) => r[0] === 'nam')![1]).toBe(2026);
  });

  it('clears the unit tabs for the next year once everything is archived, and loses nothing', () => {
    const emu = setUpDistrict('2026-12-20T09:00:00+07:00');
    enter(emu, DK, DK_TAB, 1, { ...GOOD_Q1, NT_NOI_BAT: 'Ra mắt CLB dân vũ' });
    enter(emu, DK, DK_TAB, 4, GOOD_Q1);
    enter(emu, TL, TL_TAB, 3, { TC_HV: 980, TC_HV_MOI: 12 });
    tickSubmit(emu, DK, DK_TAB, 1);
    tickSubmit(emu, DK, DK_TAB, 4);
    tickSubmit(emu, TL, TL_TAB, 3);
    const typed = JSON.stringify([
      emu.run('exportData', [{ ky: '2026-Q1' }]),
      emu.run('exportData', [{ ky: '2026-Q3' }]),
    ]);
    const archiveBefore = emu.sheets.values('Lưu trữ');

    expect(emu.run('startNewYear', [], { user: OWNER })).toEqual({
      nam_cu: 2026,
      nam_moi: 2027,
      so_don_vi: 2,
    });

    expect(emu.sheets.values('Lưu trữ').slice(0, archiveBefore.length)).toEqual(archiveBefore);
    const archived = emu.sheets.values('Lưu trữ').slice(1);
    for (const [code, value] of Object.entries(GOOD_Q1)) {
      expect(archived.find((r) => r[0] === 'DK' && r[1] === '2026-Q1' && r[2] === code)![3]).toBe(value);
    }
    expect(archived.find((r) => r[2] === 'NT_NOI_BAT')![3]).toBe('Ra mắt CLB dân vũ');
    expect(typed).toContain('TL,2026-Q3,TC_HV_MOI,12');

    const tab = emu.sheets.values(DK_TAB);
    expect(tab[0]![0]).toBe('Hội LHPN phường Đại Kim – số liệu năm 2027');
    expect(valueOf(emu, DK_TAB, 'TC_HV', 1)).toBe('');
    expect(tab[4]!.slice(3, 7)).toEqual([false, false, false, false]);
    expect(emu.sheets.values('Tiến độ').find((r) => r[0] === 'DK')![4]).toBe('Chưa đến kỳ');
    expect(emu.sheets.values('Nhật ký').some((r) => r[2] === 'Sang năm mới')).toBe(true);
    // The new year is open for typing again, the old quarter locks are gone.
    emu.tick(new Date('2027-01-05T08:00:00+07:00'));
    expect(enter(emu, DK, DK_TAB, 1, { TC_HV: 1430 })).toBeUndefined();
  });

  it("compares the new year's Quý I with last year's Quý IV from Lưu trữ", () => {
    const emu = setUpDistrict('2026-12-20T09:00:00+07:00');
    enter(emu, DK, DK_TAB, 4, GOOD_Q1);
    tickSubmit(emu, DK, DK_TAB, 4);
    emu.run('startNewYear', [], { user: OWNER });
    emu.tick(new Date('2027-04-02T08:00:00+07:00'));
    enter(emu, DK, DK_TAB, 1, { ...GOOD_Q1, TC_HV: 900, TC_HV_HP: 900, TC_HV_SHTX: 800, TC_HV_NC: 300 });
    tickSubmit(emu, DK, DK_TAB, 1);
    const log = emu.sheets.values('Nhật ký').find((r) => r[2] === 'Nộp số liệu Quý I/2027')!;
    expect(log[6]).toMatch(/Tổng số hội viên thay đổi hơn 30% so với quý trước \(chênh lệch 512/);
  });

  it('is for admins only', () => {
    const emu = setUpDistrict();
    expect(() => emu.run('startNewYear', [], { user: DK })).toThrow(
      `Chỉ quản trị viên mới được chuyển sang năm mới (${DK}).`,
    );
  });
});

describe('Sang năm mới under interruptions', () => {
  const nam = (emu: ReturnType<typeof setUpDistrict>) =>
    emu.sheets.values('Cấu hình').find((r) => r[0] === 'nam')![1];

  it('a run Google stops in its setup, after the year moved, is finished by the rerun, never a year skipped', () => {
    const emu = setUpDistrict('2026-12-20T09:00:00+07:00');
    enter(emu, DK, DK_TAB, 1, GOOD_Q1);
    tickSubmit(emu, DK, DK_TAB, 1);
    // The setup runs under the rollover's lock, after the tabs are cleared and the year moved: the
    // spreadsheet's settings are its first step.
    emu.ctx.faults.inject('Spreadsheet.getSpreadsheetLocale', { nth: 1, kind: 'hardEnd' });
    expect(() => emu.run('startNewYear', [], { user: OWNER })).toThrow(
      /^We're sorry, a server error occurred/,
    );
    expect(nam(emu)).toBe(2027);
    expect(emu.sheets.values(DK_TAB)[0]![0]).toBe('Hội LHPN phường Đại Kim – số liệu năm 2026');
    expect(emu.run('startNewYear', [], { user: OWNER })).toEqual({
      nam_cu: 2026,
      nam_moi: 2027,
      so_don_vi: 2,
    });
    expect(nam(emu)).toBe(2027);
    expect(emu.sheets.values(DK_TAB)[0]![0]).toBe('Hội LHPN phường Đại Kim – số liệu năm 2027');
    expect(
      emu.sheets
        .values('Nhật ký')
        .some((r) => r[2] === 'Sang năm mới: hoàn tất lần trước bị dừng giữa chừng'),
    ).toBe(true);
    // Done: asked again in 2026, the year does not move two years ahead.
    expect(() => emu.run('startNewYear', [], { user: OWNER })).toThrow(
      'Các trang đơn vị đã ở năm 2027; năm 2028 còn chưa tới nên chưa thể sang năm mới. Chưa thay đổi gì.',
    );
    expect(nam(emu)).toBe(2027);
  });
});
