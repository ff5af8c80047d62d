import fs from 'node:fs';
import path from 'node:path';
import { loadProduct, ROOT, sampleConfig } from '../support/product';

describe('opening the Sheet', () => {
  it('adds the "Hội LHPN" menu with every item in Vietnamese', () => {
    const emu = loadProduct();
    // Officers are editors of the Sheet (the protections keep them to their own tab).
    emu.drive.share(emu.sheets.activeSpreadsheetId(), 'daikim@hoilhpn.vn', 'EDIT');
    emu.sheets.userOpen({ as: 'daikim@hoilhpn.vn' });
    const [menu] = emu.sheets.menus();
    expect(menu!.name).toBe('Hội LHPN');
    expect(menu!.items.filter(Boolean).map((i) => i!.caption)).toEqual([
      'Khởi tạo / cập nhật bảng tính',
      'Nộp số liệu quý…',
      'Mở lại quý đã nộp…',
      'Kiểm tra số liệu',
      'Tổng hợp ngay',
      'Tạo báo cáo…',
      'Danh sách thẻ báo cáo',
      'Gửi nhắc nhở',
      'Cài đặt lịch tự động',
      'Kiểm tra cài đặt',
      'Nhập số liệu từ CSV…',
      'Sang năm mới…',
      'Hướng dẫn',
    ]);
    for (const item of menu!.items) {
      if (item) expect(typeof emu.sandbox[item.functionName]).toBe('function');
    }
  });

  it('a menu item used before setup says to run Khởi tạo first, instead of doing anything', () => {
    const emu = loadProduct();
    emu.sheets.userOpen({ as: emu.owner });
    expect(() => emu.sheets.clickMenu('Hội LHPN > Gửi nhắc nhở', { as: emu.owner })).toThrow(
      'Bảng tính chưa được khởi tạo: hãy chọn Hội LHPN › Khởi tạo / cập nhật bảng tính.',
    );
    expect(emu.drive.files().filter((f) => f.mimeType !== 'application/vnd.google-apps.spreadsheet')).toEqual(
      [],
    );
  });
});

describe('setUpWorkbook', () => {
  it('writes the configuration into Cấu hình and Đơn vị and replaces the blank first tab', () => {
    const emu = loadProduct();
    const result = emu.run('setUpWorkbook', [sampleConfig()]);
    expect(result).toEqual({
      ten_don_vi: 'Hội LHPN quận Hoàng Mai',
      so_don_vi: 2,
      trang_tinh: [
        'Hướng dẫn',
        'Cấu hình',
        'Chỉ tiêu',
        'Đơn vị',
        'Mục tiêu',
        'Quy tắc kiểm tra',
        'DK - phường Đại Kim',
        'TL - phường Thịnh Liệt',
        'Tổng hợp',
        'Tiến độ',
        'Kiểm tra',
        'Lưu trữ',
        'Nhật ký',
        'Danh sách thẻ',
      ],
      cai_dat:
        'Đã chuyển bảng tính sang định dạng Việt Nam (số 1.412, tỷ lệ 92,6%, ngày/tháng/năm) và múi giờ Việt Nam (GMT+7) để số liệu cán bộ nhập được đọc đúng.',
    });
    expect(emu.sheets.values('Cấu hình').slice(0, 3)).toEqual([
      ['Khóa', 'Giá trị', 'Ý nghĩa'],
      [
        'ten_don_vi',
        'Hội LHPN quận Hoàng Mai',
        'Tên đơn vị sở hữu bảng tính, ví dụ "Hội LHPN quận Hoàng Mai"',
      ],
      ['cap', 'huyen', 'Cấp: huyen, xa hoặc tinh'],
    ]);
    expect(emu.sheets.values('Đơn vị')[1]).toEqual([
      'DK',
      'Hội LHPN phường Đại Kim',
      'daikim@hoilhpn.vn',
      true,
      'DK - phường Đại Kim',
      '',
      '',
    ]);
  });

  it('keeps a unit name that looks like a formula as text', () => {
    const emu = loadProduct();
    const config = sampleConfig({
      don_vi: [{ ma: 'X1', ten: '=HYPERLINK("http://lừa-đảo")', email: 'x1@hoilhpn.vn' }],
    });
    emu.run('setUpWorkbook', [config]);
    expect(emu.sheets.values('Đơn vị')[1]![1]).toBe('=HYPERLINK("http://lừa-đảo")');
  });

  it('runs again from the tabs alone, after an admin edited them, and keeps the edit', () => {
    const emu = loadProduct();
    emu.run('setUpWorkbook', [sampleConfig()]);
    const edit = emu.sheets.userEdit({ as: emu.owner, sheet: 'Cấu hình', a1: 'B4', value: 'Quận Hoàng Mai' });
    expect(edit.accepted).toBe(true);
    emu.run('setUpWorkbook');
    expect(emu.sheets.values('Cấu hình')[3]![1]).toBe('Quận Hoàng Mai');
  });

  it('refuses someone who is not an admin and changes nothing', () => {
    const emu = loadProduct();
    emu.run('setUpWorkbook', [sampleConfig()]);
    const before = emu.sheets.values('Cấu hình');
    expect(() =>
      emu.run('setUpWorkbook', [sampleConfig({ dia_danh: 'Hà Nội' })], { user: 'daikim@hoilhpn.vn' }),
    ).toThrow('Chỉ quản trị viên mới được khởi tạo bảng tính (daikim@hoilhpn.vn).');
    expect(emu.sheets.values('Cấu hình')).toEqual(before);
  });

  it('says clearly that another job is running when the script lock stays taken', () => {
    const emu = loadProduct();
    emu.lock.holdScriptLock(emu.now().getTime() + 10 * 60_000, 'tổng hợp hằng ngày');
    expect(() => emu.run('setUpWorkbook', [sampleConfig()])).toThrow(
      'Không thể chạy "Khởi tạo": một tác vụ khác đang ghi vào bảng tính. Vui lòng thử lại sau ít phút.',
    );
    // Refused before anything changed: the tab Google named for an en_US account is still there.
    expect(emu.sheets.sheetNames()).toEqual(['Sheet1']);
  });

  it('waits for a job that finishes within the wait and then runs', () => {
    const emu = loadProduct();
    const start = emu.now().getTime();
    emu.lock.holdScriptLock(start + 10_000);
    emu.run('setUpWorkbook', [sampleConfig()]);
    expect(emu.sheets.sheetNames()).toContain('Cấu hình');
    // The job logged its start once the holder let go at +10 s, within a second of modelled calls.
    const [, started] = emu.sheets.values('Nhật ký');
    const loggedAt = (started![0] as Date).getTime();
    expect(loggedAt).toBeGreaterThanOrEqual(start + 10_000);
    expect(loggedAt).toBeLessThan(start + 11_000);
  });
});

