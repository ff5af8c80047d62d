/**
 * The manifest's scopes against what the product calls. Google refuses a call whose scope the
 * manifest does not list, with "You do not have permission to call X. Required permissions: …"
 * (reference page of each method, block "Authorization";
 * https://developers.google.com/apps-script/concepts/scopes). The emulator checks every call
 * against its scope table (scripts/emulator/core/scopes.ts), so these tests show, on the built
 * bundle, that the shipped manifest is enough for the whole year and that each of its scopes is
 * needed by something a person does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Emulator } from '../../scripts/emulator';
import { SCOPE_TABLE, SCOPES } from '../../scripts/emulator/core/scopes';
import { DemoClock, vietnamTime } from '../../scripts/demo/clock';
import { TARGETS } from '../../scripts/demo/data';
import type { Unit } from '../../scripts/demo/people';
import { typeTargets } from '../../scripts/demo/people';
import { CHAIR_REPORTS, chairReport, playQuarter, QUARTERS } from '../../scripts/demo/year';
import { emulatedMethods } from '../emulator/emulatedMethods';
import { DIST, ROOT } from '../support/product';

interface Config {
  ten_don_vi: string;
  don_vi: Unit[];
  quan_tri: string[];
}

const CONFIG = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'hoang-mai.json'), 'utf8')) as Config;
const OWNER = CONFIG.quan_tri[0]!;
const SHIPPED = JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8')) as {
  oauthScopes: string[];
};

/** The built project with its manifest replaced by `manifest`, as `clasp push` would deploy it. */
function deploy(manifest: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-scopes-'));
  for (const name of fs.readdirSync(DIST)) fs.copyFileSync(path.join(DIST, name), path.join(dir, name));
  fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify(manifest));
  return dir;
}

/** A district's workbook, before Khởi tạo, in January 2026 (as `npm run local -- init` makes it). */
function workbook(dist: string): Emulator {
  const emu = new Emulator({ now: vietnamTime(2026, 1, 5, 8), owner: OWNER, distDir: dist }).loadBundle(dist);
  emu.sheets.createBound(`Báo cáo ${CONFIG.ten_don_vi}`);
  return emu;
}

/** The methods refused for a missing scope so far, in order (caught by the product or not). */
const refusedCalls = (emu: Emulator): string[] => [...new Set(emu.consent.refusals().map((r) => r.method))];

/** Every item of the custom menu, clicked by the chair; what it throws is the product's business. */
function clickEveryMenuItem(emu: Emulator): void {
  for (const menu of emu.sheets.menus())
    for (const item of menu.items) {
      if (!item) continue;
      try {
        emu.sheets.clickMenu(`${menu.name} > ${item.caption}`, { as: OWNER });
      } catch {
        // A refusal is recorded by the emulator; other errors are not what this test is about.
      }
    }
}

describe('the shipped manifest and the year', () => {
  let emu: Emulator;

  beforeAll(() => {
    // The demo's year (scripts/demo.ts): Khởi tạo, the Sheet shared with the wards, the targets,
    // the schedule; four quarters of typing, ticking, reminders, roll-ups, quarterly emails; the
    // 6-month and annual reports; then every menu item.
    emu = workbook(DIST);
    emu.run('setUpWorkbook', [CONFIG], { user: OWNER });
    const sheetId = emu.sheets.activeSpreadsheetId();
    for (const unit of CONFIG.don_vi) for (const email of unit.email) emu.drive.share(sheetId, email, 'EDIT');
    emu.sheets.userOpen({ as: OWNER });
    typeTargets(emu, TARGETS);
    emu.run('installSchedules', [], { user: OWNER });
    const clock = new DemoClock(emu);
    for (const quarter of QUARTERS) {
      playQuarter(emu, clock, CONFIG.don_vi, quarter);
      const ky = CHAIR_REPORTS[quarter];
      if (ky) chairReport(emu, clock, quarter, ky);
    }
    emu.run('checkData', [], { user: OWNER });
    emu.run('rollUp', [{ ky: '2026' }], { user: OWNER });
    clock.assertNoFailures();
    emu.sheets.userOpen({ as: OWNER });
    clickEveryMenuItem(emu);
  }, 600_000);

  it('runs with no call refused', () => {
    expect(refusedCalls(emu)).toEqual([]);
  });

  it('calls only methods that have a row in the scope table', () => {
    const called = [...new Set(emu.ctx.log.entries().map((e) => e.name))].sort();
    expect(called.length).toBeGreaterThan(50);
    expect(called.filter((name) => !SCOPE_TABLE.has(name))).toEqual([]);
  });

  it('asks for exactly the scopes those calls need, with userinfo.email for Session.getActiveUser', () => {
    const called = new Set(emu.ctx.log.entries().map((e) => e.name));
    const requested = new Set(SHIPPED.oauthScopes);
    // For each call, the scope of its row that the manifest grants; a call the manifest could not
    // serve would have been refused above.
    const needed = new Set(
      [...called].flatMap((name) =>
        SCOPE_TABLE.get(name)!.requires.map((choice) => choice.find((s) => requested.has(s))!),
      ),
    );
    expect([...needed].sort()).toEqual([...SHIPPED.oauthScopes].sort());
    expect(called.has('Session.getActiveUser')).toBe(true);
    expect(SHIPPED.oauthScopes).toContain(SCOPES.userinfoEmail);
  });
});

