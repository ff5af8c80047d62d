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
  type,
  valueOf,
} from '../support/district';

const rowOf = (rows: unknown[][], first: unknown) => rows.find((r) => r[0] === first)!;

describe('submitting a quarter with the "Nộp" box', () => {
  it('records who and when, archives the quarter, locks it for the officer and logs it', () => {
    const emu = setUpDistrict('2026-04-03T09:00:00+07:00');
    enter(emu, DK, DK_TAB, 1, { ...GOOD_Q1, NT_NOI_BAT: 'Ra mắt 2 mô hình mới' });
    // Setting up and typing take modelled minutes: the officer ticks at 09:30.
    emu.tick(new Date('2026-04-03T09:30:00+07:00'));
    expect(tickSubmit(emu, DK, DK_TAB, 1).accepted).toBe(true);
    expect(emu.sheets.triggerErrors()).toEqual([]);

    const progress = rowOf(emu.sheets.values('Tiến độ'), 'DK');
    expect(progress.slice(3, 5)).toEqual([DK, 'Đúng hạn']);
    expect(rowOf(emu.sheets.values('Tiến độ'), '')!.slice(2, 5)).toEqual(['', '', '1/2 đơn vị đã nộp']);
    expect(emu.sheets.values(DK_TAB)[3]![3]).toBe('Đã nộp 03/04/2026 09:30');

    const archive = emu.sheets.values('Lưu trữ').slice(1);
    expect(archive.find((r) => r[2] === 'TC_HV')!.slice(0, 4)).toEqual(['DK', '2026-Q1', 'TC_HV', 1412]);
    expect(archive.find((r) => r[2] === 'NT_NOI_BAT')![3]).toBe('Ra mắt 2 mô hình mới');
    expect(archive.every((r) => r[5] === DK && r[6] === 'Nộp số liệu')).toBe(true);

    expect(type(emu, DK, DK_TAB, 'TC_HV', 1, 1500).accepted).toBe(false);
    expect(valueOf(emu, DK_TAB, 'TC_HV', 1)).toBe(1412);
    expect(type(emu, DK, DK_TAB, 'TC_HV', 2, 1420).accepted).toBe(true);
    expect(emu.sheets.values('Nhật ký').some((r) => r[1] === DK && r[2] === 'Nộp số liệu Quý I/2026')).toBe(
      true,
    );
  });

  it('refuses a quarter that breaks an error rule, names the problem and puts the box back', () => {
    const emu = setUpDistrict();
    enter(emu, DK, DK_TAB, 1, { ...GOOD_Q1, TC_HV_MOI: 2000 });
    tickSubmit(emu, DK, DK_TAB, 1);
    const tab = emu.sheets.values(DK_TAB);
    expect(tab[4]![3]).toBe(false);
    expect(tab[3]![3]).toMatch(
      /^Chưa nộp được: Chưa nộp được số liệu Quý I\/2026 của Hội LHPN phường Đại Kim: Số hội viên kết nạp mới \(2\.000\) không được lớn hơn Tổng số hội viên \(1\.412\)/,
    );
    expect(rowOf(emu.sheets.values('Tiến độ'), 'DK')[4]).toBe('Chưa nộp');
    expect(type(emu, DK, DK_TAB, 'TC_HV_MOI', 1, 37).accepted).toBe(true);
  });

  it('accepts a quarter with only warnings and reports them', () => {
    const emu = setUpDistrict('2026-07-02T08:00:00+07:00');
    enter(emu, DK, DK_TAB, 1, GOOD_Q1);
    enter(emu, DK, DK_TAB, 2, { ...GOOD_Q1, TC_HV: 900, TC_HV_HP: 900, TC_HV_SHTX: 800, TC_HV_NC: 300 });
    tickSubmit(emu, DK, DK_TAB, 2);
    expect(rowOf(emu.sheets.values('Tiến độ'), 'DK')[7]).toBe('Đúng hạn');
    const log = emu.sheets.values('Nhật ký').find((r) => r[2] === 'Nộp số liệu Quý II/2026')!;
    expect(log[6]).toMatch(/^Cảnh báo: Tổng số hội viên thay đổi hơn 30% so với quý trước/);
  });

  it('marks a late submission and an overdue unit', () => {
    const emu = setUpDistrict('2026-04-15T10:00:00+07:00');
    enter(emu, DK, DK_TAB, 1, GOOD_Q1);
    tickSubmit(emu, DK, DK_TAB, 1);
    const progress = emu.sheets.values('Tiến độ');
    expect(rowOf(progress, 'DK')[4]).toBe('Trễ hạn');
    expect(rowOf(progress, 'TL')[4]).toBe('Quá hạn, chưa nộp');
    expect(emu.sheets.values(TL_TAB)[3]![3]).toBe('Quá hạn, chưa nộp (hạn 10/04/2026)');
  });

  it('an admin reopens by unticking; the officer can edit again; both are logged', () => {
    const emu = setUpDistrict();
    enter(emu, DK, DK_TAB, 1, GOOD_Q1);
    emu.tick(new Date('2026-04-03T09:30:00+07:00'));
    tickSubmit(emu, DK, DK_TAB, 1);
    expect(tickSubmit(emu, DK, DK_TAB, 1, false).accepted).toBe(false);
    expect(tickSubmit(emu, OWNER, DK_TAB, 1, false).accepted).toBe(true);
    expect(rowOf(emu.sheets.values('Tiến độ'), 'DK')[4]).toBe('Chưa nộp');
    expect(type(emu, DK, DK_TAB, 'TC_HV', 1, 1413).accepted).toBe(true);
    const log = emu.sheets.values('Nhật ký');
    const reopened = log.find((r) => r[2] === 'Mở lại số liệu Quý I/2026')!;
    expect(reopened[1]).toBe(OWNER);
    expect(reopened[5]).toMatch(new RegExp(`^Đã nộp 03/04/2026 09:30 bởi ${DK}$`));
    tickSubmit(emu, DK, DK_TAB, 1);
    const archived = emu.sheets.values('Lưu trữ').filter((r) => r[2] === 'TC_HV');
    expect(archived.map((r) => r[3])).toEqual([1412, 1413]);
  });

  it('a second admin (not the owner) edits everything and can reopen', () => {
    const emu = setUpDistrict();
    const deputy = 'phochutich@hoilhpn.vn';
    emu.drive.share(emu.sheets.activeSpreadsheetId(), deputy, 'EDIT');
    enter(emu, DK, DK_TAB, 1, GOOD_Q1);
    tickSubmit(emu, DK, DK_TAB, 1);
    expect(type(emu, deputy, DK_TAB, 'TC_HV', 1, 1413).accepted).toBe(true);
    expect(
      emu.sheets.userEdit({ as: deputy, sheet: 'Cấu hình', a1: 'B4', value: 'Hoàng Mai' }).accepted,
    ).toBe(true);
    tickSubmit(emu, deputy, DK_TAB, 1, false);
    expect(rowOf(emu.sheets.values('Tiến độ'), 'DK')[4]).toBe('Chưa nộp');
    expect(emu.sheets.values('Nhật ký').find((r) => r[2] === 'Mở lại số liệu Quý I/2026')![1]).toBe(deputy);
  });

  it('logs an admin paste across a submitted and an open quarter, archiving only the submitted one', () => {
    const emu = setUpDistrict('2026-07-02T08:00:00+07:00');
    enter(emu, DK, DK_TAB, 1, GOOD_Q1);
    tickSubmit(emu, DK, DK_TAB, 1);
    const row = emu.sheets.values(DK_TAB).findIndex((r) => r[0] === 'TC_HV') + 1;
    const paste = emu.sheets.userPaste({
      as: OWNER,
      sheet: DK_TAB,
      a1: `D${row}`,
      values: [
        [1415, 1420],
        [20, 21],
      ],
    });
    expect(paste.accepted).toBe(true);
    const log = emu.sheets.values('Nhật ký').find((r) => String(r[2]).startsWith('Sửa số liệu đã nộp'))!;
    expect(log.slice(2, 5)).toEqual(['Sửa số liệu đã nộp Quý I/2026', DK_TAB, `D${row}:E${row + 1}`]);
    const corrections = emu.sheets.values('Lưu trữ').filter((r) => r[6] === 'Sửa sau khi nộp');
    expect(corrections.map((r) => [r[1], r[2], r[3]])).toEqual([
      ['2026-Q1', 'TC_HV', 1415],
      ['2026-Q1', 'TC_HV_MOI', 20],
    ]);
  });

  it('handles a tick once even when two admins each installed the edit trigger', () => {
    const emu = setUpDistrict();
    const deputy = 'phochutich@hoilhpn.vn';
    emu.drive.share(emu.sheets.activeSpreadsheetId(), deputy, 'EDIT');
    emu.run('setUpWorkbook', [], { user: deputy });
    expect(emu.triggers.list().filter((t) => t.handler === 'onEditInstalled')).toHaveLength(2);
    enter(emu, DK, DK_TAB, 1, GOOD_Q1);
    emu.tick(new Date('2026-04-03T09:30:00+07:00'));
    tickSubmit(emu, DK, DK_TAB, 1);
    expect(emu.sheets.values(DK_TAB)[4]![3]).toBe(true);
    expect(emu.sheets.values(DK_TAB)[3]![3]).toBe('Đã nộp 03/04/2026 09:30');
    expect(emu.sheets.values('Nhật ký').filter((r) => r[2] === 'Nộp số liệu Quý I/2026')).toHaveLength(1);
  });

  it('logs an admin correction of a submitted value and archives the new value', () => {
    const emu = setUpDistrict();
    enter(emu, DK, DK_TAB, 1, GOOD_Q1);
    tickSubmit(emu, DK, DK_TAB, 1);
    expect(type(emu, OWNER, DK_TAB, 'TC_HV', 1, 1415).accepted).toBe(true);
    const log = emu.sheets.values('Nhật ký').find((r) => r[2] === 'Sửa số liệu đã nộp Quý I/2026')!;
    expect(log.slice(1)).toEqual([
      OWNER,
      'Sửa số liệu đã nộp Quý I/2026',
      DK_TAB,
      expect.stringMatching(/^D\d+$/),
      1412,
      1415,
    ]);
    expect(
      emu.sheets
        .values('Lưu trữ')
        .filter((r) => r[2] === 'TC_HV')
        .map((r) => r[3]),
    ).toEqual([1412, 1415]);
  });

  it('through the menu, an officer gets the check and where to tick; an admin submits directly', () => {
    const emu = setUpDistrict();
    enter(emu, DK, DK_TAB, 1, GOOD_Q1);
    const officer = emu.run('submitQuarter', [{ ky: '2026-Q1' }], { user: DK });
    expect(officer).toMatchObject({ trang_thai: 'chua_nop', loi: [] });
    expect((officer as { huong_dan: string }).huong_dan).toBe(
      `Số liệu Quý I/2026 hợp lệ. Để nộp, đánh dấu ô "Nộp số liệu" của Quý I/2026 (dòng 5) trên trang "${DK_TAB}".`,
    );
    expect(() => emu.run('submitQuarter', [{ don_vi: 'TL', ky: '2026-Q1' }], { user: DK })).toThrow(
      'Bạn không phụ trách đơn vị TL; chỉ cán bộ của đơn vị hoặc quản trị viên được nộp.',
    );
    expect(emu.run('submitQuarter', [{ don_vi: 'DK', ky: '2026-Q1' }], { user: OWNER })).toMatchObject({
      trang_thai: 'da_nop',
    });
    expect(() => emu.run('submitQuarter', [{ don_vi: 'DK', ky: '2026-Q3' }], { user: OWNER })).toThrow(
      'Quý III/2026 chưa bắt đầu.',
    );
    expect(() => emu.run('reopenQuarter', [{ don_vi: 'DK', ky: '2026-Q1' }], { user: TL })).toThrow(
      `Chỉ quản trị viên mới được mở lại số liệu đã nộp (${TL}).`,
    );
  });
});

