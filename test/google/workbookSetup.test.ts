/**
 * What provisioning writes into a new workbook is what the bundle reads: the Cấu hình and Đơn vị
 * tabs, copied from the fake Google into an emulated Sheet, let "Khởi tạo" (setUpWorkbook with no
 * argument) build the whole workbook.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Emulator } from '../../scripts/emulator';
import { planWorkbooks } from '../../scripts/google/unitsCsv';
import { loadProduct } from '../support/product';
import { FakeGoogle } from './fakeGoogle';
import { CONFIG, provision, tempDir } from './support';

let fake: FakeGoogle;
let dir: string;

beforeEach(async () => {
  fake = await FakeGoogle.start();
  dir = tempDir();
});

afterEach(async () => {
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A Sheet holding the provisioned tabs, as the admin finds it when first opening the workbook. */
function openInEmulator(spreadsheetId: string, owner: string): Emulator {
  const emu = loadProduct({ owner, now: '2026-03-02T08:00:00+07:00' });
  const tabs = ['Cấu hình', 'Đơn vị'].map((name) => [name, fake.tabValues(spreadsheetId, name)] as const);
  emu.execute(() => {
    const spreadsheet = (
      emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp
    ).getActiveSpreadsheet();
    for (const [name, rows] of tabs) {
      const width = Math.max(...rows.map((r) => r.length));
      const padded = rows.map((r) => [...r, ...Array<unknown>(width - r.length).fill('')]);
      spreadsheet.insertSheet(name).getRange(1, 1, padded.length, width).setValues(padded);
    }
  });
  return emu;
}

describe('a provisioned workbook', () => {
  it('is set up by "Khởi tạo" from its Cấu hình and Đơn vị, with one tab for the unit itself', async () => {
    const units = planWorkbooks(
      'ma,ten,cap,email_can_bo,email_quan_tri\nLH,Hội LHPN xã Lộc Hưng,xa,canbo@lochung.vn,chutich@lochung.vn\n',
      { ...CONFIG, cai_dat: { han_nop_ngay: 15 } },
      { baseDir: dir },
    );
    await provision(fake, units, path.join(dir, 's.json'), {
      config: { ...CONFIG, cai_dat: { han_nop_ngay: 15 } },
    });
    const [sheet] = [...fake.spreadsheets.values()];
    const emu = openInEmulator(sheet!.id, 'chutich@lochung.vn');

    const result = emu.run('setUpWorkbook', [], { user: 'chutich@lochung.vn' }) as {
      ten_don_vi: string;
      so_don_vi: number;
      trang_tinh: string[];
    };
    expect(result.ten_don_vi).toBe('Hội LHPN xã Lộc Hưng');
    expect(result.so_don_vi).toBe(1);
    expect(result.trang_tinh).toContain('LH - xã Lộc Hưng');
    expect(result.trang_tinh).toContain('Lưu trữ');
    const config = new Map(emu.sheets.values('Cấu hình').map((r) => [r[0], r[1]]));
    expect(config.get('cap')).toBe('xa');
    expect(config.get('dia_danh')).toBe('Lộc Hưng');
    expect(config.get('nhiem_ky')).toBe('2025-2030');
    expect(config.get('quan_tri')).toBe('chutich@lochung.vn, tinh@phutho.hoilhpn.vn');
    expect(config.get('email_nhan')).toBe('vanphong@phutho.hoilhpn.vn');
    expect(config.get('han_nop_ngay')).toBe(15);
    expect(config.get('nguong_bien_dong')).toBe(30);
    expect(emu.sheets.values('Đơn vị')[1]!.slice(0, 4)).toEqual([
      'LH',
      'Hội LHPN xã Lộc Hưng',
      'canbo@lochung.vn',
      true,
    ]);
  });

  it('starts with the branches of the file named in U.csv, each with its officers, all shared', async () => {
    fs.writeFileSync(
      path.join(dir, 'lochung.json'),
      JSON.stringify({
        don_vi: [
          { ma: 'CH01', ten: 'Chi hội thôn 1', email: ['thon1@lochung.vn'] },
          { ma: 'CH02', ten: 'Chi hội thôn 2', email: 'thon2@lochung.vn' },
        ],
      }),
    );
    const units = planWorkbooks(
      'Mã,Tên,Cấp,Email cán bộ,Email quản trị,Đơn vị trực thuộc\nLH,Hội LHPN xã Lộc Hưng,xa,,chutich@lochung.vn,lochung.json\n',
      CONFIG,
      { baseDir: dir },
    );
    await provision(fake, units, path.join(dir, 's.json'));
    const [sheet] = [...fake.spreadsheets.values()];
    expect(fake.permissionsOf(sheet!.id).map((p) => p.emailAddress)).toEqual([
      'chutich@lochung.vn',
      'tinh@phutho.hoilhpn.vn',
      'thon1@lochung.vn',
      'thon2@lochung.vn',
    ]);
    const emu = openInEmulator(sheet!.id, 'chutich@lochung.vn');
    const result = emu.run('setUpWorkbook', [], { user: 'chutich@lochung.vn' }) as {
      so_don_vi: number;
      trang_tinh: string[];
    };
    expect(result.so_don_vi).toBe(2);
    expect(result.trang_tinh).toEqual(
      expect.arrayContaining(['CH01 - Chi hội thôn 1', 'CH02 - Chi hội thôn 2']),
    );
  });
});
