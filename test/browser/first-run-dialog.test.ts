/**
 * The first Khởi tạo on a blank Sheet, as a chair without a terminal meets it: a Sheet created in
 * Google's default en_US, owned by a gmail.com account, set up through the dialog alone; then an
 * officer's quarter typed and ticked, and a report made from the report dialog.
 */
import type { Page } from 'playwright-core';
import type { Emulator } from '../../scripts/emulator';
import { describeInBrowser, openFromMenu, useBrowser } from '../support/browser';
import { enter, GOOD_Q1, tickSubmit } from '../support/district';
import { loadProduct } from '../support/product';

const CHAIR = 'chutich.hoangmai@gmail.com';
const DK = 'daikim.hoangmai@gmail.com';
const TL = 'thinhliet.hoangmai@gmail.com';
const SETUP = 'Hội LHPN > Khởi tạo / cập nhật bảng tính';

/** A Sheet as Google creates it for an account with no locale of its own: en_US. */
function blankSheet(): Emulator {
  return loadProduct({ owner: CHAIR, now: '2026-03-02T08:00:00+07:00' });
}

function settingsOf(emu: Emulator): [string, string] {
  const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  return emu.execute(() => {
    const book = app.getActiveSpreadsheet();
    return [book.getSpreadsheetLocale(), book.getSpreadsheetTimeZone()];
  });
}

async function fillDetails(page: Page): Promise<void> {
  await page.getByLabel('Tên Hội', { exact: true }).fill('Hội LHPN quận Hoàng Mai');
  await page.getByLabel('Cấp', { exact: true }).selectOption('huyen');
  await page.getByLabel('Địa danh', { exact: true }).fill('Hoàng Mai');
  await page.getByLabel('Nhiệm kỳ', { exact: true }).fill('2021-2026');
  await page.getByLabel('Cơ quan cấp trên', { exact: true }).fill('Hội LHPN thành phố Hà Nội');
  await page.getByLabel('Người ký báo cáo', { exact: true }).fill('Nguyễn Thị Hoa');
}

const units = (page: Page) => page.getByLabel('Mỗi dòng một đơn vị: mã, tên, email cán bộ nhập số liệu');
const setUpButton = (page: Page) => page.getByRole('button', { name: 'Khởi tạo bảng tính' });