describe('checkData', () => {
  it('writes every failed rule of every unit to Kiểm tra in one write, for an admin', () => {
    const emu = setUpDistrict('2026-07-02T08:00:00+07:00');
    enter(emu, DK, DK_TAB, 1, { ...GOOD_Q1, TC_HV_NC: 1500 });
    enter(emu, TL, TL_TAB, 2, { TC_HV: 100, TC_HV_HP: 120 });
    emu.ctx.log.clear();
    const summary = emu.run('checkData') as { so_loi: number; so_canh_bao: number };
    expect(summary).toMatchObject({ so_loi: 2, so_canh_bao: 0 });
    const checks = emu.sheets.values('Kiểm tra');
    expect(checks.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['DK', '2026-Q1', 'Lỗi'],
      ['TL', '2026-Q2', 'Lỗi'],
    ]);
    expect(checks[2]![4]).toBe('Số hội viên đóng hội phí (120) không được lớn hơn Tổng số hội viên (100)');
    expect(emu.ctx.log.count('Range.setValues')).toBe(1);
  });

  it('shows an officer the checks of their own unit only, without writing Kiểm tra', () => {
    const emu = setUpDistrict();
    enter(emu, DK, DK_TAB, 1, { ...GOOD_Q1, TC_HV_NC: 1500 });
    enter(emu, TL, TL_TAB, 1, { TC_HV: 100, TC_HV_HP: 120 });
    const summary = emu.run('checkData', [], { user: DK }) as {
      so_don_vi: number;
      ket_qua: Array<{ don_vi: string }>;
    };
    expect(summary.so_don_vi).toBe(1);
    expect(summary.ket_qua.map((r) => r.don_vi)).toEqual(['DK']);
    expect(emu.sheets.values('Kiểm tra')).toHaveLength(1);
  });
});

