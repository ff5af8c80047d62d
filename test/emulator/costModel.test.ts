/**
 * The cost model (scripts/emulator/core/callLog.ts) against the published figures it is calibrated on.
 * Each test names its source; a modelled time must sit within a factor of two of the published one,
 * on the high side where the model errs high.
 */
import { describePrice, pricedMethods } from '../../scripts/emulator/core/callLog';
import { emulatedMethods } from '../support/emulatedMethods';
import { newSpreadsheet, START } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */

/** Modelled milliseconds of `fn` run as one execution (its end-of-execution flush included). */
function modelled(emu: ReturnType<typeof newSpreadsheet>['emu'], fn: () => void): number {
  const before = emu.now().getTime();
  emu.execute(fn);
  return emu.now().getTime() - before;
}

describe('every emulated method has a price', () => {
  // Read from the emulator's source: every public method of every class extending Emulated.
  const emulated = emulatedMethods();

  it('lists hundreds of methods (the reader of the source works)', () => {
    expect(emulated.length).toBeGreaterThan(500);
    expect(emulated).toEqual(
      expect.arrayContaining(['Range.setValues', 'Protection.addEditors', 'Body.replaceText']),
    );
  });

  it('prices each of them, and prices nothing that is not emulated', () => {
    const priced = new Set(pricedMethods());
    expect(emulated.filter((m) => !priced.has(m))).toEqual([]);
    const known = new Set(emulated);
    expect(pricedMethods().filter((m) => !known.has(m))).toEqual([]);
  });

  it('gives each price a source or says it is an assumption', () => {
    const unsourced = pricedMethods().filter((m) => {
      const text = describePrice(m)!;
      // A named public source (a site, a gist, an issue, a reference page) or a stated assumption.
      return !/assum|https?:\/\/|\.(org|com|dev)\b|#\d+|gist|reference page|Peralta|transcript|Poehnelt/.test(
        text,
      );
    });
    expect(unsourced).toEqual([]);
    expect(describePrice('Range.getValues')).toMatch(
      /^175 ms \+ 0\.01 ms a unit \(read\): the first getValues/,
    );
  });

  it('refuses a call to a method without a price, with an emulator error naming it', () => {
    const { emu } = newSpreadsheet('Báo cáo');
    expect(() => emu.ctx.call('Range.setBackgroundColor', () => undefined)).toThrow(
      'Emulator: Range.setBackgroundColor has no modelled cost. Price it in scripts/emulator/core/callLog.ts with its source.',
    );
  });
});

describe('the clock moves by the modelled cost of each call', () => {
  it('so the product sees its own run time in new Date()', () => {
    const { emu, app } = newSpreadsheet('Báo cáo');
    const elapsed = emu.execute(() => {
      const started = emu.ctx.realm.Date.now();
      app.getActiveSpreadsheet().getActiveSheet().getRange('A1:B2').getValues();
      return emu.ctx.realm.Date.now() - started;
    });
    // getActiveSpreadsheet and getActiveSheet 5 ms each, getRange 1 ms, a read of 4 cells 175.04 ms
    // (whole milliseconds, rounded up).
    expect(elapsed).toBe(5 + 5 + 1 + 176);
    expect(emu.now().getTime()).toBe(START.getTime() + elapsed);
  });
});

describe('setSlowdown, a test driver (not a Google behaviour)', () => {
  it('multiplies every modelled cost, the flush at the end of the execution included, until reset', () => {
    const write = (emu: ReturnType<typeof newSpreadsheet>['emu'], app: any) =>
      modelled(emu, () =>
        app
          .getActiveSpreadsheet()
          .getActiveSheet()
          .getRange('A1:B2')
          .setValues([
            [1, 2],
            [3, 4],
          ]),
      );
    const { emu, app } = newSpreadsheet('Báo cáo');
    const calibrated = write(emu, app);
    emu.ctx.log.setSlowdown(10);
    // Each call is rounded up to whole milliseconds after the factor, not before: at most ten times.
    const slowed = write(emu, app);
    expect(slowed).toBeGreaterThan(9.9 * calibrated);
    expect(slowed).toBeLessThanOrEqual(10 * calibrated);
    emu.ctx.log.setSlowdown(1);
    expect(write(emu, app)).toBe(calibrated);
    expect(() => emu.ctx.log.setSlowdown(0)).toThrow('Emulator: the slowdown must be a positive number');
  });
});