describe('the version', () => {
  it('is shown in Hướng dẫn and Cấu hình, and a Khởi tạo after a push records the update in Nhật ký', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const emu = loadProduct();
    emu.run('setUpWorkbook', [sampleConfig()]);
    const shown = emu.sheets.values('Cấu hình').find((r) => r[0] === 'phien_ban')![1] as string;
    expect(shown).toMatch(
      new RegExp(`^${pkg.version.replace(/\./g, '\\.')}, bản dựng ngày \\d{2}/\\d{2}/\\d{4}$`),
    );
    expect(emu.sheets.values('Hướng dẫn').at(-1)).toEqual([`Phiên bản: ${shown}.`]);
    const updates = () => emu.sheets.values('Nhật ký').filter((r) => r.includes('Cập nhật phiên bản mã'));
    expect(updates()).toEqual([]);

    // An older version ran the last Khởi tạo: the next one names both.
    const row = emu.sheets.values('Cấu hình').findIndex((r) => r[0] === 'phien_ban') + 1;
    const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    emu.execute(() =>
      app.getActiveSpreadsheet().getSheetByName('Cấu hình')!.getRange(row, 2).setValue('0.0.9'),
    );
    emu.run('setUpWorkbook');
    expect(updates()).toHaveLength(1);
    expect(updates()[0]).toEqual(expect.arrayContaining(['0.0.9', shown]));
    expect(emu.sheets.values('Cấu hình').find((r) => r[0] === 'phien_ban')![1]).toBe(shown);
  });
});