describe('whole numbers', () => {
  it('a fractional count passes the sheet validation but is an error of the checks, so it cannot be submitted', () => {
    const emu = setUpDistrict();
    enter(emu, DK, DK_TAB, 1, { ...GOOD_Q1, TC_HV_MOI: 12.5 });
    const summary = emu.run('checkData') as { ket_qua: Array<{ thong_bao: string }> };
    expect(summary.ket_qua.map((r) => r.thong_bao)).toContain('Số hội viên kết nạp mới: phải là số nguyên');
    tickSubmit(emu, DK, DK_TAB, 1);
    expect(emu.sheets.values(DK_TAB)[4]![3]).toBe(false);
  });
});

describe('audit', () => {
  it('logs every change to Cấu hình with who, when, old and new value', () => {
    const emu = setUpDistrict();
    emu.sheets.userEdit({ as: OWNER, sheet: 'Cấu hình', a1: 'B4', value: 'Quận Hoàng Mai' });
    const entry = emu.sheets.values('Nhật ký').find((r) => r[2] === 'Sửa trang Cấu hình')!;
    expect(entry.slice(1)).toEqual([
      OWNER,
      'Sửa trang Cấu hình',
      'Cấu hình',
      'B4',
      'Hoàng Mai',
      'Quận Hoàng Mai',
    ]);
  });
});

