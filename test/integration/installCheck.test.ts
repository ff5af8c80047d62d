/**
 * "Kiểm tra cài đặt" as an installer runs it after Khởi tạo: it names what is missing (schedules,
 * an officer without edit access) and, once fixed, says so; officers may not run it.
 */
import type { Emulator } from '../../scripts/emulator';
import { ENTRY_SCOPES, SCOPE, SCOPE_LABELS } from '../../src/domain/authorization';
import { DK, OWNER, setUpDistrict } from '../support/district';
import { loadProduct, sampleConfig } from '../support/product';

const MENU = 'Hội LHPN > Kiểm tra cài đặt';

function rows(emu: Emulator): Record<string, string[]> {
  const [header, ...body] = emu.sheets.values('Kiểm tra cài đặt') as string[][];
  expect(header).toEqual(['Mục', 'Kết quả', 'Chi tiết', 'Cần làm']);
  return Object.fromEntries(body.map((r) => [r[0]!, r.slice(1)]));
}

describe('Kiểm tra cài đặt', () => {
  it('after Khởi tạo alone: the schedules and the unshared officers are to fix, the rest passes', () => {
    const emu = loadProduct({ now: '2026-04-03T09:00:00+07:00' });
    emu.run('setUpWorkbook', [sampleConfig()]);
    emu.drive.share(emu.sheets.activeSpreadsheetId(), DK, 'EDIT');
    emu.sheets.userOpen({ as: OWNER });
    emu.sheets.clickMenu(MENU, { as: OWNER });

    const found = rows(emu);
    expect(found['Lịch tự động']).toEqual(['Cần sửa', 'chưa cài', 'Chọn Hội LHPN › Cài đặt lịch tự động.']);
    expect(found['Cán bộ đơn vị có quyền chỉnh sửa']!.slice(0, 2)).toEqual([
      'Cần sửa',
      'TL: thinhliet@hoilhpn.vn',
    ]);
    expect(found['Chủ sở hữu bảng tính']).toEqual(['Đạt', 'chutich@hoilhpn.vn (là quản trị viên)', '']);
    expect(found['Định dạng và múi giờ']!.slice(0, 2)).toEqual(['Đạt', 'vi_VN, Asia/Ho_Chi_Minh']);
    expect(found['Thư mục báo cáo và mẫu báo cáo']![0]).toBe('Đạt');
    expect(found['Trình kích hoạt ghi nhận việc nộp']![0]).toBe('Đạt');
    expect(found['Khóa các trang']![0]).toBe('Đạt');
    expect(found['Hạn mức gửi thư hôm nay']![0]).toBe('Đạt');
    expect(found['Quyền đã cấp cho mã']).toEqual(['Đạt', 'đủ các quyền', '']);
    const alert = emu.sheets.alerts().at(-1)!;
    expect(alert.title).toBe('Kiểm tra cài đặt');
    expect(alert.prompt).toContain('Cần sửa: ');
    expect(alert.prompt).toContain('Lịch tự động');
  });

  it('once shared and scheduled, those items pass', () => {
    const emu = setUpDistrict();
    emu.sheets.userOpen({ as: OWNER });
    emu.sheets.clickMenu('Hội LHPN > Cài đặt lịch tự động', { as: OWNER });
    emu.sheets.clickMenu(MENU, { as: OWNER });
    const found = rows(emu);
    expect(found['Lịch tự động']!.slice(0, 2)).toEqual(['Đạt', '3 việc, do chutich@hoilhpn.vn cài']);
    expect(found['Cán bộ đơn vị có quyền chỉnh sửa']!.slice(0, 2)).toEqual([
      'Đạt',
      '2 đơn vị, mọi cán bộ đều có quyền',
    ]);
  });

  it('names the scopes the installer unticked on the consent screen', () => {
    const emu = setUpDistrict();
    emu.consent.grant(OWNER, ENTRY_SCOPES.checkInstallation);
    emu.sheets.userOpen({ as: OWNER });
    emu.sheets.clickMenu(MENU, { as: OWNER });
    expect(rows(emu)['Quyền đã cấp cho mã']!.slice(0, 2)).toEqual([
      'Cần sửa',
      `còn thiếu: ${SCOPE_LABELS[SCOPE.documents]}`,
    ]);
  });

  it('refuses an officer and writes nothing', () => {
    const emu = setUpDistrict();
    emu.sheets.userOpen({ as: DK });
    expect(() => emu.sheets.clickMenu(MENU, { as: DK })).toThrow(
      `Chỉ quản trị viên mới được kiểm tra cài đặt (${DK}).`,
    );
    expect(emu.sheets.sheetNames()).not.toContain('Kiểm tra cài đặt');
  });
});