describe('setup cut off midway', () => {
  const OFFICER = 'daikim@hoilhpn.vn';

  it('a first setup that ends midway leaves no settings tab open to officers already editing, and the chair’s rerun finishes', () => {
    const emu = loadProduct();
    emu.drive.share(emu.sheets.activeSpreadsheetId(), OFFICER, 'EDIT');
    // The settings tabs' content goes in one call; the run dies at the next one (the templates'
    // ids recorded in Cấu hình): Cấu hình is written by then.
    emu.ctx.faults.inject('Sheets.Spreadsheets.Values.batchUpdate', { nth: 2, kind: 'hardEnd' });
    expect(() => emu.run('setUpWorkbook', [sampleConfig()])).toThrow(/^We're sorry/);
    expect(emu.sheets.values('Cấu hình').some((r) => r[0] === 'quan_tri')).toBe(true);
    for (const tab of emu.sheets.sheetNames().filter((t) => t !== 'Sheet1'))
      expect([tab, emu.sheets.mayEdit({ as: OFFICER, sheet: tab, a1: 'B2' })]).toEqual([tab, false]);
    const row = emu.sheets.values('Cấu hình').findIndex((r) => r[0] === 'quan_tri') + 1;
    expect(
      emu.sheets.userEdit({ as: OFFICER, sheet: 'Cấu hình', a1: `B${row}`, value: OFFICER }).accepted,
    ).toBe(false);
    expect(emu.run('setUpWorkbook', [sampleConfig()])).toMatchObject({ so_don_vi: 2 });
    expect(emu.sheets.sheetNames()).toContain('DK - phường Đại Kim');
  });

  it('a settings tab is never open to an officer: it is made closed, and one the script did not close decides nothing', () => {
    const emu = loadProduct();
    emu.drive.share(emu.sheets.activeSpreadsheetId(), OFFICER, 'EDIT');
    // The tabs are made with their protection in one call: cut off there, none of them exists.
    emu.ctx.faults.inject('Sheets.Spreadsheets.batchUpdate', { nth: 1, kind: 'hardEnd' });
    expect(() => emu.run('setUpWorkbook', [sampleConfig()])).toThrow(/^We're sorry/);
    expect(emu.sheets.sheetNames()).toEqual(['Sheet1']);
    // The chair's rerun finishes; the officer can neither edit Cấu hình nor run Khởi tạo.
    expect(emu.run('setUpWorkbook', [sampleConfig()])).toMatchObject({ so_don_vi: 2 });
    const admins = emu.sheets.values('Cấu hình').find((r) => r[0] === 'quan_tri')![1];
    expect(admins).toBe('chutich@hoilhpn.vn, phochutich@hoilhpn.vn');
    expect(emu.sheets.mayEdit({ as: OFFICER, sheet: 'Cấu hình', a1: 'B2' })).toBe(false);
    expect(() => emu.run('setUpWorkbook', [], { user: OFFICER })).toThrow(
      'Chỉ quản trị viên mới được khởi tạo bảng tính (daikim@hoilhpn.vn).',
    );
  });

  it('a re-run refused by Google as it rewrites the unit tabs keeps a submitted quarter locked for its officer', () => {
    const emu = loadProduct({ now: '2026-04-03T09:00:00+07:00' });
    emu.run('setUpWorkbook', [sampleConfig()]);
    emu.drive.share(emu.sheets.activeSpreadsheetId(), OFFICER, 'EDIT');
    const tab = 'DK - phường Đại Kim';
    const at = (code: string) => `D${emu.sheets.values(tab).findIndex((r) => r[0] === code) + 1}`;
    for (const [code, value] of Object.entries({ TC_PN18: 1525, TC_HV: 1412, TC_HV_HP: 1412 }))
      emu.sheets.userEdit({ as: OFFICER, sheet: tab, a1: at(code), value });
    emu.sheets.userEdit({ as: OFFICER, sheet: tab, a1: 'D5', value: true });
    expect(emu.sheets.mayEdit({ as: OFFICER, sheet: tab, a1: at('TC_HV') })).toBe(false);
    // The unit tabs' protections are replaced in one Sheets API call per group of tabs (the old
    // SpreadsheetApp path failed at its second Range.protect with the quarter left open).
    emu.ctx.faults.inject('Sheets.Spreadsheets.batchUpdate', {
      nth: 1,
      times: Infinity,
      kind: 'unavailable',
    });
    expect(() => emu.run('setUpWorkbook')).toThrow(/^Chưa thực hiện xong "Khởi tạo": dịch vụ của Google/);
    expect(emu.sheets.userEdit({ as: OFFICER, sheet: tab, a1: at('TC_HV'), value: 1500 }).accepted).toBe(
      false,
    );
    emu.ctx.faults.clear();
    emu.run('setUpWorkbook');
    expect(emu.sheets.mayEdit({ as: OFFICER, sheet: tab, a1: at('TC_HV') })).toBe(false);
    expect(emu.sheets.mayEdit({ as: OFFICER, sheet: tab, a1: 'E10' })).toBe(true);
  });
});
