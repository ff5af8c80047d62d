/**
 * Granular consent as people meet it: a person may untick scopes on Google's consent screen
 * (https://developers.google.com/apps-script/concepts/scopes). Each menu entry checks, before it
 * does anything, that the scopes it needs were granted; a person who unticked one reads in
 * Vietnamese what to approve, then Google's prompt opens (ScriptApp.requireScopes). The scope list
 * of each entry is just enough: granted exactly that, the entry does all it does with no call refused.
 */
import type { Emulator } from '../../scripts/emulator';
import { ENTRY_SCOPES, MANIFEST_SCOPES, SCOPE, SCOPE_LABELS } from '../../src/domain/authorization';
import { DK, DK_TAB, enter, GOOD_Q1, OWNER, setUpDistrict, tickSubmit } from '../support/district';
import { loadProduct, sampleConfig } from '../support/product';

type Entry = keyof typeof ENTRY_SCOPES;

const refused = (emu: Emulator) => emu.consent.refusals().map((r) => `${r.functionName}: ${r.method}`);

/** The caption of each entry's menu item, read from the menu the Sheet shows. */
function captions(emu: Emulator): Map<string, string> {
  emu.sheets.userOpen({ as: OWNER });
  const menu = emu.sheets.menus().find((m) => m.name === 'Hội LHPN')!;
  return new Map(menu.items.flatMap((item) => (item ? [[item.functionName, item.caption] as const] : [])));
}

/** A district whose officer DK has typed and submitted the first quarter, on a day reminders go out (05–10/04). */
function districtWithSubmission(): Emulator {
  const emu = setUpDistrict('2026-04-06T09:00:00+07:00');
  enter(emu, DK, DK_TAB, 1, GOOD_Q1);
  tickSubmit(emu, DK, DK_TAB, 1);
  return emu;
}

/** Everything an entry does when a person chooses it, its dialog's buttons included. */
const USE: Record<Entry, (emu: Emulator, click: () => unknown) => void> = {
  setUpWorkbook: (_emu, click) => click(),
  submitQuarter: (emu, click) => {
    emu.sheets.queueUiResponse({ button: 'OK', text: 'TL 2026-Q1' }, { button: 'OK' });
    click();
  },
  reopenQuarter: (emu, click) => {
    emu.sheets.queueUiResponse({ button: 'OK', text: 'DK 2026-Q1' }, { button: 'OK' });
    click();
  },
  checkData: (_emu, click) => click(),
  rollUp: (_emu, click) => click(),
  openReportDialog: (emu, click) => {
    click();
    emu.run('reportOptions', [{ ky: '2026-Q1' }], { user: OWNER, kind: 'menu' });
    emu.run('createReport', [{ ky: '2026-Q1' }], { user: OWNER, kind: 'menu' });
  },
  showTagList: (_emu, click) => click(),
  remindLateUnits: (emu, click) => {
    expect(click()).toMatchObject({ da_nhac: [expect.objectContaining({ don_vi: 'TL' })] });
    expect(emu.mail.outbox().length).toBeGreaterThan(0);
  },
  installSchedules: (emu, click) => {
    click();
    // The schedules run with the installer's grant: reminders, roll-ups, the quarterly email (11/04).
    emu.tick(new Date('2026-04-12T09:00:00+07:00'));
    expect(emu.mail.outbox().length).toBeGreaterThan(1);
  },
  checkInstallation: (_emu, click) => click(),
  openImportDialog: (emu, click) => {
    click();
    const csv = 'don_vi,ky,ma_chi_tieu,gia_tri\nTL,2026-Q1,TC_HV,980\n';
    const id = emu.drive.createFile('tl.csv', csv, { mimeType: 'text/csv', owner: OWNER });
    emu.run('importCsv', [{ tep: `https://drive.google.com/file/d/${id}/view` }], {
      user: OWNER,
      kind: 'menu',
    });
  },
  startNewYear: (_emu, click) => {
    expect(click()).toMatchObject({ nam_moi: 2027 });
  },
  showGuide: (_emu, click) => click(),
};

