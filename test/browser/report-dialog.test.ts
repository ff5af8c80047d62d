import type { Page } from 'playwright-core';
import type { Emulator } from '../../scripts/emulator';
import { describeInBrowser, openFromMenu, useBrowser } from '../support/browser';
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
} from '../support/district';
import { sampleConfig } from '../support/product';

const MENU = 'Hội LHPN > Tạo báo cáo…';
const DEPUTY = 'phochutich@hoilhpn.vn';
const HOSTILE = 'Hội LHPN phường <img src=x onerror=alert(1)>';

interface ReportOptions {
  ky: string;
  ten_ky: string;
  loai: string;
  cac_loai: { ma: string; ten: string }[];
  cac_ky: { ky: string; ten: string }[];
  da_nop: string;
  chua_nop: string[];
  loi: { don_vi: string; chi_tieu: string; thong_bao: string; muc_do: string }[];
}
interface ReportResult {
  docId: string;
  docUrl: string;
  pdfId: string;
  pdfUrl: string;
  ten: string;
}

/**
 * Early April 2026 in a district of three wards: Đại Kim has submitted Quý I, Thịnh Liệt has typed
 * more new members than members (a rule error) and not submitted, the third (whose name holds
 * markup) has done nothing.
 */
function district(): Emulator {
  const config = sampleConfig({
    don_vi: [
      { ma: 'DK', ten: 'Hội LHPN phường Đại Kim', email: [DK] },
      { ma: 'TL', ten: 'Hội LHPN phường Thịnh Liệt', email: [TL] },
      { ma: 'XS', ten: HOSTILE, email: ['xs@hoilhpn.vn'] },
    ],
  });
  const emu = setUpDistrict('2026-04-03T09:00:00+07:00', config);
  emu.drive.share(emu.sheets.activeSpreadsheetId(), DEPUTY, 'EDIT');
  enter(emu, DK, DK_TAB, 1, GOOD_Q1);
  tickSubmit(emu, DK, DK_TAB, 1);
  enter(emu, TL, TL_TAB, 1, { ...GOOD_Q1, TC_HV_MOI: 2000 });
  return emu;
}

/** What the server says for a request, as the chair (the dialog must show exactly this). */
function optionsFor(emu: Emulator, request: { ky?: string; loai?: string } = {}): ReportOptions {
  return emu.run('reportOptions', [request], { user: OWNER, kind: 'menu' }) as ReportOptions;
}

const periodSelect = (page: Page) => page.getByLabel('Kỳ báo cáo');
const kindSelect = (page: Page) => page.getByLabel('Loại báo cáo');
const createButton = (page: Page) => page.getByRole('button', { name: 'Tạo báo cáo' });
const items = (page: Page, list: string) =>
  page.getByRole('list', { name: list }).getByRole('listitem').allInnerTexts();

async function selectedText(page: Page, label: string): Promise<string> {
  return page.getByLabel(label).evaluate((s: HTMLSelectElement) => s.options[s.selectedIndex]?.text ?? '');
}

/** Waits until these options are on screen and the button can be used. */
async function loaded(page: Page, options: ReportOptions): Promise<void> {
  await page.getByRole('heading', { name: options.ten_ky }).waitFor();
  await page.getByText(options.da_nop, { exact: true }).waitFor();
  await createButton(page).and(page.locator(':enabled')).waitFor();
}

/** Files in Drive, folders aside. */
function driveFiles(emu: Emulator) {
  return emu.drive.files().filter((f) => f.mimeType !== 'application/vnd.google-apps.folder');
}

