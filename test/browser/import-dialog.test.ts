import { describeInBrowser, openFromMenu, useBrowser } from '../support/browser';
import { DK, DK_TAB, OWNER, setUpDistrict, TL_TAB, valueOf } from '../support/district';

const MENU = 'Hội LHPN > Nhập số liệu từ CSV…';

describeInBrowser('the import dialog in Chromium', () => {
  const browser = useBrowser();

  it('lists every bad row of a pasted file, one line each, and imports nothing', async () => {
    const emu = setUpDistrict();
    const before = [emu.sheets.values(DK_TAB), emu.sheets.values(TL_TAB)];
    const { page, server, problems } = await browser.open(emu, openFromMenu(emu, MENU, DK), { user: DK });
    const csv = [
      'don_vi,ky,ma_chi_tieu,gia_tri',
      'DK,2026-Q1,TC_HV,1412',
      'DK,2026-Q1,TC_XYZ,10',
      'DK,2026-Q1,TC_HV_MOI,abc',
      'DK,2026-Q1,TC_HV,1413',
    ].join('\n');
    await page.getByLabel('Nội dung CSV').fill(csv);
    await page.getByRole('button', { name: 'Nhập số liệu' }).click();

    const result = page.getByRole('status');
    await result.getByText('Không nhập được').waitFor();
    const lines = (await result.innerText()).split('\n');
    expect(lines[0]).toBe('Không nhập được: tệp có 3 lỗi, chưa có số liệu nào được ghi.');
    expect(lines.slice(1).map((line) => line.slice(0, 7))).toEqual(['Dòng 3:', 'Dòng 4:', 'Dòng 5:']);
    expect(lines[1]).toContain('"TC_XYZ"');
    expect(lines[3]).toContain('trùng với dòng 2');
    // The button works again, so the person can fix the file and retry.
    expect(await page.getByRole('button', { name: 'Nhập số liệu' }).isEnabled()).toBe(true);
    expect([emu.sheets.values(DK_TAB), emu.sheets.values(TL_TAB)]).toEqual(before);
    expect(server.calls.map((c) => [c.fn, c.user, c.ok])).toEqual([['importCsv', DK, false]]);
    expect(problems).toEqual([]);
  });

  it('imports a good file, says what it imported, and the values are in the unit tabs', async () => {
    const emu = setUpDistrict();
    const { page, problems } = await browser.open(emu, openFromMenu(emu, MENU, OWNER), { user: OWNER });
    const csv = [
      'don_vi,ky,ma_chi_tieu,gia_tri',
      'DK,2026-Q1,TC_HV,1412',
      'DK,2026-Q1,TC_QUYHOI,14.8',
      'TL,2026-Q1,TC_HV,980',
    ].join('\n');
    await page.getByLabel('Nội dung CSV').fill(csv);
    await page.getByRole('button', { name: 'Nhập số liệu' }).click();

    await page.getByRole('status').getByText('Đã nhập').waitFor();
    expect(await page.getByRole('status').innerText()).toBe('Đã nhập 3 giá trị cho DK, TL (2026-Q1).');
    expect(valueOf(emu, DK_TAB, 'TC_HV', 1)).toBe(1412);
    expect(valueOf(emu, DK_TAB, 'TC_QUYHOI', 1)).toBe(14.8);
    expect(valueOf(emu, TL_TAB, 'TC_HV', 1)).toBe(980);
    expect(problems).toEqual([]);
  });
});
