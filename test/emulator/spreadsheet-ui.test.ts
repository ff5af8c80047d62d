import { Emulator } from '../../scripts/emulator';
import { message, newSpreadsheet, OWNER } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */

const OFFICER = 'canbo.phuong1@hoilhpn.vn';

function setup() {
  const { emu, app } = newSpreadsheet('Báo cáo');
  app.getActiveSpreadsheet().addEditor(OFFICER);
  return { emu, app };
}

/** What HtmlService.createHtmlOutput gives, as far as Ui uses it. */
function htmlOutput(content: string, title = 'Tiêu đề') {
  return { getContent: () => content, getTitle: () => title, getWidth: () => 600, getHeight: () => 400 };
}

describe('Ui menus', () => {
  test('onOpen adds menus for editors; a new open starts with no menus; clickMenu runs the item as a menu execution', () => {
    const { emu, app } = setup();
    emu.sandbox.onOpen = (e: any) => {
      expect([e.authMode, e.user.getEmail(), e.source.getName()]).toEqual(['LIMITED', OFFICER, 'Báo cáo']);
      const ui = app.getUi();
      ui.createMenu('Hội LHPN')
        .addItem('Tạo báo cáo', 'createReport')
        .addSeparator()
        .addSubMenu(ui.createMenu('Lịch').addItem('Cài đặt', 'installSchedules'))
        .addToUi();
    };
    emu.sandbox.createReport = () => {
      const run = emu.ctx.runtime.current();
      return `${run?.kind}:${run?.user}`;
    };
    emu.sandbox.installSchedules = () => 'ok';
    emu.sheets.userOpen({ as: OFFICER });
    expect(emu.sheets.menus()).toEqual([
      {
        name: 'Hội LHPN',
        items: [
          { caption: 'Tạo báo cáo', functionName: 'createReport' },
          null,
          { caption: 'Lịch > Cài đặt', functionName: 'installSchedules' },
        ],
      },
    ]);
    expect(emu.sheets.clickMenu('Hội LHPN > Tạo báo cáo', { as: OFFICER })).toBe(`menu:${OFFICER}`);
    expect(emu.sheets.clickMenu('Lịch > Cài đặt', { as: OFFICER })).toBe('ok');
    expect(() => emu.sheets.clickMenu('Không có', { as: OFFICER })).toThrow('No menu item "Không có"');
    delete emu.sandbox.onOpen;
    emu.sheets.userOpen({ as: OWNER });
    expect(emu.sheets.menus()).toEqual([]);
  });

  test('a viewer opening the file runs no simple trigger', () => {
    const { emu } = setup();
    let opened = 0;
    emu.sandbox.onOpen = () => (opened += 1);
    emu.sheets.userOpen({ as: 'khach@example.com' });
    emu.sheets.userOpen({ as: OWNER });
    expect(opened).toBe(1);
  });

  test('an error in onOpen is recorded', () => {
    const { emu, app } = setup();
    emu.sandbox.onOpen = () => app.openById('abc');
    emu.sheets.userOpen({ as: OWNER });
    expect(emu.sheets.triggerErrors().map((e) => [e.trigger, e.message])).toEqual([
      [
        'onOpen',
        'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
      ],
    ]);
  });
});