describe('the scope table', () => {
  it('has a row for every public method of every emulated class (un-emulated ones cannot be called)', () => {
    const methods = emulatedMethods();
    expect(methods.length).toBeGreaterThan(700);
    expect(methods.filter((m) => !SCOPE_TABLE.has(m))).toEqual([]);
  }, 60_000);
});

/**
 * What a district does in its first quarter, step by step; each step's refused calls are collected,
 * so one missing scope shows every place it breaks (a step after a failed Khởi tạo may fail for
 * that reason too, as it would for a person).
 */
function firstQuarter(dist: string): Record<string, string[]> {
  const emu = workbook(dist);
  const steps: Record<string, string[]> = {};
  const step = (name: string, act: () => void): void => {
    const before = emu.consent.refusals().length;
    try {
      act();
    } catch {
      // The refusal, if that is what it was, is in the emulator's record.
    }
    steps[name] = [...new Set(emu.consent.refusals().slice(before).map((r) => r.method))];
  };
  const ward = CONFIG.don_vi[0]!;
  step('Khởi tạo', () => {
    emu.run('setUpWorkbook', [CONFIG], { user: OWNER });
    const sheetId = emu.sheets.activeSpreadsheetId();
    for (const unit of CONFIG.don_vi) for (const email of unit.email) emu.drive.share(sheetId, email, 'EDIT');
  });
  step('Mở bảng tính', () => emu.sheets.userOpen({ as: OWNER }));
  step('Cài đặt lịch tự động', () => emu.run('installSchedules', [], { user: OWNER }));
  step('Nộp số liệu', () => {
    emu.tick(vietnamTime(2026, 4, 2, 9));
    const tab = `${ward.ma} - ${ward.ten.replace(/^Hội LHPN /, '')}`;
    emu.sheets.userEdit({ as: ward.email[0]!, sheet: tab, a1: 'D5', value: true });
  });
  step('Nhắc nộp', () => emu.tick(vietnamTime(2026, 4, 5, 9)));
  step('Tổng hợp', () => emu.tick(vietnamTime(2026, 4, 6, 9)));
  step('Thư báo cáo quý', () => emu.tick(vietnamTime(2026, 4, 11, 9)));
  step('Tạo báo cáo', () => emu.run('createReport', [{ ky: '2026-Q1' }], { user: OWNER }));
  return steps;
}

describe('each scope of the manifest, removed in turn', () => {
  const without = (scope: string) =>
    firstQuarter(deploy({ ...SHIPPED, oauthScopes: SHIPPED.oauthScopes.filter((s) => s !== scope) }));
  const broken = (steps: Record<string, string[]>) =>
    Object.fromEntries(Object.entries(steps).filter(([, calls]) => calls.length > 0));

  it('with every scope, no step of the first quarter is refused', () => {
    expect(broken(firstQuarter(DIST))).toEqual({});
  }, 120_000);

  it('userinfo.email: Khởi tạo stops at Session.getActiveUser, and so does every job that records who ran it', () => {
    const steps = broken(without(SCOPES.userinfoEmail));
    expect(steps['Khởi tạo']).toEqual(['Session.getActiveUser']);
  }, 120_000);

  it('script.send_mail: the reminders and the quarterly email cannot be sent', () => {
    const steps = broken(without(SCOPES.sendMail));
    expect(Object.keys(steps)).toEqual(['Nhắc nộp', 'Thư báo cáo quý']);
    expect(steps['Nhắc nộp']).toContain('MailApp.sendEmail');
  }, 120_000);

  it('script.scriptapp: Khởi tạo cannot install the edit trigger, nor the chair the schedule', () => {
    const steps = broken(without(SCOPES.scriptApp));
    expect(steps['Khởi tạo']).toEqual(['ScriptApp.getProjectTriggers']);
    expect(steps['Cài đặt lịch tự động']).toEqual(['ScriptApp.getProjectTriggers']);
  }, 120_000);

  it('script.container.ui: opening the Sheet builds no menu', () => {
    const steps = broken(without(SCOPES.containerUi));
    expect(steps['Mở bảng tính']).toEqual(['Ui.createMenu']);
  }, 120_000);

  it('documents: Khởi tạo cannot write the report template', () => {
    const steps = broken(without(SCOPES.documents));
    expect(steps['Khởi tạo']).toEqual(['DocumentApp.create']);
  }, 120_000);

  it('drive: Khởi tạo cannot file the template, and no report can be made', () => {
    const steps = broken(without(SCOPES.drive));
    expect(steps['Khởi tạo']).toEqual(['DriveApp.getFileById']);
  }, 120_000);

  it('spreadsheets: nothing works, from the first read of the workbook', () => {
    const steps = broken(without(SCOPES.spreadsheets));
    expect(steps['Khởi tạo']).toEqual(['SpreadsheetApp.getActiveSpreadsheet']);
    expect(steps['Mở bảng tính']).toEqual(['SpreadsheetApp.getUi']);
  }, 120_000);
});
