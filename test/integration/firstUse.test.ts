/**
 * First use on a real account, in the strict emulator: a blank Sheet as Google creates it (en_US),
 * owned by a gmail.com chair, goes from its first Khởi tạo through the first-run dialog to an
 * officer's submitted quarter (typing and ticking only, as on a phone) and a report, with no step
 * outside the menu and the dialogs (and Google's own Share and Make a copy). The same from a copy
 * of a template prepared by a technical helper: the copy keeps nothing of the helper's.
 */
import type { Emulator } from '../../scripts/emulator';
import { enter, GOOD_Q1, tickSubmit } from '../support/district';
import { loadProduct } from '../support/product';

const CHAIR = 'chutich.hoangmai@gmail.com';
const HELPER = 'hotro.kythuat@gmail.com';
const DK = 'daikim.hoangmai@gmail.com';
const TL = 'thinhliet.hoangmai@gmail.com';
const DK_TAB = 'DK - phường Đại Kim';
const MENU = 'Hội LHPN';

/** What the chair types into the first-run dialog (its fields, and the unit lines). */
const DETAILS = {
  ten_don_vi: 'Hội LHPN quận Hoàng Mai',
  cap: 'huyen',
  dia_danh: 'Hoàng Mai',
  nhiem_ky: '2021-2026',
  co_quan_cap_tren: 'Hội LHPN thành phố Hà Nội',
  nguoi_ky: 'Nguyễn Thị Hoa',
  chuc_vu_ky: 'Chủ tịch',
  quan_tri: [CHAIR],
  email_nhan: [CHAIR],
};
const UNIT_LINES = [`DK, Hội LHPN phường Đại Kim, ${DK}`, `TL, Hội LHPN phường Thịnh Liệt, ${TL}`].join('\n');

const click = (emu: Emulator, item: string, as: string) => emu.sheets.clickMenu(`${MENU} > ${item}`, { as });
/** A call the open dialog makes through google.script.run, as the person using it. */
const fromDialog = (emu: Emulator, fn: string, args: unknown[], as: string) =>
  emu.run(fn, args, { user: as, kind: 'menu', authMode: 'FULL' });

function settingsOf(emu: Emulator): [string, string] {
  const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  return emu.execute(() => {
    const book = app.getActiveSpreadsheet();
    return [book.getSpreadsheetLocale(), book.getSpreadsheetTimeZone()];
  });
}

function installCheck(emu: Emulator): Record<string, string[]> {
  const [, ...rows] = emu.sheets.values('Kiểm tra cài đặt') as string[][];
  return Object.fromEntries(rows.map((r) => [r[0]!, r.slice(1)]));
}

/** The chair's whole first use, from opening the Sheet to a report; returns what a test checks. */
function chairFirstUse(emu: Emulator) {
  const sheetId = emu.sheets.activeSpreadsheetId();
  expect(settingsOf(emu)[0]).toBe('en_US');
  emu.sheets.userOpen({ as: CHAIR });
  click(emu, 'Khởi tạo / cập nhật bảng tính', CHAIR);
  const dialog = emu.sheets.dialogs().at(-1)!;
  expect(dialog.title).toBe('Thiết lập bảng tính lần đầu');
  expect(fromDialog(emu, 'firstRunDefaults', [], CHAIR)).toEqual({ nguoi_dung: CHAIR, chu_so_huu: CHAIR });
  const preview = fromDialog(emu, 'previewUnits', [{ van_ban: UNIT_LINES }], CHAIR) as {
    units: unknown[];
    lines: Array<{ problem?: string }>;
  };
  expect(preview.lines.filter((l) => l.problem)).toEqual([]);
  const built = fromDialog(emu, 'setUpWorkbook', [{ ...DETAILS, don_vi: preview.units }], CHAIR) as {
    so_don_vi: number;
    cai_dat?: string;
  };
  expect(built.so_don_vi).toBe(2);
  expect(built.cai_dat).toMatch(/^Đã chuyển bảng tính sang định dạng Việt Nam/);
  expect(settingsOf(emu)).toEqual(['vi_VN', 'Asia/Ho_Chi_Minh']);

  // The last page's steps: share with the officers (Google's Share dialog), schedules, the check.
  emu.drive.share(sheetId, DK, 'EDIT');
  emu.drive.share(sheetId, TL, 'EDIT');
  emu.sheets.userOpen({ as: CHAIR });
  click(emu, 'Cài đặt lịch tự động', CHAIR);
  click(emu, 'Kiểm tra cài đặt', CHAIR);
  const check = installCheck(emu);

  // An officer on a phone: types in Vietnamese notation and ticks "Nộp"; no menu, no dialog.
  enter(emu, DK, DK_TAB, 1, { ...GOOD_Q1, TC_HV: '1.412' });
  expect(tickSubmit(emu, DK, DK_TAB, 1).accepted).toBe(true);

  // After the deadline the chair's schedule mails the quarterly report; the chair also makes one.
  emu.tick(new Date('2026-04-11T09:00:00+07:00'));
  emu.sheets.userOpen({ as: CHAIR });
  click(emu, 'Tạo báo cáo…', CHAIR);
  expect(emu.sheets.dialogs().at(-1)!.title).toBe('Tạo báo cáo');
  const report = fromDialog(emu, 'createReport', [{ ky: '2026-Q1' }], CHAIR) as { docId: string };
  return { sheetId, check, reportText: emu.documents.text(report.docId) };
}