describe('the "Nộp" box under Google faults', () => {
  it('a Google failure puts the box back and the status cell says in Vietnamese what to do; Nhật ký keeps Google’s text', () => {
    const emu = setUpDistrict('2026-04-03T09:00:00+07:00');
    enter(emu, DK, DK_TAB, 1, GOOD_Q1);
    emu.ctx.faults.inject('Range.protect', { kind: 'unavailable' });
    tickSubmit(emu, DK, DK_TAB, 1);
    const tab = emu.sheets.values(DK_TAB);
    expect(tab[4]![3]).toBe(false);
    expect(tab[3]![3]).toBe(
      'Chưa nộp được: Chưa thực hiện xong "Nộp số liệu": dịch vụ của Google tạm thời không phản hồi. Hãy thử lại sau ít phút. Chi tiết lỗi đã ghi trong trang Nhật ký.',
    );
    expect(emu.sheets.values('Nhật ký').at(-1)!.slice(1, 7)).toEqual([
      DK,
      'Lỗi khi chạy "Nộp số liệu"',
      '',
      '',
      '',
      'Service unavailable: Spreadsheets',
    ]);
    // Nothing was recorded, the quarter is still the officer's, and ticking again submits.
    expect(rowOf(emu.sheets.values('Tiến độ'), 'DK')[4]).toBe('Chưa nộp');
    expect(type(emu, DK, DK_TAB, 'TC_HV', 1, 1412).accepted).toBe(true);
    tickSubmit(emu, DK, DK_TAB, 1);
    expect(rowOf(emu.sheets.values('Tiến độ'), 'DK')[4]).toBe('Đúng hạn');
  });
});
