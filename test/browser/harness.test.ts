/**
 * The google.script.run shim behaves as Google documents it, so a dialog that passes here does not
 * depend on something only the shim does.
 */
import type { DialogRecord } from '../../scripts/emulator/services/sheets/types';
import { describeInBrowser, useBrowser } from '../support/browser';
import { OWNER } from '../support/district';
import { loadProduct } from '../support/product';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"></head><body><script>
  window.log = [];
  function note(what) {
    return function (value, user) {
      if (value instanceof Error) value = ['Error', value.message];
      log.push([what, value, user === undefined ? null : user]);
    };
  }
  var runner = google.script.run.withFailureHandler(note('failed'));
  // A runner is reusable and each with… call returns a new one: handlers do not leak between them.
  var a = runner.withSuccessHandler(note('a')).withUserObject('from a');
  var b = runner.withSuccessHandler(note('b'));
  a.echo({ when: new Date(Date.UTC(2026, 2, 2, 1, 0)), text: 'Hội <b>' });
  b.echo(7);
  runner.withUserObject({ n: 1 }).boom();
  log.push(['sync', typeof google.script.run.echo_, typeof google.script.run.importCsv]);
</script></body></html>`;

function dialog(html: string): DialogRecord {
  return { kind: 'modal', title: 't', content: html, width: 400, height: 300, user: OWNER, at: 0 };
}

describeInBrowser('the google.script.run shim', () => {
  const browser = useBrowser();

  it('runs server functions as the user, asynchronously, with JSON values, handlers and user objects', async () => {
    const emu = loadProduct();
    const users: string[] = [];
    const user = () => (emu.globals.Session as GoogleAppsScript.Base.Session).getActiveUser().getEmail();
    emu.sandbox.echo = (value: unknown) => {
      users.push(user());
      return { value, at: new emu.ctx.realm.Date(Date.UTC(2026, 0, 1)) };
    };
    emu.sandbox.echo_ = () => 'private';
    emu.sandbox.boom = () => {
      throw new emu.ctx.realm.Error('Chỉ quản trị viên mới được tạo báo cáo (x@y.vn).');
    };
    const { page, server, problems } = await browser.open(emu, dialog(PAGE), { user: 'daikim@hoilhpn.vn' });
    await page.waitForFunction('window.log.length === 4');
    const log = (await page.evaluate('window.log')) as unknown[][];
    // Callbacks come after the calling script has finished.
    expect(log[0]).toEqual(['sync', 'undefined', 'function']);
    expect(log.slice(1)).toEqual(
      expect.arrayContaining([
        [
          'a',
          { value: { when: '2026-03-02T01:00:00.000Z', text: 'Hội <b>' }, at: '2026-01-01T00:00:00.000Z' },
          'from a',
        ],
        ['b', { value: 7, at: '2026-01-01T00:00:00.000Z' }, null],
      ]),
    );
    expect(log.find((entry) => entry[0] === 'failed')).toEqual([
      'failed',
      ['Error', 'Chỉ quản trị viên mới được tạo báo cáo (x@y.vn).'],
      { n: 1 },
    ]);
    expect(users).toEqual(['daikim@hoilhpn.vn', 'daikim@hoilhpn.vn']);
    expect(server.calls.map((c) => [c.fn, c.ok])).toEqual(
      expect.arrayContaining([
        ['echo', true],
        ['boom', false],
      ]),
    );
    expect(problems).toEqual([]);
  });

  it('gives the failure handler an Error with the message, and logs an unhandled failure to the console', async () => {
    const emu = loadProduct();
    emu.sandbox.boom = () => {
      throw new emu.ctx.realm.Error('Chỉ quản trị viên mới được tạo báo cáo (x@y.vn).');
    };
    const html = `<!doctype html><html><head></head><body><script>
      google.script.run.withFailureHandler(function (e) {
        window.seen = [e instanceof Error, e.message];
        google.script.host.close();
      }).boom();
      google.script.run.boom();
    </script></body></html>`;
    const { page, server, problems } = await browser.open(emu, dialog(html), { user: OWNER });
    await page.waitForFunction('window.__hostClosed && window.seen');
    expect(await page.evaluate('window.seen')).toEqual([
      true,
      'Chỉ quản trị viên mới được tạo báo cáo (x@y.vn).',
    ]);
    // The close request and the console message reach the test asynchronously.
    for (let i = 0; i < 100 && (server.hostClosed === 0 || problems.length === 0); i++) {
      await page.waitForTimeout(20);
    }
    expect(server.hostClosed).toBe(1);
    expect(problems).toEqual([
      expect.stringMatching(/^console: Error: Chỉ quản trị viên mới được tạo báo cáo/),
    ]);
  });
});
