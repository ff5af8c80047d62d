import vm from 'node:vm';
import { Emulator } from '../../scripts/emulator';
import { Emulated, guard, isDate, makeEnum } from '../../scripts/emulator/core/context';
import type { ScopeRow } from '../../scripts/emulator/core/scopes';
import { SCOPE_TABLE } from '../../scripts/emulator/core/scopes';

/** A minimal emulated class, to test the machinery every service shares. */
class Counter extends Emulated {
  _value = 0;
  increment(): this {
    this._value += 1;
    return this;
  }
  getValue(): number {
    return this._bump();
  }
  _bump(): number {
    return this._value;
  }
  doubleViaApi(): number {
    return this.getValue() * 2;
  }
}

// Every call passes the scope check, which needs a row per method: the test class gets rows
// (no scope), as every emulated class has (jest gives this file its own copy of the table).
for (const method of ['increment', 'getValue', 'doubleViaApi']) {
  const row: ScopeRow = { method: `Counter.${method}`, requires: [], url: 'test', verified: true };
  (SCOPE_TABLE as Map<string, ScopeRow>).set(row.method, row);
}

function newEmulator(): Emulator {
  const emu = new Emulator({ now: new Date('2026-03-02T08:00:00+07:00'), owner: 'chutich@hoilhpn.vn' });
  // Counter is the test's own class: the cost model needs a price for each method it logs.
  for (const method of ['increment', 'getValue', 'doubleViaApi'])
    emu.ctx.log.definePrice(`Counter.${method}`);
  return emu;
}

describe('emulated objects', () => {
  it('throw "Not emulated: Class.method" for a member the emulator does not implement', () => {
    const counter = new Counter(newEmulator().ctx, 'Counter') as Counter & { reset(): void };
    expect(() => counter.reset()).toThrow('Not emulated: Counter.reset');
  });

  it('throw the same for a member of an unimplemented enum or object', () => {
    const emu = newEmulator();
    const app = guard({}, 'DocumentApp', emu.ctx) as { GlyphType: { BULLET: string } };
    expect(() => app.GlyphType.BULLET).toThrow('Not emulated: DocumentApp.GlyphType');
    const glyphs = makeEnum(emu.ctx, 'DocumentApp.GlyphType', ['BULLET'] as const) as Record<string, string>;
    expect(glyphs.BULLET).toBe('BULLET');
    expect(() => glyphs.SQUARE_BULLET).toThrow('Not emulated: DocumentApp.GlyphType.SQUARE_BULLET');
  });

  it('raise errors of the product realm with the name Exception', () => {
    const emu = newEmulator();
    const counter = new Counter(emu.ctx, 'Counter') as Counter & { reset(): void };
    emu.sandbox.counter = counter;
    const seen = vm.runInContext(
      'try { counter.reset(); } catch (e) { [e instanceof Error, e.name, e.message] }',
      emu.sandbox,
    ) as unknown[];
    expect(Array.from(seen)).toEqual([true, 'Exception', 'Not emulated: Counter.reset']);
  });

  it('keep the guard through chaining', () => {
    const counter = new Counter(newEmulator().ctx, 'Counter');
    const chained = counter.increment().increment() as Counter & { reset(): void };
    expect(chained.getValue()).toBe(2);
    expect(() => chained.reset()).toThrow('Not emulated: Counter.reset');
  });
});

describe('call log and cost model', () => {
  it('counts each public call once, not the API calls made inside it', () => {
    const emu = newEmulator();
    const counter = new Counter(emu.ctx, 'Counter');
    counter.increment();
    counter.doubleViaApi();
    expect(emu.ctx.log.counts()).toEqual({ 'Counter.increment': 1, 'Counter.doubleViaApi': 1 });
  });

  it('prices calls from the latency table, with a cost per cell for large reads and writes', () => {
    const emu = newEmulator();
    const start = emu.now().getTime();
    emu.ctx.call('Range.getValues', () => emu.ctx.noteCells(1000));
    emu.ctx.call('Range.setValues', () => emu.ctx.noteCells(1000));
    // Read: 175 ms + 0.01 ms a cell; write: 5 ms + 0.01 ms a cell (no spreadsheet: nothing pending).
    expect(emu.ctx.log.estimateMs()).toBe(175 + 10 + 5 + 10);
    // The clock moved by the same modelled time.
    expect(emu.now().getTime() - start).toBe(200);
  });
});