describeInBrowser('the first-run dialog in Chromium', () => {
  const browser = useBrowser();

  it('shows each bad unit line beside it, proposes the chair as admin, and builds nothing', async () => {
    const emu = blankSheet();
    const before = emu.sheets.sheetNames();
    const dialog = openFromMenu(emu, SETUP, CHAIR);
    expect(dialog.title).toBe('Thiết lập bảng tính lần đầu');
    const { page, server, problems } = await browser.open(emu, dialog, { user: CHAIR });
    await page.waitForFunction(() => (document.getElementById('quan_tri') as HTMLInputElement).value !== '');
    expect(await page.getByLabel('Quản trị viên (email, cách nhau bằng dấu phẩy)').inputValue()).toBe(CHAIR);

    await fillDetails(page);
    await units(page).fill(
      [
        `DK, Hội LHPN phường Đại Kim, ${DK}`,
        'Đ K, Hội LHPN phường Định Công, dinhcong@gmail',
        `dk, Hội LHPN phường Thịnh Liệt, ${TL}`,
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Xem trước danh sách' }).click();
    await page.getByRole('status').getByText('1 đơn vị hợp lệ, 2 dòng có lỗi cần sửa.').waitFor();
    const rows = await page.locator('#bang tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/Đúng$/);
    expect(rows[1]).toContain('mã "Đ K" chỉ được gồm 1–20 chữ cái không dấu');
    expect(rows[1]).toContain('email không hợp lệ: dinhcong@gmail');
    expect(rows[2]).toContain('mã "dk" trùng với dòng 1');

    await setUpButton(page).click();
    await page.getByRole('alert').getByText('Danh sách đơn vị còn lỗi').waitFor();
    expect(server.calls.map((c) => c.fn)).toEqual(['firstRunDefaults', 'previewUnits']);
    expect(emu.sheets.sheetNames()).toEqual(before);
    expect(problems).toEqual([]);
  });

  it('sets up a blank en_US Sheet of a gmail.com chair; an officer submits; the chair makes a report', async () => {
    const emu = blankSheet();
    const id = emu.sheets.activeSpreadsheetId();
    expect(settingsOf(emu)[0]).toBe('en_US');
    const { page, server, problems } = await browser.open(emu, openFromMenu(emu, SETUP, CHAIR), {
      user: CHAIR,
    });
    await fillDetails(page);
    await units(page).fill(
      [`DK, Hội LHPN phường Đại Kim, ${DK}`, `TL, Hội LHPN phường Thịnh Liệt, ${TL}`].join('\n'),
    );
    await setUpButton(page).click();
    await page.getByRole('heading', { name: 'Đã thiết lập xong' }).waitFor();

    expect(await page.locator('#ket-qua').innerText()).toBe(
      'Bảng tính của Hội LHPN quận Hoàng Mai đã có 2 trang đơn vị.',
    );
    expect(await page.locator('#cai-dat').innerText()).toMatch(
      /^Đã chuyển bảng tính sang định dạng Việt Nam/,
    );
    expect(await page.getByRole('listitem').allInnerTexts()).toEqual([
      `Chia sẻ bảng tính (nút "Chia sẻ" ở góc trên bên phải) với quyền Người chỉnh sửa cho cán bộ các đơn vị: ${DK}, ${TL}.`,
      'Chọn menu Hội LHPN > Cài đặt lịch tự động để tổng hợp, nhắc nhở và gửi báo cáo quý tự động.',
      'Chọn menu Hội LHPN > Kiểm tra cài đặt để xem còn thiếu gì.',
    ]);
    const setUp = server.calls.find((c) => c.fn === 'setUpWorkbook')!;
    expect(setUp).toMatchObject({ user: CHAIR, ok: true });
    expect(settingsOf(emu)).toEqual(['vi_VN', 'Asia/Ho_Chi_Minh']);
    await page.getByRole('button', { name: 'Đóng' }).click();
    await page.waitForFunction('window.__hostClosed === true');
    expect(problems).toEqual([]);

    // The chair shares the Sheet (Drive's own dialog), as the last page says.
    emu.drive.share(id, DK, 'EDIT');
    emu.drive.share(id, TL, 'EDIT');
    const dkTab = 'DK - phường Đại Kim';
    // The officer types in Vietnamese notation, which the Sheet now reads as Vietnamese.
    emu.sheets.userOpen({ as: DK });
    enter(emu, DK, dkTab, 1, { ...GOOD_Q1, TC_HV: '1.412' });
    expect(emu.sheets.values(dkTab).find((r) => r[0] === 'TC_HV')![3]).toBe(1412);
    expect(tickSubmit(emu, DK, dkTab, 1).accepted).toBe(true);

    emu.tick(new Date('2026-04-03T09:00:00+07:00'));
    const report = await browser.open(emu, openFromMenu(emu, 'Hội LHPN > Tạo báo cáo…', CHAIR), {
      user: CHAIR,
    });
    await report.page
      .getByRole('button', { name: 'Tạo báo cáo' })
      .and(report.page.locator(':enabled'))
      .waitFor();
    await report.page.getByRole('button', { name: 'Tạo báo cáo' }).click();
    await report.page.getByRole('link', { name: /Google Docs/ }).waitFor();
    const made = report.server.calls.find((c) => c.fn === 'createReport')!;
    const docId = (made.value as { docId: string }).docId;
    const text = emu.documents.text(docId);
    expect(text).toContain('HỘI LHPN QUẬN HOÀNG MAI');
    expect(text).toContain('1.412');
    expect(report.problems).toEqual([]);
  });

  it('leaves a workbook already set up as it was: Khởi tạo updates it and opens no dialog', () => {
    const emu = blankSheet();
    emu.sheets.userOpen({ as: CHAIR });
    const config = {
      ten_don_vi: 'Hội LHPN quận Hoàng Mai',
      cap: 'huyen',
      dia_danh: 'Hoàng Mai',
      nhiem_ky: '2021-2026',
      don_vi: [{ ma: 'DK', ten: 'Hội LHPN phường Đại Kim', email: [DK] }],
      email_nhan: [],
      quan_tri: [CHAIR],
    };
    emu.run('setUpWorkbook', [config], { user: CHAIR, kind: 'menu' });
    emu.sheets.clickMenu(SETUP, { as: CHAIR });
    expect(emu.sheets.dialogs()).toEqual([]);
  });
});
