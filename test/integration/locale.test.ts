/**
 * The workbook on a Sheet as Google creates it: in its creator's locale, en_US for most accounts,
 * where "1.412" is one point four (https://support.google.com/docs/answer/58515). Khởi tạo puts it in
 * Vietnam's locale and time zone before anything is typed.
 */
import type { Emulator } from '../../scripts/emulator';
import {
  DK,
  DK_TAB,
  enter,
  GOOD_Q1,
  OWNER,
  setUpDistrict,
  tickSubmit,
  type,
  valueOf,
} from '../support/district';
import { loadProduct, sampleConfig } from '../support/product';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function settings(emu: Emulator): [string, string] {
  return emu.execute(() => {
    const ss = (emu.globals.SpreadsheetApp as App).getActiveSpreadsheet();
    return [ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone()];
  });
}

describe('the spreadsheet locale', () => {
  it('a new Sheet is en_US, where an officer\'s "1.412" would be 1.412; after Khởi tạo it is 1412', () => {
    const fresh = loadProduct({ owner: OWNER });
    expect(settings(fresh)).toEqual(['en_US', 'America/New_York']);
    expect(fresh.sheets.sheetNames()).toEqual(['Sheet1']);

    const emu = setUpDistrict();
    expect(settings(emu)).toEqual(['vi_VN', 'Asia/Ho_Chi_Minh']);
    expect(emu.sheets.sheetNames()).not.toContain('Sheet1');
    expect(type(emu, DK, DK_TAB, 'TC_HV', 1, '1.412').accepted).toBe(true);
    expect(valueOf(emu, DK_TAB, 'TC_HV', 1)).toBe(1412);
    expect(type(emu, DK, DK_TAB, 'TC_HV_MOI', 1, '37').accepted).toBe(true);
    expect(valueOf(emu, DK_TAB, 'TC_HV_MOI', 1)).toBe(37);
  });

  it('tells the admin and Nhật ký that Khởi tạo changed the locale and time zone, and only once', () => {
    const emu = loadProduct({ owner: OWNER });
    const first = emu.run('setUpWorkbook', [sampleConfig()]) as { cai_dat?: string };
    expect(first.cai_dat).toBe(
      'Đã chuyển bảng tính sang định dạng Việt Nam (số 1.412, tỷ lệ 92,6%, ngày/tháng/năm) và múi giờ Việt Nam (GMT+7) để số liệu cán bộ nhập được đọc đúng.',
    );
    const log = emu.sheets.values('Nhật ký').slice(1);
    expect(log.map((r) => r.slice(2))).toEqual([
      [
        'Đổi cài đặt bảng tính (định dạng, múi giờ)',
        '',
        '',
        'en_US, America/New_York',
        'vi_VN, Asia/Ho_Chi_Minh',
      ],
      ['Khởi tạo / cập nhật bảng tính', '', '', '', ''],
    ]);
    const again = emu.run('setUpWorkbook') as { cai_dat?: string };
    expect(again.cai_dat).toBeUndefined();
    expect(emu.sheets.values('Nhật ký').length).toBe(4);
  });

  it('a refused Khởi tạo (not an admin) leaves the locale as it was', () => {
    const emu = loadProduct({ owner: OWNER });
    expect(() => emu.run('setUpWorkbook', [sampleConfig()], { user: DK })).toThrow(
      'Chỉ quản trị viên mới được khởi tạo bảng tính (daikim@hoilhpn.vn).',
    );
    expect(settings(emu)).toEqual(['en_US', 'America/New_York']);
  });
});

describe('a formula typed into a figure cell', () => {
  it('=5+3 is accepted as 8, and a submission archives 8', () => {
    const emu = setUpDistrict();
    enter(emu, DK, DK_TAB, 1, GOOD_Q1);
    expect(type(emu, DK, DK_TAB, 'TC_HV_MOI', 1, '=30+7').accepted).toBe(true);
    expect(valueOf(emu, DK_TAB, 'TC_HV_MOI', 1)).toBe(37);
    expect(tickSubmit(emu, DK, DK_TAB, 1).accepted).toBe(true);
    expect(emu.sheets.triggerErrors()).toEqual([]);
    const archived = emu.sheets.values('Lưu trữ').find((r) => r[2] === 'TC_HV_MOI');
    expect(archived?.slice(0, 4)).toEqual(['DK', '2026-Q1', 'TC_HV_MOI', 37]);
  });

  it("a formula whose result is not a count is refused with the cell's Vietnamese help, and nothing changes", () => {
    const emu = setUpDistrict();
    for (const formula of ['=HYPERLINK("https://hoilhpn.vn";"danh sách")', '=2-5']) {
      expect(type(emu, DK, DK_TAB, 'TC_HV', 1, formula)).toEqual({
        accepted: false,
        message: 'Nhập số nguyên không âm (người), ví dụ 1.412.',
      });
    }
    expect(valueOf(emu, DK_TAB, 'TC_HV', 1)).toBe('');
  });
});
