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
import { emulatedMethods } from '../support/emulatedMethods';
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

/** A district's workbook before Khởi tạo (as `npm run local -- init` makes it), on the day `now`. */
function workbook(dist: string, now: number): Emulator {
  const emu = new Emulator({ now, owner: OWNER, distDir: dist }).loadBundle(dist);
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
    emu = workbook(DIST, vietnamTime(2026, 1, 5, 8));
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
 * A district's first quarter as its people live it: Khởi tạo, the chair opens the Sheet and installs
 * the schedule from the menu, an officer ticks "Nộp", the clock runs through the reminders (from the
 * 5th), the roll-ups and the quarterly email (the 11th), the chair makes the report from its dialog.
 * Returns the calls refused for a missing scope, by the entry point whose execution made them
 * (caught by the product or not: the emulator records every refusal, as the execution log would),
 * and the consent prompts of the menu entries that found a scope they need missing before they began.
 */
function firstQuarter(dist: string): Record<string, string[]> {
  const emu = workbook(dist, vietnamTime(2026, 3, 30, 9));
  const attempt = (act: () => unknown): void => {
    try {
      act();
    } catch {
      // The refusal, if that is what it was, is in the emulator's record.
    }
  };
  attempt(() => emu.run('setUpWorkbook', [CONFIG], { user: OWNER }));
  const sheetId = emu.sheets.activeSpreadsheetId();
  for (const unit of CONFIG.don_vi) for (const email of unit.email) emu.drive.share(sheetId, email, 'EDIT');
  emu.sheets.userOpen({ as: OWNER });
  attempt(() => emu.sheets.clickMenu('Hội LHPN > Cài đặt lịch tự động', { as: OWNER }));
  const ward = CONFIG.don_vi[0]!;
  const tab = `${ward.ma} - ${ward.ten.replace(/^Hội LHPN /, '')}`;
  attempt(() => emu.sheets.userEdit({ as: ward.email[0]!, sheet: tab, a1: 'D5', value: true }));
  emu.tick(vietnamTime(2026, 4, 11, 9));
  // "Tạo báo cáo…" opens a dialog, whose button calls createReport through google.script.run.
  const dialogs = emu.sheets.dialogs().length;
  attempt(() => emu.sheets.clickMenu('Hội LHPN > Tạo báo cáo…', { as: OWNER }));
  if (emu.sheets.dialogs().length > dialogs)
    attempt(() => emu.run('createReport', [{ ky: '2026-Q1' }], { user: OWNER, kind: 'menu' }));

  const byEntryPoint: Record<string, string[]> = {};
  const note = (functionName: string | null, what: string) => {
    const calls = (byEntryPoint[functionName ?? '(none)'] ??= []);
    if (!calls.includes(what)) calls.push(what);
  };
  for (const refusal of emu.consent.refusals()) note(refusal.functionName, refusal.method);
  // A menu entry checks its scopes first (src/app/authorization.ts) and asks for what is missing.
  for (const prompt of emu.consent.prompts())
    note(prompt.functionName, `asks for ${prompt.scopes.map((s) => s.replace(/.*\/auth\//, '')).join(', ')}`);
  return byEntryPoint;
}

describe('each scope of the manifest, removed in turn, breaks what needs it', () => {
  const without = (scope: string) =>
    firstQuarter(deploy({ ...SHIPPED, oauthScopes: SHIPPED.oauthScopes.filter((s) => s !== scope) }));

  it('with every scope, nothing of the first quarter is refused', () => {
    expect(firstQuarter(DIST)).toEqual({});
  }, 120_000);

  // Each menu entry checks the scopes it needs before it begins (src/app/authorization.ts): with one
  // missing from the manifest, the entries that need it ask for it (and can never get it).
  it('userinfo.email: Khởi tạo, the schedule and the report dialog ask for it (who does what)', () => {
    expect(without(SCOPES.userinfoEmail)).toEqual({
      setUpWorkbook: ['asks for userinfo.email'],
      installSchedules: ['asks for userinfo.email'],
      openReportDialog: ['asks for userinfo.email'],
    });
  }, 120_000);

  it('script.send_mail: the schedule (reminders, the quarterly email) cannot be installed', () => {
    expect(without(SCOPES.sendMail)).toEqual({ installSchedules: ['asks for script.send_mail'] });
  }, 120_000);

  it('script.scriptapp: Khởi tạo cannot install the edit trigger, nor the chair the schedule', () => {
    expect(without(SCOPES.scriptApp)).toEqual({
      setUpWorkbook: ['asks for script.scriptapp'],
      installSchedules: ['asks for script.scriptapp'],
    });
  }, 120_000);

  it('script.container.ui: no menu when the Sheet opens, and Khởi tạo cannot show its result', () => {
    expect(without(SCOPES.containerUi)).toEqual({
      onOpen: ['Ui.createMenu'],
      setUpWorkbook: ['asks for script.container.ui'],
    });
  }, 120_000);

  it('documents: no report template, no quarterly report, no report from the dialog', () => {
    expect(without(SCOPES.documents)).toEqual({
      setUpWorkbook: ['asks for documents'],
      installSchedules: ['asks for documents'],
      openReportDialog: ['asks for documents'],
    });
  }, 120_000);

  it('drive: no folder for the template or the reports', () => {
    expect(without(SCOPES.drive)).toEqual({
      setUpWorkbook: ['asks for drive'],
      installSchedules: ['asks for drive'],
      openReportDialog: ['asks for drive'],
    });
  }, 120_000);

  it('spreadsheets: nothing works, from Khởi tạo to the menu', () => {
    // The Advanced Sheets and Docs services stay enabled: explicit scopes make them add none of their own.
    expect(without(SCOPES.spreadsheets)).toEqual({
      setUpWorkbook: ['asks for spreadsheets'],
      onOpen: ['SpreadsheetApp.getUi'],
    });
  }, 240_000);

  it('covers every scope the manifest asks for', () => {
    const tested = [
      SCOPES.userinfoEmail,
      SCOPES.sendMail,
      SCOPES.scriptApp,
      SCOPES.containerUi,
      SCOPES.documents,
      SCOPES.drive,
      SCOPES.spreadsheets,
    ];
    expect([...SHIPPED.oauthScopes].sort()).toEqual(tested.sort());
  });
});