describe('fault injection', () => {
  it('fails the nth call with the documented text, then lets later calls through', () => {
    const emu = newEmulator();
    const counter = new Counter(emu.ctx, 'Counter');
    emu.ctx.faults.inject('Counter.increment', { nth: 2, kind: 'lockTimeout' });
    counter.increment();
    expect(() => counter.increment()).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    counter.increment();
    expect(counter.getValue()).toBe(2);
  });

  it('uses the service word of the class in quota and outage messages', () => {
    const emu = newEmulator();
    emu.ctx.faults.inject('MailApp.sendEmail', { kind: 'quota' });
    emu.ctx.faults.inject('File.makeCopy', { kind: 'unavailable' });
    expect(() => emu.ctx.call('MailApp.sendEmail', () => 1)).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(() => emu.ctx.call('File.makeCopy', () => 1)).toThrow('Service unavailable: Drive');
  });

  it('can run a hook at a given call instead of failing it', () => {
    const emu = newEmulator();
    const order: string[] = [];
    emu.ctx.faults.inject('Counter.getValue', { hook: () => order.push('hook') });
    const counter = new Counter(emu.ctx, 'Counter');
    order.push(String(counter.getValue()));
    expect(order).toEqual(['hook', '0']);
  });
});

describe('fault kinds that end the execution', () => {
  // A job as product code: its catch and finally write what they saw, as cleanup would.
  const JOB = `function job() {
    var lock = LockService.getScriptLock();
    lock.tryLock(1000);
    var p = PropertiesService.getScriptProperties();
    try { p.setProperty('a', '1'); p.setProperty('b', '2'); }
    catch (e) { p.setProperty('caught', e.message); }
    finally { p.setProperty('finally', 'yes'); lock.releaseLock(); }
  }`;
  function withJob(): Emulator {
    const emu = new Emulator({ now: new Date('2026-03-02T08:00:00+07:00'), owner: 'chutich@hoilhpn.vn' });
    vm.runInContext(JOB, emu.sandbox, { filename: '/project/dist/Code.js' });
    return emu;
  }
  const stored = (emu: Emulator) => emu.properties.read('script');
  // Calls: getScriptLock, tryLock, getScriptProperties, setProperty a, setProperty b (the 5th).

  it('an error Google returns is caught by the product, whose cleanup runs', () => {
    const emu = withJob();
    emu.ctx.faults.inject('*', { nth: 5, kind: 'unavailable' });
    emu.run('job');
    expect(stored(emu)).toEqual({ a: '1', caught: 'Service unavailable: properties', finally: 'yes' });
  });

  it('the 6-minute stop: the catch runs but every later call throws it, and the execution ends with it', () => {
    const emu = withJob();
    emu.ctx.faults.inject('*', { nth: 5, kind: 'timeLimit' });
    expect(() => emu.run('job')).toThrow('Exceeded maximum execution time');
    expect(stored(emu)).toEqual({ a: '1' });
  });

  it('a hard end runs no catch or finally of the product; writes made stay and the lock is released', () => {
    const emu = withJob();
    emu.ctx.faults.inject('*', { nth: 5, kind: 'hardEnd' });
    expect(() => emu.run('job')).toThrow(
      "We're sorry, a server error occurred. Please wait a bit and try again.",
    );
    expect(stored(emu)).toEqual({ a: '1' });
    // The next execution runs normally, and gets the lock the ended one held.
    emu.run('job');
    expect(stored(emu)).toEqual({ a: '1', b: '2', finally: 'yes' });
  });

  it('a hard end inside an execution started by another ends that one only', () => {
    const emu = withJob();
    emu.ctx.faults.inject('*', { nth: 5, kind: 'hardEnd' });
    const outer = emu.execute(() => {
      let inner = '';
      try {
        emu.run('job');
      } catch (error) {
        inner = (error as Error).message;
      }
      return inner;
    });
    expect(outer).toMatch(/^We're sorry/);
  });

  it('records every call with the product frames at it, so a sweep can fail each in turn', () => {
    const emu = withJob();
    emu.ctx.faults.record();
    emu.run('job');
    const calls = emu.ctx.faults.recorded();
    expect(calls.map((c) => c.name)).toEqual([
      'LockService.getScriptLock',
      'Lock.tryLock',
      'PropertiesService.getScriptProperties',
      'Properties.setProperty',
      'Properties.setProperty',
      'Properties.setProperty',
      'Lock.releaseLock',
    ]);
    expect(calls[3]!.site).toMatch(/^at job \(\/project\/dist\/Code\.js:5:\d+\)$/);
    expect(new Set(calls.map((c) => c.site)).size).toBe(7);
  });
});

describe('clock and realm', () => {
  it('gives the product a Date whose now is the emulated clock', () => {
    const emu = newEmulator();
    const read = () => vm.runInContext('new Date().getTime() + "/" + Date.now()', emu.sandbox) as string;
    const start = new Date('2026-03-02T08:00:00+07:00').getTime();
    expect(read()).toBe(`${start}/${start}`);
    emu.ctx.clock.advanceBy(60_000);
    expect(read()).toBe(`${start + 60_000}/${start + 60_000}`);
    expect(vm.runInContext('new Date(2026, 0, 5).getDate()', emu.sandbox)).toBe(5);
  });

  it('never runs backwards', () => {
    const emu = newEmulator();
    expect(() => emu.ctx.clock.advanceTo(0)).toThrow(/cannot move back/);
  });

  it('hands the product dates of its own realm', () => {
    const emu = newEmulator();
    const date = emu.ctx.toRealmDate(0);
    expect(isDate(date)).toBe(true);
    expect(date instanceof Date).toBe(false);
    expect(vm.runInContext('(d) => d instanceof Date', emu.sandbox)(date)).toBe(true);
  });

  it('hands the product arrays and plain objects of its own realm, as Google does', () => {
    const emu = newEmulator();
    emu.sheets.createBound('Báo cáo');
    // On Google `range.getValues() instanceof Array` holds in the script (V8 runtime, one realm).
    const seen = vm.runInContext(
      `(() => {
        const range = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1:B2');
        range.setValues([[1, 'a'], [new Date(0), true]]);
        const values = range.getValues();
        const cache = CacheService.getScriptCache();
        cache.put('k', 'v');
        return [
          values instanceof Array,
          values.every((row) => row instanceof Array),
          values[1][0] instanceof Date,
          cache.getAll(['k']) instanceof Object,
          typeof range.getSheet().getName,
        ].join(',');
      })()`,
      emu.sandbox,
    ) as string;
    expect(seen).toBe('true,true,true,true,function');
  });

  it('hands a function it calls (a trigger, a menu item) arguments of the product realm', () => {
    const emu = newEmulator();
    emu.sandbox.handler = vm.runInContext(
      '(e) => e instanceof Object && e.list instanceof Array',
      emu.sandbox,
    );
    expect(emu.run('handler', [{ list: [1, 2] }])).toBe(true);
  });
});

describe('executions', () => {
  it('run as the given user, nest for overlapping runs, and run end hooks', () => {
    const emu = newEmulator();
    const ended: string[] = [];
    emu.ctx.runtime.onExecutionEnd((e) => ended.push(e.user));
    const users = emu.execute(
      () => [
        emu.ctx.runtime.current()!.user,
        emu.execute(() => emu.ctx.runtime.running().map((e) => e.user), { user: 'other@hoilhpn.vn' }),
      ],
      { user: 'canbo@hoilhpn.vn' },
    );
    expect(users).toEqual(['canbo@hoilhpn.vn', ['canbo@hoilhpn.vn', 'other@hoilhpn.vn']]);
    expect(ended).toEqual(['other@hoilhpn.vn', 'canbo@hoilhpn.vn']);
    expect(emu.ctx.runtime.current()).toBeNull();
  });

  it('report a missing global function with Apps Script words', () => {
    expect(() => newEmulator().run('khongCo')).toThrow('Script function not found: khongCo');
  });
});

describe('persistence', () => {
  it('restores the clock, the owner and ids from a snapshot', () => {
    const emu = newEmulator();
    emu.ctx.newId('x');
    emu.ctx.clock.advanceBy(5000);
    const restored = new Emulator({ state: emu.snapshot() });
    expect(restored.now().getTime()).toBe(emu.now().getTime());
    expect(restored.owner).toBe('chutich@hoilhpn.vn');
    expect(restored.ctx.newId('x')).toBe('x-000002');
  });
});