describeInBrowser('the report dialog in Chromium', () => {
  const browser = useBrowser();
  const open = async (emu: Emulator, user: string) =>
    browser.open(emu, openFromMenu(emu, MENU, user), { user });

  it('opens on the last completed quarter, with who has not submitted and what the checks found', async () => {
    const emu = district();
    const options = optionsFor(emu);
    expect([options.ky, options.ten_ky, options.loai]).toEqual(['2026-Q1', 'Quý I/2026', 'quy']);
    const dialog = await open(emu, OWNER);
    const { page } = dialog;
    await loaded(page, options);

    expect(await periodSelect(page).inputValue()).toBe('2026-Q1');
    expect(await selectedText(page, 'Kỳ báo cáo')).toBe('Quý I/2026');
    expect(await kindSelect(page).inputValue()).toBe('quy');
    expect(await page.getByText(options.da_nop, { exact: true }).isVisible()).toBe(true);
    expect(options.da_nop).toMatch(/^1\/3 đơn vị/);

    expect(options.chua_nop).toEqual(expect.arrayContaining(['Hội LHPN phường Thịnh Liệt', HOSTILE]));
    expect(options.chua_nop).not.toContain('Hội LHPN phường Đại Kim');
    expect(await items(page, 'Đơn vị chưa nộp')).toEqual(options.chua_nop);

    const shown = await items(page, 'Lỗi và cảnh báo');
    expect(shown).toHaveLength(options.loi.length);
    options.loi.forEach((problem, i) => {
      expect(shown[i]).toContain(problem.muc_do);
      expect(shown[i]).toContain(problem.thong_bao);
    });
    const errors = options.loi.filter((p) => p.muc_do === 'Lỗi').length;
    expect(await page.getByText(`Có ${errors} lỗi`).innerText()).toMatch(
      /Nên sửa các lỗi trước khi tạo báo cáo\.$/,
    );
    expect(
      options.loi.some(
        (p) => p.muc_do === 'Lỗi' && /Thịnh Liệt|^TL$/.test(p.don_vi) && /kết nạp mới/.test(p.thong_bao),
      ),
    ).toBe(true);
    expect(dialog.problems).toEqual([]);
  });

  it('reloads the figures when the period changes, and the periods when the kind changes', async () => {
    const emu = district();
    const dialog = await open(emu, OWNER);
    const { page, server } = dialog;
    const quarterly = optionsFor(emu);
    await loaded(page, quarterly);

    // An earlier quarter, from the period list: its own completeness and units.
    const earlier = quarterly.cac_ky.find((k) => k.ky === '2025-Q4')!;
    await periodSelect(page).selectOption({ label: earlier.ten });
    const chosen = optionsFor(emu, { ky: '2025-Q4', loai: 'quy' });
    expect(chosen.da_nop).not.toBe(quarterly.da_nop);
    await loaded(page, chosen);
    expect(server.calls.at(-1)).toMatchObject({
      fn: 'reportOptions',
      args: [{ ky: '2025-Q4', loai: 'quy' }],
    });
    expect(await items(page, 'Đơn vị chưa nộp')).toEqual(chosen.chua_nop);
    expect(await page.getByText(quarterly.da_nop, { exact: true }).count()).toBe(0);

    const halfYearKind = quarterly.cac_loai.find((k) => k.ma === 'sau_thang')!;
    expect(halfYearKind.ten).toMatch(/6 tháng/);
    await kindSelect(page).selectOption({ label: halfYearKind.ten });
    // The server picks the period for the new kind: the dialog sends only the kind.
    const halfYear = optionsFor(emu, { loai: 'sau_thang' });
    await loaded(page, halfYear);
    expect(server.calls.at(-1)).toMatchObject({ fn: 'reportOptions', args: [{ loai: 'sau_thang' }] });
    const periods = await periodSelect(page).locator('option').allInnerTexts();
    expect(periods).toEqual(halfYear.cac_ky.map((k) => k.ten));
    expect(periods.some((p) => p.startsWith('Quý'))).toBe(false);
    expect(await periodSelect(page).inputValue()).toBe(halfYear.ky);
    expect(await selectedText(page, 'Loại báo cáo')).toBe(halfYearKind.ten);
    expect(dialog.problems).toEqual([]);
  });

  it('creates the report and links its Doc and PDF, which exist in Drive', async () => {
    const emu = district();
    const dialog = await open(emu, OWNER);
    const { page, server } = dialog;
    await loaded(page, optionsFor(emu));

    await createButton(page).click();
    const docLink = page.getByRole('link', { name: /Google Docs/ });
    const pdfLink = page.getByRole('link', { name: /PDF/ });
    await docLink.waitFor();

    const result = server.calls.find((c) => c.fn === 'createReport')!.value as ReportResult;
    expect(server.calls.find((c) => c.fn === 'createReport')!.args).toEqual([{ ky: '2026-Q1', loai: 'quy' }]);
    expect(await docLink.getAttribute('href')).toBe(result.docUrl);
    expect(await pdfLink.getAttribute('href')).toBe(result.pdfUrl);
    for (const link of [docLink, pdfLink]) {
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toMatch(/\bnoopener\b/);
    }
    expect(await page.getByText(result.ten).isVisible()).toBe(true);
    expect(emu.documents.ids()).toContain(result.docId);
    expect(emu.documents.text(result.docId)).toMatch(/Quý I/);
    expect(emu.drive.file(result.pdfId)).toMatchObject({ mimeType: 'application/pdf' });
    expect(await createButton(page).isEnabled()).toBe(true);

    await page.getByRole('button', { name: 'Đóng' }).click();
    await page.waitForFunction('window.__hostClosed === true');
    expect(dialog.problems).toEqual([]);
  });

  it('shows a non-admin the refusal and creates nothing', async () => {
    const emu = district();
    const files = driveFiles(emu);
    const dialog = await open(emu, DK);
    const { page, server } = dialog;
    const alert = page.getByRole('alert');
    await alert.getByText('Chỉ quản trị viên').waitFor();
    const refusal = server.calls.find((c) => !c.ok)!;
    expect(refusal.message).toMatch(/^Chỉ quản trị viên mới được .*\(daikim@hoilhpn\.vn\)\.$/);
    expect(await alert.innerText()).toBe(refusal.message);
    // Nothing to generate from: the button stays off.
    expect(await createButton(page).isDisabled()).toBe(true);
    expect(await page.getByRole('link', { name: /Google Docs|PDF/ }).count()).toBe(0);
    expect(driveFiles(emu)).toEqual(files);
    expect(server.calls.filter((c) => c.ok && c.fn === 'createReport')).toEqual([]);
    expect(dialog.problems).toEqual([]);
  });

  it('shows a refusal by createReport and lets the person try again', async () => {
    const emu = district();
    const dialog = await open(emu, DEPUTY);
    const { page } = dialog;
    await loaded(page, optionsFor(emu));
    // The chair withdraws the deputy's rights while the dialog is open.
    setAdmins(emu, OWNER);
    const files = driveFiles(emu);
    await createButton(page).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Chỉ quản trị viên').waitFor();
    expect(await alert.innerText()).toMatch(/^Chỉ quản trị viên mới được .*\(phochutich@hoilhpn\.vn\)\.$/);
    expect(driveFiles(emu)).toEqual(files);
    expect(await page.getByRole('link', { name: /Google Docs|PDF/ }).count()).toBe(0);

    setAdmins(emu, `${OWNER}, ${DEPUTY}`);
    await createButton(page).click();
    await page.getByRole('link', { name: /Google Docs/ }).waitFor();
    expect(await alert.innerText()).toBe('');
    expect(dialog.problems).toEqual([]);
  });

  it('shows a unit name that contains markup as plain text', async () => {
    const emu = district();
    const dialog = await open(emu, OWNER);
    const { page } = dialog;
    await loaded(page, optionsFor(emu));
    expect(await items(page, 'Đơn vị chưa nộp')).toContain(HOSTILE);
    expect(await page.locator('img').count()).toBe(0);
    // An injected onerror would have fired alert(1), which the harness records.
    await page.waitForTimeout(100);
    expect(dialog.problems).toEqual([]);
  });

  it('creates one report for a double click: the button is disabled while it runs', async () => {
    const emu = district();
    const dialog = await open(emu, OWNER);
    const { page, server } = dialog;
    await loaded(page, optionsFor(emu));
    const release = server.hold('createReport');
    await createButton(page).dblclick();
    await page.getByRole('status').getByText('Đang tạo báo cáo…').waitFor();
    expect(await createButton(page).isDisabled()).toBe(true);
    await createButton(page).click({ force: true });
    release();
    await page.getByRole('link', { name: /Google Docs/ }).waitFor();
    expect(server.calls.filter((c) => c.fn === 'createReport')).toHaveLength(1);
    const pdfs = emu.drive.files().filter((f) => f.mimeType === 'application/pdf');
    expect(pdfs).toHaveLength(1);
    expect(dialog.problems).toEqual([]);
  });

  it('fits a narrow dialog: nothing scrolls sideways and the button is in reach', async () => {
    const emu = district();
    const record = openFromMenu(emu, MENU, OWNER);
    for (const width of [560, 400]) {
      const dialog = await browser.open(emu, record, { user: OWNER, width, height: 520 });
      await loaded(dialog.page, optionsFor(emu));
      const overflow = await dialog.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      const box = (await createButton(dialog.page).boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(dialog.problems).toEqual([]);
    }
  });
});

/** An admin edits quan_tri in Cấu hình, as a person would. */
function setAdmins(emu: Emulator, value: string): void {
  const row = emu.sheets.values('Cấu hình').findIndex((r) => r[0] === 'quan_tri');
  const edit = emu.sheets.userEdit({ as: OWNER, sheet: 'Cấu hình', a1: `B${row + 1}`, value });
  if (!edit.accepted) throw new Error(`quan_tri = ${value} refused: ${edit.message}`);
}