describe('Sheets: writes are buffered, a read after them pays the flush', () => {
  // Apps Script blog, "Optimizing Spreadsheet Operations" (2010): "Every time you do a read, we must
  // first empty (commit) the write cache".
  it('one setValues of 4,000 cells then flush: about 610 ms (Stack Overflow, 2013)', () => {
    const { emu, app } = newSpreadsheet('Báo cáo');
    const sheet = app.getActiveSpreadsheet().getActiveSheet();
    const range = sheet.getRange(1, 1, 400, 10);
    const values = Array.from({ length: 400 }, (_, i) => Array.from({ length: 10 }, (_, j) => i * 10 + j));
    const ms = modelled(emu, () => {
      range.setValues(values);
      app.flush();
    });
    expect(ms).toBeGreaterThan(610 / 2);
    expect(ms).toBeLessThan(610 * 2);
  });

  it('a read after writes costs a flush round trip more than the same read without them', () => {
    const { emu, app } = newSpreadsheet('Báo cáo');
    const sheet = app.getActiveSpreadsheet().getActiveSheet();
    const cell = sheet.getRange('A1');
    const read = (afterWrite: boolean) =>
      emu.execute(() => {
        if (afterWrite) cell.setValue(2);
        const before = emu.now().getTime();
        cell.getValue();
        return emu.now().getTime() - before;
      });
    // Read 175 + 0.01 ms a cell; the flush 500 ms + 0.02 ms a pending cell; a call rounds up to whole ms.
    expect(read(false)).toBe(Math.ceil(175 + 0.01));
    expect(read(true)).toBe(Math.ceil(175 + 0.01 + 500 + 0.02));
  });

  it('a write+read pair: about 800 ms (Justin Poehnelt, apps-script-key-value-stores)', () => {
    const { emu, app } = newSpreadsheet('Báo cáo');
    const sheet = app.getActiveSpreadsheet().getActiveSheet();
    const ms = modelled(emu, () => {
      for (let i = 0; i < 10; i++) {
        sheet.getRange('A1').setValue(i);
        sheet.getRange('A1').getValue();
      }
    });
    expect(ms / 10).toBeGreaterThan(800 / 2);
    expect(ms / 10).toBeLessThan(800 * 2);
  });

  it("Google's 100×100 example: one setBackgrounds ≈ 1 s, a call per cell with a flush per row ≈ 70 s", () => {
    // https://developers.google.com/apps-script/guides/support/best-practices
    const { emu, app } = newSpreadsheet('Báo cáo');
    const sheet = app.getActiveSpreadsheet().getActiveSheet();
    const colors = Array.from({ length: 100 }, () => Array.from({ length: 100 }, () => '#ffffff'));
    sheet.insertColumnsAfter(26, 74);
    const batch = modelled(emu, () => sheet.getRange(1, 1, 100, 100).setBackgrounds(colors));
    expect(batch).toBeGreaterThan(1000 / 2);
    expect(batch).toBeLessThan(1000 * 2);
    const perCell = modelled(emu, () => {
      for (let r = 1; r <= 100; r++) {
        for (let c = 1; c <= 100; c++) sheet.getRange(r, c).setBackground('#eeeeee');
        app.flush();
      }
    });
    expect(perCell).toBeGreaterThan(70_000 / 2);
    expect(perCell).toBeLessThan(70_000 * 2);
  });

  it('the end of the execution and Lock.releaseLock pay what is pending; a clean release pays nothing', () => {
    const { emu, app } = newSpreadsheet('Báo cáo');
    const lockService = emu.globals.LockService as any;
    const range = app.getActiveSpreadsheet().getActiveSheet().getRange('A1:J100');
    const grid = Array.from({ length: 100 }, () => Array.from({ length: 10 }, () => 1));
    // Write (5 + 0.01 × 1,000 = 15 ms), then the execution ends: flush 500 + 0.02 × 1,000 = 520 ms.
    expect(modelled(emu, () => range.setValues(grid))).toBe(15 + 520);
    const release = (write: boolean) =>
      emu.execute(() => {
        const lock = lockService.getScriptLock();
        lock.waitLock(1000);
        if (write) range.setValues(grid);
        const before = emu.now().getTime();
        lock.releaseLock();
        return emu.now().getTime() - before;
      });
    expect(release(true)).toBe(5 + 520);
    expect(release(false)).toBe(5);
  });

  it('a structural change carries the pending cells without a second round trip', () => {
    const { emu, app } = newSpreadsheet('Báo cáo');
    const ss = app.getActiveSpreadsheet();
    const range = ss.getActiveSheet().getRange('A1:J100');
    const grid = Array.from({ length: 100 }, () => Array.from({ length: 10 }, () => 1));
    const alone = modelled(emu, () => ss.insertSheet('Một'));
    const afterWrite = modelled(emu, () => {
      range.setValues(grid);
      ss.insertSheet('Hai');
    });
    // 15 ms for the write, 0.02 ms a pending cell for the carried 1,000; no flush left at the end.
    expect(afterWrite - alone).toBe(15 + 20);
  });
});

describe('other services', () => {
  it('properties: getProperty ≈ 30 ms, setProperty ≈ 62 ms on average (Luis Peralta, ziritione.org)', () => {
    const { emu } = newSpreadsheet('Báo cáo');
    const props = (emu.globals.PropertiesService as any).getScriptProperties();
    expect(modelled(emu, () => props.setProperty('k', 'v'))).toBeGreaterThanOrEqual(62);
    expect(modelled(emu, () => props.getProperty('k'))).toBeGreaterThanOrEqual(30);
    expect(modelled(emu, () => props.getProperty('k'))).toBeLessThan(62);
  });

  it('cache: get ≈ 3 ms, put ≈ 93 ms (Peralta)', () => {
    const { emu } = newSpreadsheet('Báo cáo');
    const cache = (emu.globals.CacheService as any).getScriptCache();
    expect(modelled(emu, () => cache.put('k', 'v'))).toBeGreaterThanOrEqual(93);
    expect(modelled(emu, () => cache.get('k'))).toBeLessThan(10);
  });

  it('addEditors costs a share per address', () => {
    const { emu, app } = newSpreadsheet('Báo cáo');
    const ss = app.getActiveSpreadsheet();
    const one = modelled(emu, () => ss.addEditors(['a@hoilhpn.vn']));
    const three = modelled(emu, () => ss.addEditors(['b@hoilhpn.vn', 'c@hoilhpn.vn', 'd@hoilhpn.vn']));
    expect(three).toBe(3 * one);
  });

  it('estimateMs sums the modelled cost of the calls logged, flushes included', () => {
    const { emu, app } = newSpreadsheet('Báo cáo');
    const range = app.getActiveSpreadsheet().getActiveSheet().getRange('A1');
    emu.ctx.log.clear();
    const ms = modelled(emu, () => {
      range.setValue(1);
      range.getValue();
    });
    expect(emu.ctx.log.estimateMs()).toBe(ms);
  });
});
