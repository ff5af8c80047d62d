/**
 * Alerts and prompts suspend the script until the person answers; custom dialogs do not (Dialogs
 * guide, https://developers.google.com/apps-script/guides/dialogs: "Alerts suspend the server-side
 * script while the dialog is open"; custom dialogs "do not suspend the server-side script"). While
 * suspended, the execution keeps its locks and others run. getUi() has no editor to show in from a
 * time-driven trigger or the script editor: "Cannot call SpreadsheetApp.getUi() from this context."
 * (seen in real runs: LesterCovax/crypto-sheets#50, davepar/gcalendarsync#50, benlcollins/SheetSizer#1).
 */
import { DEFAULT_ANSWER_DELAY_MS } from '../../scripts/emulator/services/sheets/ui';
import { message, newSpreadsheet, OWNER, START } from './support';

const OFFICER = 'daikim@hoilhpn.vn';
const TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

/** Time since START less the modelled price of the calls so far (core/callLog.ts): what people waited. */
function waited(emu: ReturnType<typeof newSpreadsheet>['emu']): number {
  return emu.now().getTime() - START.getTime() - emu.ctx.log.estimateMs();
}

function setup() {
  const { emu, id, app } = newSpreadsheet('Báo cáo');
  emu.drive.share(id, OFFICER, 'EDIT');
  const LockService = emu.globals.LockService as GoogleAppsScript.Lock.LockService;
  const asChair = <T>(fn: () => T): T => emu.execute(fn, { user: OWNER, kind: 'menu' });
  return { emu, app, LockService, asChair };
}

const html = { getContent: () => '<p>x</p>', getTitle: () => 'x', getWidth: () => 600, getHeight: () => 400 };