describe('Ui dialogs', () => {
  test('alerts answer OK for an OK alert and CLOSE otherwise unless an answer is queued', () => {
    const { emu, app } = setup();
    const ui = app.getUi();
    expect(ui.alert('Đã xong')).toBe(ui.Button.OK);
    expect(ui.alert('Xóa?', ui.ButtonSet.YES_NO)).toBe('CLOSE');
    emu.sheets.queueUiResponse({ button: 'YES' }, { button: 'CANCEL' });
    expect(
      emu.execute(() => ui.alert('Xác nhận', 'Gửi email?', ui.ButtonSet.YES_NO_CANCEL), { user: OFFICER }),
    ).toBe('YES');
    expect(ui.alert('Tiếp?', ui.ButtonSet.OK_CANCEL)).toBe(ui.Button.CANCEL);
    expect(emu.sheets.alerts().map((a) => [a.kind, a.title, a.prompt, a.buttons, a.answer, a.user])).toEqual([
      ['alert', '', 'Đã xong', 'OK', 'OK', OWNER],
      ['alert', '', 'Xóa?', 'YES_NO', 'CLOSE', OWNER],
      ['alert', 'Xác nhận', 'Gửi email?', 'YES_NO_CANCEL', 'YES', OFFICER],
      ['alert', '', 'Tiếp?', 'OK_CANCEL', 'CANCEL', OWNER],
    ]);
    emu.sheets.queueUiResponse({ button: 'YES' });
    expect(() => ui.alert('Chỉ OK')).toThrow('The queued answer YES is not a button of OK');
    expect(message(() => ui.alert('Tiêu đề', 'Nội dung'))).toBe(
      "The parameters (String,String) don't match the method signature for Ui.alert.",
    );
    expect(message(() => ui.Button.MAYBE)).toBe('Not emulated: Ui.Button.MAYBE');
  });

  test('prompts return the queued text and button', () => {
    const { emu, app } = setup();
    const ui = app.getUi();
    emu.sheets.queueUiResponse({ button: 'OK', text: '2026-Q1' });
    const response = ui.prompt('Kỳ báo cáo', 'Nhập kỳ (ví dụ 2026-Q1)', ui.ButtonSet.OK_CANCEL);
    expect([response.getResponseText(), response.getSelectedButton()]).toEqual(['2026-Q1', 'OK']);
    const closed = ui.prompt('Tên?');
    expect([closed.getResponseText(), closed.getSelectedButton()]).toEqual(['', 'CLOSE']);
    expect(emu.sheets.alerts().map((a) => [a.kind, a.title, a.text])).toEqual([
      ['prompt', 'Kỳ báo cáo', '2026-Q1'],
      ['prompt', '', ''],
    ]);
  });

  test('dialogs, sidebars and toasts are recorded in order', () => {
    const { emu, app } = setup();
    const ui = app.getUi();
    ui.showModalDialog(htmlOutput('<p>Báo cáo</p>'), 'Tạo báo cáo');
    ui.showSidebar(htmlOutput('<p>Hướng dẫn</p>', 'Hướng dẫn'));
    app.getActiveSpreadsheet().toast('Đã cập nhật', 'Hội LHPN');
    expect(emu.sheets.dialogs().map((d) => [d.kind, d.title, d.content, d.width, d.height])).toEqual([
      ['modal', 'Tạo báo cáo', '<p>Báo cáo</p>', 600, 400],
      ['sidebar', 'Hướng dẫn', '<p>Hướng dẫn</p>', null, null],
    ]);
    expect(emu.sheets.toasts().map((t) => [t.message, t.title, t.timeoutSeconds])).toEqual([
      ['Đã cập nhật', 'Hội LHPN', 5],
    ]);
  });

  test('getUi cannot be called from a time-driven trigger', () => {
    const { emu, app } = setup();
    expect(message(() => emu.execute(() => app.getUi(), { kind: 'timeTrigger' }))).toBe(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });

  test('menus, alerts, dialogs and the answer queue survive a snapshot', () => {
    const { emu, app } = setup();
    const ui = app.getUi();
    ui.createMenu('Hội LHPN').addItem('Kiểm tra', 'checkData').addToUi();
    ui.alert('Xin chào');
    ui.showModelessDialog(htmlOutput('<b>x</b>'), 'Hộp thoại');
    emu.sheets.queueUiResponse({ button: 'NO' });
    const restored = new Emulator({ state: emu.snapshot() });
    expect(restored.sheets.menus()).toEqual(emu.sheets.menus());
    expect(restored.sheets.alerts()).toEqual(emu.sheets.alerts());
    expect(restored.sheets.dialogs()[0]?.kind).toBe('modeless');
    const again = (restored.globals.SpreadsheetApp as any).getUi();
    expect(again.alert('Tiếp?', again.ButtonSet.YES_NO)).toBe('NO');
  });
});
