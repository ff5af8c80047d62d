/**
 * Limits Google enforces, on the modelled clock. Sources: Quotas for Google Services
 * (https://developers.google.com/apps-script/guides/services/quotas), simple triggers
 * (https://developers.google.com/apps-script/guides/triggers), Best Practices (10 million cells), and
 * the real-run error texts quoted beside each test. Properties sizes and mail recipients per day are
 * covered in properties.test.ts and mail.test.ts.
 */
import { Emulator } from '../../scripts/emulator';
import { message, newSpreadsheet, OWNER, START } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */

const MINUTE = 60_000;
const TIMEOUT = 'Exceeded maximum execution time';

/** A workspace with a bound spreadsheet and the services as globals for handlers defined in the test. */
function setup(owner = OWNER) {
  const { emu, app } = newSpreadsheet('Báo cáo', owner);
  const Utilities = emu.globals.Utilities as any;
  const ScriptApp = emu.globals.ScriptApp as any;
  const sheet = app.getActiveSpreadsheet().getActiveSheet();
  return { emu, app, sheet, Utilities, ScriptApp };
}

describe('run time of one execution: 6 minutes (quotas page: "Script runtime 6 min / execution")', () => {
  it("stops at the next service call after 6 minutes with Google's text; what it wrote stays", () => {
    const { emu, sheet, Utilities } = setup();
    const done: number[] = [];
    emu.sandbox.longJob = () => {
      for (let i = 1; i <= 3; i++) {
        Utilities.sleep(170_000);
        sheet.getRange(i, 1).setValue(i);
        done.push(i);
      }
    };
    // Text seen in real runs (labnol.org/code/20016-maximum-execution-time-limit).
    expect(message(() => emu.run('longJob'))).toBe(TIMEOUT);
    // Two rounds fit in 6 minutes; the third sleep ends past them, so its write never happens.
    expect(done).toEqual([1, 2]);
    expect(emu.sheets.values('Trang tính1')).toEqual([[1], [2]]);
    expect(emu.limits.executions().at(-1)).toMatchObject({ functionName: 'longJob', stopped: TIMEOUT });
  });

  it('cannot be caught: later calls throw it again and the execution ends with it', () => {
    const { emu, sheet, Utilities } = setup();
    const caught: string[] = [];
    emu.sandbox.stubborn = () => {
      try {
        Utilities.sleep(300_000);
        Utilities.sleep(70_000);
        sheet.getRange('A1').setValue('không tới');
      } catch (error) {
        caught.push((error as Error).message);
      }
      try {
        sheet.getRange('A2').setValue('cũng không');
      } catch (error) {
        caught.push((error as Error).message);
      }
      return 'xong';
    };
    expect(message(() => emu.run('stubborn'))).toBe(TIMEOUT);
    expect(caught).toEqual([TIMEOUT, TIMEOUT]);
    expect(emu.sheets.values('Trang tính1')).toEqual([]);
  });

  it('an execution whose last call ends past 6 minutes fails at its end', () => {
    const { emu, Utilities } = setup();
    emu.sandbox.lastCallTooLong = () => {
      Utilities.sleep(300_000);
      Utilities.sleep(61_000);
      return 'xong';
    };
    expect(message(() => emu.run('lastCallTooLong'))).toBe(TIMEOUT);
  });

  it('is a per-account setting: 30 minutes for a Workspace account that has it (Best Practices)', () => {
    const { emu, Utilities } = setup();
    emu.limits.setExecutionLimit(OWNER, 30 * MINUTE);
    emu.sandbox.tenMinutes = () => {
      for (let i = 0; i < 2; i++) Utilities.sleep(300_000);
      return 'xong';
    };
    expect(emu.run('tenMinutes')).toBe('xong');
    emu.limits.setExecutionLimit(OWNER, null);
    expect(message(() => emu.run('tenMinutes'))).toBe(TIMEOUT);
  });

  it('a time-driven trigger past 6 minutes is a failed run with the same text', () => {
    const { emu, ScriptApp, Utilities } = setup();
    emu.sandbox.nightly = () => {
      for (let i = 0; i < 3; i++) Utilities.sleep(150_000);
    };
    emu.execute(() => ScriptApp.newTrigger('nightly').timeBased().after(MINUTE).create());
    const [run] = emu.tick(START.getTime() + 10 * MINUTE);
    expect(run).toMatchObject({ handler: 'nightly', ok: false, error: TIMEOUT });
  });
});

