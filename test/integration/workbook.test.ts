import { sampleConfig } from '../support/product';
import { DK, DK_TAB, enter, OWNER, setUpDistrict, TL, TL_TAB, type, valueOf } from '../support/district';

const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

describe('unit entry tabs', () => {
  it('hold every active entered indicator, grouped in sections, with units and a note on what to count', () => {
    const emu = setUpDistrict();
    const rows = emu.sheets.values(DK_TAB);
    expect(rows[0]![0]).toBe('Hội LHPN phường Đại Kim – số liệu năm 2026');
    expect(rows[2]).toEqual(['Mã', 'Chỉ tiêu', 'ĐVT', 'Quý I', 'Quý II', 'Quý III', 'Quý IV', 'Ghi chú']);
    expect(rows.find((r) => r[0] === 'I. TỔ CHỨC HỘI, HỘI VIÊN')).toBeDefined();
    expect(rows.find((r) => r[0] === 'TC_HV')!.slice(1, 3)).toEqual(['Tổng số hội viên', 'người']);
    expect(rows.find((r) => r[0] === 'UT_DUNO')![2]).toBe('triệu đồng');
    // Ratios are computed, not typed; narratives close the tab.
    expect(rows.find((r) => r[0] === 'TC_HV_TL')).toBeUndefined();
    expect(rows.slice(-3).map((r) => r[1])).toEqual([
      'Kết quả nổi bật',
      'Tồn tại, hạn chế',
      'Đề xuất, kiến nghị',
    ]);
    const notes = emu.execute(() =>
      (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
        .getActiveSpreadsheet()
        .getSheetByName(DK_TAB)!
        .getRange('B7')
        .getNote(),
    );
    expect(notes).toContain('Số liệu tại thời điểm cuối quý');
  });

  it('let an officer edit only their own input cells', () => {
    const emu = setUpDistrict();
    expect(type(emu, DK, DK_TAB, 'TC_HV', 1, 1412)).toMatchObject({ accepted: true });
    expect(type(emu, TL, DK_TAB, 'TC_HV', 1, 9999)).toEqual({ accepted: false, message: PROTECTED });
    expect(emu.sheets.userEdit({ as: DK, sheet: DK_TAB, a1: 'B7', value: 'đổi tên' })).toMatchObject({
      accepted: false,
      message: PROTECTED,
    });
    expect(emu.sheets.userEdit({ as: DK, sheet: 'Cấu hình', a1: 'B2', value: 'x' }).accepted).toBe(false);
    expect(valueOf(emu, DK_TAB, 'TC_HV', 1)).toBe(1412);
  });

  it('refuse invalid values with Vietnamese help text', () => {
    const emu = setUpDistrict();
    expect(type(emu, DK, DK_TAB, 'TC_HV', 1, -5)).toEqual({
      accepted: false,
      message: 'Nhập số nguyên không âm (người), ví dụ 1.412.',
    });
    expect(type(emu, DK, DK_TAB, 'UT_DUNO', 1, 'nhiều')).toEqual({
      accepted: false,
      message: 'Nhập số tiền (triệu đồng) không âm, ví dụ 36,8.',
    });
    expect(type(emu, DK, DK_TAB, 'TD_XEP_LOAI', 1, 'Giỏi').message).toMatch(/^Chọn một mức trong danh sách:/);
    expect(type(emu, DK, DK_TAB, 'TD_XEP_LOAI', 1, 'Hoàn thành tốt nhiệm vụ').accepted).toBe(true);
  });

  it('keep typed data, notes and narratives when setup runs again', () => {
    const emu = setUpDistrict();
    enter(emu, DK, DK_TAB, 1, { TC_HV: 1412, NT_NOI_BAT: '- Tổ chức 5 buổi sinh hoạt chuyên đề' });
    emu.run('setUpWorkbook');
    expect(valueOf(emu, DK_TAB, 'TC_HV', 1)).toBe(1412);
    expect(valueOf(emu, DK_TAB, 'NT_NOI_BAT', 1)).toBe('- Tổ chức 5 buổi sinh hoạt chuyên đề');
    expect(type(emu, DK, DK_TAB, 'TC_HV', 2, 1420).accepted).toBe(true);
  });

  it('keep a switched-off indicator that holds data, marked as no longer followed', () => {
    const emu = setUpDistrict();
    enter(emu, DK, DK_TAB, 1, { TT_CUOC: 12 });
    const row = emu.sheets.values('Chỉ tiêu').findIndex((r) => r[0] === 'TT_CUOC') + 1;
    expect(emu.sheets.userEdit({ as: OWNER, sheet: 'Chỉ tiêu', a1: `K${row}`, value: false }).accepted).toBe(
      true,
    );
    emu.run('setUpWorkbook');
    const kept = emu.sheets.values(DK_TAB).find((r) => r[0] === 'TT_CUOC')!;
    expect(kept[1]).toMatch(/\(ngừng theo dõi\)$/);
    expect(kept[3]).toBe(12);
    expect(emu.sheets.values(TL_TAB).find((r) => r[0] === 'TT_CUOC')).toBeUndefined();
  });

  it('a new unit gets its tab; a unit no longer configured keeps its tab and data', () => {
    const emu = setUpDistrict();
    enter(emu, TL, TL_TAB, 1, { TC_HV: 980 });
    const config = sampleConfig({
      don_vi: [
        { ma: 'DK', ten: 'Hội LHPN phường Đại Kim', email: [DK] },
        { ma: 'GB', ten: 'Hội LHPN phường Giáp Bát', email: ['giapbat@hoilhpn.vn'] },
      ],
    });
    const result = emu.run('setUpWorkbook', [config]) as { so_don_vi: number; trang_tinh: string[] };
    expect(result.so_don_vi).toBe(2);
    expect(result.trang_tinh).toContain('GB - phường Giáp Bát');
    expect(valueOf(emu, TL_TAB, 'TC_HV', 1)).toBe(980);
    expect(emu.sheets.values('Đơn vị').find((r) => r[0] === 'TL')![3]).toBe(false);
    // Its history stays, read-only for its former officers.
    expect(type(emu, TL, TL_TAB, 'TC_HV', 2, 990).accepted).toBe(false);
  });
});

describe('the catalogue tab', () => {
  it('refuses a typing mistake in Chỉ tiêu with its row, and setup changes nothing', () => {
    const emu = setUpDistrict();
    emu.sheets.userEdit({ as: OWNER, sheet: 'Chỉ tiêu', a1: 'E3', value: 'Z' });
    const before = emu.sheets.values(DK_TAB);
    expect(() => emu.run('setUpWorkbook')).toThrow(
      'Trang "Chỉ tiêu" có dòng không hợp lệ: Dòng 3 (TC_HV): loại "Z" không hợp lệ, phải là một trong S, F, R, C, K, S/F, L',
    );
    expect(emu.sheets.values(DK_TAB)).toEqual(before);
  });
});

describe('levels', () => {
  it('a commune workbook has branch tabs with the words of its level and only what branches enter', () => {
    const emu = setUpDistrict(
      '2026-04-03T09:00:00+07:00',
      sampleConfig({
        ten_don_vi: 'Hội LHPN xã Đức Xương',
        cap: 'xa',
        dia_danh: 'Đức Xương',
        don_vi: [{ ma: 'CH01', ten: 'Chi hội thôn Lương Xá', email: ['luongxa@hoilhpn.vn'] }],
      }),
    );
    expect(emu.sheets.values('Đơn vị')[0]!.slice(0, 2)).toEqual(['Mã chi hội', 'Tên chi hội']);
    const tab = emu.sheets.values('CH01 - Chi hội thôn Lương Xá');
    expect(tab[1]![0]).toBe('Mã chi hội: CH01. Cán bộ nhập số liệu: luongxa@hoilhpn.vn');
    const codes = tab.map((r) => r[0]);
    expect(codes).toContain('TC_HV');
    // Counted by the commune itself, not by its branches.
    expect(codes).not.toContain('TC_CHIHOI');
    expect(codes).not.toContain('UT_DUNO');
  });
});

describe('the menu', () => {
  it('refuses admin-only items to an officer with a clear message', () => {
    const emu = setUpDistrict();
    emu.sheets.userOpen({ as: DK });
    expect(() => emu.sheets.clickMenu('Hội LHPN > Khởi tạo / cập nhật bảng tính', { as: DK })).toThrow(
      `Chỉ quản trị viên mới được khởi tạo bảng tính (${DK}).`,
    );
  });
});