function expectAFirstQuarter(emu: Emulator, result: ReturnType<typeof chairFirstUse>): void {
  expect(result.check['Trình kích hoạt ghi nhận việc nộp']![0]).toBe('Đạt');
  expect(result.check['Lịch tự động']!.slice(0, 2)).toEqual(['Đạt', `3 việc, do ${CHAIR} cài`]);
  expect(result.check['Quyền đã cấp cho mã']![0]).toBe('Đạt');
  expect(result.check['Cán bộ đơn vị có quyền chỉnh sửa']![0]).toBe('Đạt');
  expect(result.check['Định dạng và múi giờ']![0]).toBe('Đạt');
  expect(emu.sheets.values('Tiến độ').some((r) => r.includes(DK_TAB) || r.includes('DK'))).toBe(true);
  expect(result.reportText).toContain('HỘI LHPN QUẬN HOÀNG MAI');
  expect(result.reportText).toContain('1.412');
  const quarterly = emu.mail.outbox().filter((m) => m.to.includes(CHAIR) && /Quý I/.test(m.subject));
  expect(quarterly).toHaveLength(1);
  expect(emu.consent.refusals()).toEqual([]);
  expect(emu.consent.prompts()).toEqual([]);
  expect(emu.triggers.failures()).toEqual([]);
  // Every trigger runs as the chair, the copy's owner.
  expect(new Set(emu.triggers.list().map((t) => t.owner))).toEqual(new Set([CHAIR]));
}

describe('first use on a real account', () => {
  it('a blank en_US Sheet of a gmail.com chair: Khởi tạo and its dialog, a submitted quarter, a report', () => {
    const emu = loadProduct({ owner: CHAIR, now: '2026-03-02T08:00:00+07:00' });
    expectAFirstQuarter(emu, chairFirstUse(emu));
  });

  it("the same from a copy of a helper's template, keeping nothing of the helper's", () => {
    // The helper's template: the script pushed (npm run deploy -- --sheet), never set up; the helper
    // opened it once and chose Khởi tạo to see the dialog, then closed it.
    const emu = loadProduct({ owner: HELPER, now: '2026-03-02T08:00:00+07:00' });
    const templateId = emu.sheets.activeSpreadsheetId();
    emu.sheets.userOpen({ as: HELPER });
    click(emu, 'Khởi tạo / cập nhật bảng tính', HELPER);
    expect(Object.keys(emu.properties.read('script')).join(' ')).toContain(HELPER);
    emu.drive.share(templateId, CHAIR, 'VIEW');

    // The chair opens the …/copy link and makes a copy: theirs, with its own script.
    const copyId = emu.sheets.makeCopy({ as: CHAIR, name: 'Báo cáo Hội LHPN quận Hoàng Mai' });
    const result = chairFirstUse(emu);
    expect(result.sheetId).toBe(copyId);
    expectAFirstQuarter(emu, result);
    expect(JSON.stringify(emu.properties.read('script'))).not.toContain(HELPER);
    expect(JSON.stringify(emu.properties.read('script'))).not.toContain(templateId);
    // The report folder and templates of Cấu hình are the chair's own files.
    const config = emu.sheets.values('Cấu hình') as string[][];
    const fileIds = config.filter((r) => /^(thu_muc_bao_cao|mau_)/.test(r[0]!)).map((r) => r[1]!);
    expect(fileIds.length).toBeGreaterThan(1);
    for (const id of fileIds) expect(emu.drive.file(id)!.owner).toBe(CHAIR);
    expect(emu.drive.file(templateId)!.owner).toBe(HELPER);
  });

  it("a copy of a workbook set up by someone else: the chair's Khởi tạo drops that workbook's schedule, folder and templates", () => {
    // A helper set the workbook up for the chair (the chair an admin), scheduled it, then the chair
    // copied it into their own Drive.
    const emu = loadProduct({ owner: HELPER, now: '2026-03-02T08:00:00+07:00' });
    emu.run(
      'setUpWorkbook',
      [
        {
          ...DETAILS,
          quan_tri: [CHAIR, HELPER],
          don_vi: [{ ma: 'DK', ten: 'Hội LHPN phường Đại Kim', email: [DK] }],
        },
      ],
      {
        user: HELPER,
      },
    );
    emu.run('installSchedules', [], { user: HELPER });
    const original = emu.sheets.activeSpreadsheetId();
    const helperFolder = (emu.sheets.values('Cấu hình') as string[][]).find(
      (r) => r[0] === 'thu_muc_bao_cao',
    )![1];
    emu.drive.share(original, CHAIR, 'VIEW');

    emu.sheets.makeCopy({ as: CHAIR });
    emu.sheets.userOpen({ as: CHAIR });
    click(emu, 'Khởi tạo / cập nhật bảng tính', CHAIR);
    const config = emu.sheets.values('Cấu hình') as string[][];
    const folder = config.find((r) => r[0] === 'thu_muc_bao_cao')![1]!;
    expect(folder).not.toBe(helperFolder);
    expect(emu.drive.file(folder)!.owner).toBe(CHAIR);
    expect(JSON.stringify(emu.properties.read('script'))).not.toContain(HELPER);
    expect(emu.triggers.list().map((t) => [t.handler, t.owner])).toEqual([['onEditInstalled', CHAIR]]);
    expect(emu.sheets.values('Nhật ký').some((r) => String(r[2]).startsWith('Khởi tạo trong bản sao'))).toBe(
      true,
    );
    click(emu, 'Kiểm tra cài đặt', CHAIR);
    expect(installCheck(emu)['Lịch tự động']!.slice(0, 2)).toEqual(['Cần sửa', 'chưa cài']);
  });
});