describe('simple triggers: "They can\'t run for longer than 30 seconds"', () => {
  it('an onEdit past 30 s stops at its next call; the edit itself stays', () => {
    const { emu, sheet, Utilities } = setup();
    emu.sandbox.onEdit = () => {
      Utilities.sleep(20_000);
      Utilities.sleep(11_000);
      sheet.getRange('B1').setValue('đã xử lý');
    };
    expect(emu.sheets.userEdit({ as: OWNER, sheet: 'Trang tính1', a1: 'A1', value: '5' }).accepted).toBe(
      true,
    );
    expect(emu.sheets.triggerErrors().map((e) => [e.trigger, e.message])).toEqual([['onEdit', TIMEOUT]]);
    expect(emu.sheets.values('Trang tính1')).toEqual([[5]]);
  });

  it('an onEdit within 30 s runs to its end', () => {
    const { emu, sheet, Utilities } = setup();
    emu.sandbox.onEdit = () => {
      Utilities.sleep(20_000);
      sheet.getRange('B1').setValue('đã xử lý');
    };
    emu.sheets.userEdit({ as: OWNER, sheet: 'Trang tính1', a1: 'A1', value: '5' });
    expect(emu.sheets.triggerErrors()).toEqual([]);
    expect(emu.sheets.values('Trang tính1')).toEqual([[5, 'đã xử lý']]);
  });
});

describe('daily trigger run time: 90 min consumer, 6 h Workspace (quotas page, "Triggers total runtime")', () => {
  /** A trigger every 30 minutes that runs 299 s; how many runs succeed in a day, and the first failure. */
  function day(owner: string) {
    const { emu, ScriptApp, Utilities } = setup(owner);
    emu.sandbox.job = () => Utilities.sleep(299_000);
    emu.execute(() => ScriptApp.newTrigger('job').timeBased().everyMinutes(30).create());
    const fired = emu.tick(START.getTime() + 24 * 3600_000 - MINUTE);
    return { emu, ok: fired.filter((f) => f.ok).length, failed: fired.find((f) => !f.ok) };
  }

  it('a consumer account runs out after 90 minutes of trigger time', () => {
    const { emu, ok, failed } = day('chutich@gmail.com');
    // 18 runs of 299 s make 89.7 minutes; the 19th passes 90 and fails at its end.
    expect(ok).toBe(18);
    // Text from the quotas page's exception list.
    expect(failed?.error).toBe('Service using too much computer time for one day.');
    expect(emu.limits.triggerRuntimeToday('chutich@gmail.com')).toBeGreaterThan(90 * MINUTE);
  });

  it('a Workspace account has 6 hours: 47 runs of 299 s fit in a day', () => {
    const { ok, failed } = day(OWNER);
    expect(failed).toBeUndefined();
    expect(ok).toBe(47);
  });

  it('the budget comes back 24 hours after the first use', () => {
    const { emu } = day('chutich@gmail.com');
    // The quota day began with the first run, 30 minutes after the trigger was made: the run 24 h after
    // the trigger still fails, the one 24.5 h after it succeeds and starts a new day.
    const next = emu.tick(START.getTime() + 25 * 3600_000);
    expect(next.map((f) => f.ok)).toEqual([false, true]);
    expect(emu.limits.triggerRuntimeToday('chutich@gmail.com')).toBe(299_000 + 1);
  });
});