describe('each menu entry needs exactly the scopes it declares', () => {
  const entries = Object.keys(ENTRY_SCOPES) as Entry[];

  it('covers every item of the menu', () => {
    const emu = setUpDistrict();
    expect([...captions(emu).keys()].sort()).toEqual([...entries].sort());
  });

  it.each(entries)('%s runs with only its scopes granted', (entry) => {
    const emu =
      entry === 'startNewYear' ? setUpDistrict('2026-12-20T09:00:00+07:00') : districtWithSubmission();
    const caption = captions(emu).get(entry)!;
    emu.consent.grant(OWNER, ENTRY_SCOPES[entry]);
    USE[entry](emu, () => emu.sheets.clickMenu(`Hội LHPN > ${caption}`, { as: OWNER }));
    expect(refused(emu)).toEqual([]);
    expect(emu.consent.prompts()).toEqual([]);
  });
});

describe('a person who unticked a scope', () => {
  it('reads what to approve, then Google asks for exactly that, and nothing is written', () => {
    const emu = setUpDistrict();
    emu.consent.grant(OWNER, [SCOPE.spreadsheets, SCOPE.containerUi, SCOPE.userinfoEmail, SCOPE.scriptApp]);
    emu.sheets.userOpen({ as: OWNER });
    const before = emu.sheets.values('Nhật ký');
    expect(() => emu.sheets.clickMenu('Hội LHPN > Tạo báo cáo…', { as: OWNER })).toThrow(
      'Authorization is required to perform that action.',
    );
    const alert = emu.sheets.alerts().at(-1)!;
    expect(alert.title).toBe('Cần cấp quyền');
    expect(alert.prompt).toContain('Để dùng "Tạo báo cáo…", bạn cần cho phép mã của bảng tính:');
    expect(alert.prompt).toContain(`• ${SCOPE_LABELS[SCOPE.documents]}`);
    expect(alert.prompt).toContain(`• ${SCOPE_LABELS[SCOPE.drive]}`);
    expect(alert.prompt).toContain('đánh dấu chọn tất cả các quyền');
    expect(alert.prompt).toContain('"Nâng cao"');
    expect(emu.consent.prompts().map((p) => [p.user, p.scopes])).toEqual([
      [OWNER, [SCOPE.documents, SCOPE.drive]],
    ]);
    expect(emu.sheets.dialogs()).toEqual([]);
    expect(emu.sheets.values('Nhật ký')).toEqual(before);
    expect(refused(emu)).toEqual([]);

    // Approved on the second screen: the dialog opens.
    emu.consent.grant(OWNER, ENTRY_SCOPES.openReportDialog);
    emu.sheets.clickMenu('Hội LHPN > Tạo báo cáo…', { as: OWNER });
    expect(emu.sheets.dialogs().map((d) => d.title)).toEqual(['Tạo báo cáo']);
  });

  it('without script.container.ui no alert can show: Google asks at once', () => {
    const emu = setUpDistrict();
    emu.sheets.userOpen({ as: DK });
    emu.consent.grant(DK, [SCOPE.spreadsheets, SCOPE.userinfoEmail]);
    expect(() => emu.sheets.clickMenu('Hội LHPN > Kiểm tra số liệu', { as: DK })).toThrow(
      'Authorization is required to perform that action.',
    );
    expect(emu.sheets.alerts()).toEqual([]);
    expect(emu.consent.prompts().map((p) => p.scopes)).toEqual([[SCOPE.containerUi]]);
    expect(refused(emu)).toEqual([]);
  });

  it('an officer who unticked Drive and Docs still submits from the menu', () => {
    const emu = setUpDistrict();
    enter(emu, DK, DK_TAB, 1, GOOD_Q1);
    emu.sheets.userOpen({ as: DK });
    emu.consent.grant(DK, ENTRY_SCOPES.submitQuarter);
    emu.sheets.queueUiResponse({ button: 'OK', text: '2026-Q1' }, { button: 'OK' });
    expect(emu.sheets.clickMenu('Hội LHPN > Nộp số liệu quý…', { as: DK })).toMatchObject({
      trang_thai: 'chua_nop',
    });
    expect(refused(emu)).toEqual([]);
  });

  it('the first-run dialog of a blank Sheet waits for the approval too', () => {
    const emu = loadProduct({ owner: OWNER });
    emu.consent.grant(OWNER, [SCOPE.spreadsheets, SCOPE.containerUi, SCOPE.userinfoEmail]);
    emu.sheets.userOpen({ as: OWNER });
    expect(() => emu.sheets.clickMenu('Hội LHPN > Khởi tạo / cập nhật bảng tính', { as: OWNER })).toThrow(
      'Authorization is required',
    );
    expect(emu.sheets.dialogs()).toEqual([]);
    emu.consent.grant(OWNER, ENTRY_SCOPES.setUpWorkbook);
    emu.sheets.clickMenu('Hội LHPN > Khởi tạo / cập nhật bảng tính', { as: OWNER });
    expect(emu.sheets.dialogs().map((d) => d.title)).toEqual(['Thiết lập bảng tính lần đầu']);
    expect(() => emu.run('setUpWorkbook', [sampleConfig()], { user: OWNER, kind: 'menu' })).not.toThrow();
  });
});

