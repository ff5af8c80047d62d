import { Emulator } from '../../scripts/emulator';

const START = new Date('2026-03-02T08:00:00+07:00');

function setup() {
  const emu = new Emulator({ now: START, owner: 'chutich@hoilhpn.vn' });
  const Logger = emu.globals.Logger as GoogleAppsScript.Base.Logger;
  const console = emu.globals.console as Console;
  return { emu, Logger, console };
}

describe('Logger and console', () => {
  test('Logger.log formats %s placeholders and getLog returns this execution’s lines', () => {
    const { emu, Logger } = setup();
    emu.execute(() => Logger.log('earlier run'));
    const log = emu.execute(() => {
      Logger.log('Đã gửi %s thư cho %s', 3, 'Phường Mai Động').log({ quarter: 'Q1' });
      return Logger.getLog();
    });
    // Each Logger.log takes its modelled 1 ms: the earlier run's, then the first line's.
    expect(log).toBe(
      '[26-03-02 08:00:00:001 +0700] Đã gửi 3 thư cho Phường Mai Động\n[26-03-02 08:00:00:002 +0700] {"quarter":"Q1"}\n',
    );
  });

  test('Logger.clear empties the current log', () => {
    const { emu, Logger } = setup();
    const log = emu.execute(() => {
      Logger.log('a');
      Logger.clear();
      Logger.log('b');
      return Logger.getLog();
    });
    expect(log).toMatch(/\] b\n$/);
    expect(log).not.toContain('] a');
  });

  test('console lines are stored with time and level', () => {
    const { emu, console } = setup();
    emu.execute(() => {
      console.log('bắt đầu', { n: 1 });
      emu.ctx.clock.advanceBy(1000);
      console.warn('thiếu %s', 'số liệu');
      console.error('lỗi');
      console.info('xong');
    });
    // A line has the time its call began; each console call takes its modelled 1 ms.
    expect(emu.logger.lines().map((l) => [l.level, l.message, l.at - START.getTime()])).toEqual([
      ['INFO', 'bắt đầu {"n":1}', 0],
      ['WARNING', 'thiếu số liệu', 1001],
      ['ERROR', 'lỗi', 1002],
      ['INFO', 'xong', 1003],
    ]);
  });

  test('lines survive a snapshot; a restored Logger starts a fresh log', () => {
    const { emu, Logger } = setup();
    emu.execute(() => Logger.log('trước'));
    const restored = new Emulator({ state: emu.snapshot() });
    expect(restored.logger.lines().map((l) => l.message)).toEqual(['trước']);
    const RestoredLogger = restored.globals.Logger as GoogleAppsScript.Base.Logger;
    expect(restored.execute(() => RestoredLogger.getLog())).toBe('');
    restored.logger.clear();
    expect(restored.logger.lines()).toEqual([]);
  });

  test('members not emulated throw Not emulated', () => {
    const { console } = setup();
    expect(() => console.time('x')).toThrow('Not emulated: console.time');
  });
});