describe('spreadsheet size (apps-script-facts §1.6)', () => {
  // Text seen in real runs from Apps Script and the Sheets API.
  const CELLS =
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

  it('10 million cells counting empty grid cells: rows or columns past it are refused, nothing changes', () => {
    const { emu, sheet } = setup();
    emu.execute(() => {
      // 1000 × 26 now; 384,000 more rows of 26 columns make 10,010,000 cells.
      expect(message(() => sheet.insertRowsAfter(1000, 384_000))).toBe(CELLS);
      expect(sheet.getMaxRows()).toBe(1000);
      sheet.insertRowsAfter(1000, 383_000);
      expect(sheet.getMaxRows()).toBe(384_000);
      expect(message(() => sheet.insertColumnsAfter(26, 1))).toBe(CELLS);
      expect(sheet.getMaxColumns()).toBe(26);
    });
  });

  it('a new tab counts its default 1000 × 26 grid; appendRow cannot grow the grid past the limit', () => {
    const { emu, app, sheet } = setup();
    const ss = app.getActiveSpreadsheet();
    emu.execute(() => {
      sheet.insertRowsAfter(1000, 383_615); // 384,615 × 26 = 9,999,990 cells
      expect(message(() => ss.insertSheet('Thêm'))).toBe(CELLS);
      expect(ss.getSheets()).toHaveLength(1);
      sheet.getRange(384_615, 1).setValue('cuối');
      expect(message(() => sheet.appendRow(['một dòng nữa']))).toBe(CELLS);
      expect(sheet.getMaxRows()).toBe(384_615);
    });
  });

  it('200 tabs (old limits page; unverified, so configurable)', () => {
    const { emu, app } = setup();
    const ss = app.getActiveSpreadsheet();
    emu.execute(() => {
      for (let i = 2; i <= 200; i++) ss.insertSheet(`Trang ${i}`);
      expect(message(() => ss.insertSheet('Trang 201'))).toBe(
        'This action would increase the number of sheets in the workbook above the limit of 200 sheets.',
      );
      expect(ss.getNumSheets()).toBe(200);
    });
    emu.limits.setMaxSheets(201);
    emu.execute(() => ss.insertSheet('Trang 201'));
    expect(emu.sheets.sheetNames()).toHaveLength(201);
  });

  it("50,000 characters per cell: one more is refused with Sheets' text and nothing is stored", () => {
    const { emu, sheet } = setup();
    emu.execute(() => {
      sheet.getRange('A1').setValue('x'.repeat(50_000));
      expect(message(() => sheet.getRange('A2').setValues([['y'.repeat(50_001)]]))).toBe(
        'Your input contains more than the maximum of 50000 characters in a single cell.',
      );
    });
    const values = emu.sheets.values('Trang tính1');
    expect(values).toHaveLength(1);
    expect(String(values[0]![0])).toHaveLength(50_000);
  });
});

describe('triggers: everyHours takes 1, 2, 4, 6, 8 or 12 (ClockTriggerBuilder reference)', () => {
  it('other values throw', () => {
    const { emu, ScriptApp } = setup();
    emu.execute(() => {
      for (const n of [1, 2, 4, 6, 8, 12]) ScriptApp.newTrigger('job').timeBased().everyHours(n).create();
      for (const n of [3, 5, 24]) {
        expect(message(() => ScriptApp.newTrigger('job').timeBased().everyHours(n))).toBe(
          'The value you passed to everyHours was invalid. It must be one of 1, 2, 4, 6, 8 or 12.',
        );
      }
    });
    expect(emu.triggers.list()).toHaveLength(6);
  });
});

describe('addEditor stores addresses in lower case (as Drive does)', () => {
  it('for the spreadsheet, a protection and a Drive file', () => {
    const { emu, app, sheet } = setup();
    const DriveApp = emu.globals.DriveApp as any;
    const emails = emu.execute(() => {
      const ss = app.getActiveSpreadsheet();
      ss.addEditor('Can.Bo@HoiLHPN.vn');
      const protection = sheet.protect();
      protection.addEditor('Pho.ChuTich@HoiLHPN.vn');
      const file = DriveApp.createFile('a.txt', 'x');
      file.addEditor('Van.Phong@HoiLHPN.vn');
      return {
        spreadsheet: ss.getEditors().map((u: any) => u.getEmail()),
        protection: protection.getEditors().map((u: any) => u.getEmail()),
        file: file.getEditors().map((u: any) => u.getEmail()),
      };
    });
    expect(emails.spreadsheet).toContain('can.bo@hoilhpn.vn');
    expect(emails.protection).toContain('pho.chutich@hoilhpn.vn');
    expect(emails.file).toContain('van.phong@hoilhpn.vn');
    // The person then edits under the address Google knows them by (the new protection mirrors the
    // file's editors, so can.bo may edit the protected sheet).
    expect(
      emu.sheets.userEdit({ as: 'can.bo@hoilhpn.vn', sheet: 'Trang tính1', a1: 'A1', value: '1' }),
    ).toEqual({
      accepted: true,
    });
  });
});

describe('limits and the saved workspace', () => {
  it('per-account settings and trigger time used survive a snapshot', () => {
    const { emu } = setup();
    emu.limits.setExecutionLimit(OWNER, 30 * MINUTE);
    emu.limits.setMaxSheets(150);
    const restored = new Emulator({ state: emu.snapshot() });
    expect(restored.ctx.state.limits).toEqual({
      executionMs: { [OWNER]: 30 * MINUTE },
      maxSheets: 150,
      triggerRuntime: {},
    });
  });
});