describe('an update whose manifest adds a scope', () => {
  const OLD = MANIFEST_SCOPES.filter((s) => s !== SCOPE.sendMail);
  const CHECK = 'Hội LHPN > Kiểm tra cài đặt';
  const reauthorization = (emu: Emulator) =>
    (emu.sheets.values('Kiểm tra cài đặt') as string[][]).find(
      (r) => r[0] === 'Người dùng menu đã cấp quyền của phiên bản này',
    )!;

  it('is told at Khởi tạo; the menu asks everyone again; the check lists who has not approved', () => {
    const emu = setUpDistrict();
    // As the previous version left things: its scopes noted at its Khởi tạo, and what the chair and
    // an officer granted it (the officer used the menu once).
    emu.properties.seed('script', { quyen_cua_ma: JSON.stringify(OLD) });
    emu.consent.grant(OWNER, OLD);
    emu.consent.grant(DK, OLD);
    emu.sheets.userOpen({ as: DK });
    emu.sheets.clickMenu('Hội LHPN > Kiểm tra số liệu', { as: DK });

    // The helper pushed the new version; the chair runs Khởi tạo as the guide says.
    emu.sheets.userOpen({ as: OWNER });
    emu.sheets.clickMenu('Hội LHPN > Khởi tạo / cập nhật bảng tính', { as: OWNER });
    const told = emu.sheets.alerts().at(-1)!;
    expect(told.prompt).toContain('Phiên bản mới của mã cần thêm quyền:\n• Gửi email thay bạn');
    expect(told.prompt).toContain('Mọi người phải cấp quyền lại');
    expect(
      emu.sheets.values('Nhật ký').some((r) => String(r[2]).startsWith('Phiên bản mới cần thêm quyền')),
    ).toBe(true);

    // The chair's next menu item asks for the new scope; approved, the check lists the officer.
    expect(() => emu.sheets.clickMenu(CHECK, { as: OWNER })).toThrow('Authorization is required');
    expect(emu.consent.prompts().at(-1)).toMatchObject({ user: OWNER, scopes: [SCOPE.sendMail] });
    emu.consent.grant(OWNER, MANIFEST_SCOPES);
    emu.sheets.clickMenu(CHECK, { as: OWNER });
    const [, result, detail] = reauthorization(emu);
    expect(result).toBe('Cần sửa');
    expect(detail).toMatch(
      new RegExp(`^chưa cấp lại: ${DK} \\(thiếu: Gửi email thay bạn; dùng menu lần cuối với phiên bản `),
    );
    expect(detail).not.toContain(OWNER);

    // The officer is asked too, even for an item that does not send mail; approved, nobody is left.
    emu.sheets.userOpen({ as: DK });
    expect(() => emu.sheets.clickMenu('Hội LHPN > Kiểm tra số liệu', { as: DK })).toThrow(
      'Authorization is required',
    );
    expect(emu.sheets.alerts().at(-1)!.prompt).toContain('• Gửi email thay bạn');
    emu.consent.grant(DK, MANIFEST_SCOPES);
    emu.sheets.clickMenu('Hội LHPN > Kiểm tra số liệu', { as: DK });
    emu.sheets.userOpen({ as: OWNER });
    emu.sheets.clickMenu(CHECK, { as: OWNER });
    expect(reauthorization(emu).slice(1, 3)).toEqual(['Đạt', 'mọi người đã dùng menu đều đã cấp đủ quyền']);
  });

  it('a Khởi tạo with no new scope says nothing of the kind', () => {
    const emu = setUpDistrict();
    emu.sheets.userOpen({ as: OWNER });
    const alerts = emu.sheets.alerts().length;
    emu.sheets.clickMenu('Hội LHPN > Khởi tạo / cập nhật bảng tính', { as: OWNER });
    expect(emu.sheets.alerts().slice(alerts)).toEqual([]);
  });
});
