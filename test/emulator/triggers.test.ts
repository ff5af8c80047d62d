import { newEmulator, OWNER, START } from './support';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

function setup() {
  const emu = newEmulator();
  const ScriptApp = emu.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
  const events: Record<string, unknown>[] = [];
  emu.sandbox.job = (e: Record<string, unknown>) => {
    events.push(e);
  };
  return { emu, ScriptApp, events };
}

/** Local wall-clock "HH:mm" and weekday of an instant in Hà Nội. */
function hanoi(ms: number): { day: string; time: string; weekday: string } {
  const fmt = (o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', ...o }).format(ms);
  return {
    day: fmt({ year: 'numeric', month: '2-digit', day: '2-digit' }),
    time: fmt({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    weekday: fmt({ weekday: 'long' }),
  };
}

describe('time-driven triggers', () => {
  test('everyDays(1).atHour(7) fires once a day between 07:00 and 08:00, at the same minute each day', () => {
    const { emu, ScriptApp } = setup();
    emu.execute(() => ScriptApp.newTrigger('job').timeBased().everyDays(1).atHour(7).create());
    const fired = emu.tick(START.getTime() + 3 * DAY);
    expect(fired).toHaveLength(3);
    const times = fired.map((f) => hanoi(f.at));
    expect(times.map((t) => t.day)).toEqual(['03/03/2026', '04/03/2026', '05/03/2026']);
    for (const t of times) expect(t.time).toMatch(/^07:/);
    expect(new Set(times.map((t) => t.time)).size).toBe(1);
    expect(fired.every((f) => f.ok && f.handler === 'job')).toBe(true);
  });

  test('the handler gets the time-driven event object in the trigger time zone, run as the owner', () => {
    const { emu, ScriptApp, events } = setup();
    let who: unknown;
    emu.sandbox.job = (e: Record<string, unknown>) => {
      events.push(e);
      who = (emu.globals.Session as GoogleAppsScript.Base.Session).getEffectiveUser().getEmail();
    };
    const trigger = emu.execute(() =>
      ScriptApp.newTrigger('job').timeBased().everyDays(1).atHour(7).inTimezone('Asia/Tokyo').create(),
    );
    const [firing] = emu.tick(START.getTime() + DAY);
    const e = events[0]!;
    expect(e.triggerUid).toBe(trigger.getUniqueId());
    expect(e.authMode).toBe('FULL');
    expect(e.timezone).toBe('Asia/Tokyo');
    expect(e.hour).toBe(7);
    // 07:xx in Tokyo is 05:xx in Hà Nội, on Tuesday 3 March.
    expect(hanoi(firing!.at).time).toMatch(/^05:/);
    expect(e['day-of-month']).toBe(3);
    expect(e['day-of-week']).toBe(2);
    expect(e.month).toBe(3);
    expect(e.year).toBe(2026);
    expect(e['week-of-year']).toBe(10);
    expect(typeof e.minute).toBe('number');
    expect(who).toBe(OWNER);
  });

  test('nearMinute(30) lands within 15 minutes of :30', () => {
    const { emu, ScriptApp } = setup();
    emu.execute(() => ScriptApp.newTrigger('job').timeBased().everyDays(1).atHour(9).nearMinute(30).create());
    const [firing] = emu.tick(START.getTime() + DAY);
    const [hh, mm] = hanoi(firing!.at).time.split(':').map(Number);
    expect(hh! * 60 + mm!).toBeGreaterThanOrEqual(9 * 60 + 15);
    expect(hh! * 60 + mm!).toBeLessThanOrEqual(9 * 60 + 45);
  });

  test('everyHours(6) and everyMinutes(30) count from creation', () => {
    const { emu, ScriptApp } = setup();
    // The calls take modelled time: note when each trigger is created.
    const created = emu.execute(() => {
      const sixHours = ScriptApp.newTrigger('job').timeBased().everyHours(6);
      const sixAt = emu.now().getTime();
      sixHours.create();
      const halfHour = ScriptApp.newTrigger('job').timeBased().everyMinutes(30);
      const halfAt = emu.now().getTime();
      halfHour.create();
      return { sixAt, halfAt };
    });
    const fired = emu.tick(created.halfAt + 6 * HOUR);
    expect(fired).toHaveLength(13);
    expect(fired[0]!.at).toBe(created.halfAt + 30 * 60_000);
    expect(fired.filter((f) => f.at === created.sixAt + 6 * HOUR)).toHaveLength(1);
    expect(fired.filter((f) => f.at === created.halfAt + 6 * HOUR)).toHaveLength(1);
    // In time order.
    expect(fired.map((f) => f.at)).toEqual([...fired.map((f) => f.at)].sort((a, b) => a - b));
  });

  test('onWeekDay runs weekly on that day; everyWeeks(2) every other week', () => {
    const { emu, ScriptApp } = setup();
    emu.execute(() => {
      ScriptApp.newTrigger('job').timeBased().onWeekDay(ScriptApp.WeekDay.FRIDAY).atHour(17).create();
      ScriptApp.newTrigger('job')
        .timeBased()
        .everyWeeks(2)
        .onWeekDay(ScriptApp.WeekDay.WEDNESDAY)
        .atHour(8)
        .create();
    });
    const fired = emu.tick(START.getTime() + 28 * DAY).map((f) => hanoi(f.at));
    expect(fired.filter((f) => f.weekday === 'Friday').map((f) => f.day)).toEqual([
      '06/03/2026',
      '13/03/2026',
      '20/03/2026',
      '27/03/2026',
    ]);
    expect(fired.filter((f) => f.weekday === 'Wednesday').map((f) => f.day)).toEqual([
      '04/03/2026',
      '18/03/2026',
    ]);
  });

  test('onMonthDay(25) runs on the 25th of each month', () => {
    const { emu, ScriptApp } = setup();
    emu.execute(() => ScriptApp.newTrigger('job').timeBased().onMonthDay(25).atHour(6).create());
    const fired = emu.tick(new Date('2026-06-01T00:00:00+07:00'));
    expect(fired.map((f) => hanoi(f.at).day)).toEqual(['25/03/2026', '25/04/2026', '25/05/2026']);
  });

  test('at(date), after(ms) and atDate fire once and stay listed, spent, until deleted', () => {
    const { emu, ScriptApp } = setup();
    const afterFrom = emu.execute(() => {
      ScriptApp.newTrigger('job').timeBased().at(new Date('2026-03-05T10:00:00+07:00')).create();
      const builder = ScriptApp.newTrigger('job').timeBased();
      // "after the current time": the time of the call, which the calls before it have moved.
      const from = emu.now().getTime();
      builder.after(10 * 60_000).create();
      ScriptApp.newTrigger('job').timeBased().atDate(2026, 3, 10).create();
      return from;
    });
    const fired = emu.tick(START.getTime() + 30 * DAY);
    expect(fired).toHaveLength(3);
    expect(fired[0]!.at).toBe(afterFrom + 10 * 60_000);
    expect(fired[1]!.at).toBe(new Date('2026-03-05T10:00:00+07:00').getTime());
    // Near midnight (±15 min) starting 10 March.
    const midnight = new Date('2026-03-10T00:00:00+07:00').getTime();
    expect(Math.abs(fired[2]!.at - midnight)).toBeLessThanOrEqual(15 * 60_000);
    // Google keeps a fired one-off trigger (it still counts towards the person's 20) until deleted.
    expect(emu.triggers.list().map((t) => t.nextRun)).toEqual([null, null, null]);
    expect(emu.tick(START.getTime() + 60 * DAY)).toEqual([]);
    emu.execute(() => ScriptApp.getProjectTriggers().forEach((t) => ScriptApp.deleteTrigger(t)));
    expect(emu.triggers.list()).toEqual([]);
  });

  test('a failing handler is recorded as a failure and later triggers still run', () => {
    const { emu, ScriptApp } = setup();
    emu.sandbox.broken = () => {
      throw new Error('Không đọc được sheet Tổng hợp');
    };
    emu.execute(() => {
      ScriptApp.newTrigger('broken').timeBased().after(60_000).create();
      ScriptApp.newTrigger('missing')
        .timeBased()
        .after(2 * 60_000)
        .create();
      ScriptApp.newTrigger('job')
        .timeBased()
        .after(3 * 60_000)
        .create();
    });
    const fired = emu.tick(START.getTime() + HOUR);
    expect(fired.map((f) => [f.handler, f.ok])).toEqual([
      ['broken', false],
      ['missing', false],
      ['job', true],
    ]);
    expect(fired[0]!.error).toBe('Không đọc được sheet Tổng hợp');
    expect(emu.triggers.failures().map((f) => f.message)).toEqual([
      'Không đọc được sheet Tổng hợp',
      'Script function not found: missing',
    ]);
  });

  test('a trigger created or deleted while firing takes effect for later firings', () => {
    const { emu, ScriptApp } = setup();
    const ScriptAppInside = ScriptApp;
    let jobFrom = 0;
    emu.sandbox.first = () => {
      for (const t of ScriptAppInside.getProjectTriggers()) {
        if (t.getHandlerFunction() === 'hourly') ScriptAppInside.deleteTrigger(t);
      }
      const builder = ScriptAppInside.newTrigger('job').timeBased();
      jobFrom = emu.now().getTime();
      builder.after(5 * 60_000).create();
    };
    emu.sandbox.hourly = () => undefined;
    emu.execute(() => {
      ScriptApp.newTrigger('first')
        .timeBased()
        .after(30 * 60_000)
        .create();
      ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create();
    });
    const fired = emu.tick(START.getTime() + 3 * HOUR);
    expect(fired.map((f) => f.handler)).toEqual(['first', 'job']);
    expect(fired[1]!.at).toBe(jobFrom + 5 * 60_000);
    expect(emu.now().getTime()).toBe(START.getTime() + 3 * HOUR);
  });

  test('list() shows every trigger with its next run', () => {
    const { emu, ScriptApp } = setup();
    emu.execute(() => ScriptApp.newTrigger('job').timeBased().everyHours(2).create());
    expect(emu.triggers.list()).toEqual([
      {
        uid: expect.any(String),
        handler: 'job',
        owner: OWNER,
        eventType: 'CLOCK',
        sourceId: null,
        timeZone: 'Asia/Ho_Chi_Minh',
        // Created after newTrigger, timeBased and everyHours took their modelled 1 ms each.
        nextRun: START.getTime() + 3 + 2 * HOUR,
      },
    ]);
  });
});