describe('alerts and prompts suspend the script', () => {
  test('the clock moves by the answer delay: 20 s by default, configurable, or per answer', () => {
    const { emu, app, asChair } = setup();
    const at = () => waited(emu);
    asChair(() => app.getUi().alert('Đã tổng hợp.'));
    expect(DEFAULT_ANSWER_DELAY_MS).toBe(20_000);
    expect(at()).toBe(20_000);
    emu.sheets.setAlertAnswerDelay(45_000);
    asChair(() => app.getUi().prompt('Nhập quý'));
    expect(at()).toBe(65_000);
    emu.sheets.queueUiResponse({ button: 'OK', afterMs: 3_000 });
    asChair(() => app.getUi().alert('Xong'));
    expect(at()).toBe(68_000);
    expect(emu.sheets.alerts().map((a) => [a.kind, a.answeredAt - a.at])).toEqual([
      ['alert', 20_000],
      ['prompt', 45_000],
      ['alert', 3_000],
    ]);
    expect(() => emu.sheets.setAlertAnswerDelay(-1)).toThrow('An answer delay is a number of ms ≥ 0');
  });

  test('custom dialogs and sidebars return at once', () => {
    const { emu, app, asChair } = setup();
    asChair(() => {
      app.getUi().showModalDialog(html, 'Tạo báo cáo');
      app.getUi().showSidebar(html);
    });
    // Only the calls' modelled price passes: nobody's answer is waited for.
    expect(emu.now().getTime()).toBe(START.getTime() + emu.ctx.log.estimateMs());
    expect(emu.sheets.dialogs()).toHaveLength(2);
  });

  test('another person acts while the alert is open, at the moment it opened, and sees it', () => {
    const { emu, app, asChair } = setup();
    const seen: Array<{ at: number; open: string | undefined; edit: boolean }> = [];
    emu.sheets.duringNextAlert(() => {
      const edit = emu.sheets.userEdit({ as: OFFICER, sheet: 'Trang tính1', a1: 'B2', value: 5 });
      seen.push({
        at: waited(emu),
        open: emu.sheets.alerts().at(-1)?.prompt,
        edit: edit.accepted,
      });
    });
    asChair(() => app.getUi().alert('Đã gửi nhắc nộp.'));
    // At the moment it opened: nothing of the answer delay has passed yet (only call prices, < 1 s).
    expect(seen).toEqual([{ at: expect.any(Number), open: 'Đã gửi nhắc nộp.', edit: true }]);
    expect(Math.abs(seen[0]!.at)).toBeLessThan(1_000);
    expect(emu.sheets.values('Trang tính1')[1]![1]).toBe(5);
    // The hook is used once: the next alert runs nothing.
    asChair(() => app.getUi().alert('Lần nữa'));
    expect(seen).toHaveLength(1);
  });

  test('a lock held through an alert stays held: another execution waits its whole timeout and fails', () => {
    const { emu, app, LockService, asChair } = setup();
    const other: string[] = [];
    emu.sheets.duringNextAlert(() => {
      expect(emu.lock.holder()).toMatchObject({ kind: 'execution', user: OWNER });
      emu.execute(
        () => {
          other.push(String(LockService.getScriptLock().tryLock(10_000)));
          other.push(`${waited(emu)} ms`);
          other.push(message(() => LockService.getScriptLock().waitLock(30_000)));
          other.push(`${waited(emu)} ms`);
        },
        { user: OWNER, kind: 'installableTrigger' },
      );
    });
    asChair(() => {
      LockService.getScriptLock().waitLock(30_000);
      app.getUi().alert('Đã tổng hợp.');
      // The chair resumes no earlier than the waiter gave up: one thread, never faster than Google.
      other.push(`chair resumes at ${waited(emu)} ms`);
    });
    // Within the modelled price of the lock calls (≤ 1 s) of the timeouts: 10 s, then 30 s more.
    const ms = (text: string) => Number(/(-?\d+) ms/.exec(text)![1]);
    expect([other[0], other[2]]).toEqual(['false', TIMEOUT]);
    expect(ms(other[1]!)).toBeGreaterThan(9_000);
    expect(ms(other[1]!)).toBeLessThan(11_000);
    expect(ms(other[3]!) - ms(other[1]!)).toBeGreaterThanOrEqual(30_000);
    expect(ms(other[3]!) - ms(other[1]!)).toBeLessThan(31_000);
    expect(ms(other[4]!)).toBeGreaterThanOrEqual(ms(other[3]!));
    expect(emu.lock.holder()).toBeNull();
  });

  test('a lock released before the alert is free for the other execution at once', () => {
    const { emu, app, LockService, asChair } = setup();
    let got: boolean | null = null;
    emu.sheets.duringNextAlert(() => {
      got = emu.execute(() => LockService.getScriptLock().tryLock(30_000), { user: OWNER });
    });
    asChair(() => {
      const lock = LockService.getScriptLock();
      lock.waitLock(30_000);
      lock.releaseLock();
      app.getUi().alert('Đã tổng hợp.');
    });
    expect(got).toBe(true);
    expect(Math.abs(waited(emu) - DEFAULT_ANSWER_DELAY_MS)).toBeLessThan(1_000);
  });

  test('an exception of the hook comes out of the alert call', () => {
    const { emu, app, asChair } = setup();
    emu.sheets.duringNextAlert(() => {
      throw new Error('hook failed');
    });
    expect(() => asChair(() => app.getUi().alert('x'))).toThrow('hook failed');
  });
});

describe('getUi', () => {
  test('throws from a time-driven trigger and from the script editor', () => {
    const { emu, app } = setup();
    for (const kind of ['timeTrigger', 'manual'] as const) {
      expect(message(() => emu.execute(() => app.getUi(), { kind }))).toBe(
        'Cannot call SpreadsheetApp.getUi() from this context.',
      );
    }
  });

  test('works for a menu item, a dialog’s server call and the spreadsheet’s triggers', () => {
    const { emu, app } = setup();
    for (const kind of ['menu', 'simpleTrigger', 'installableTrigger'] as const) {
      expect(emu.execute(() => typeof app.getUi().alert, { kind })).toBe('function');
    }
  });
});
