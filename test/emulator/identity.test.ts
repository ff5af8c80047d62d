/**
 * Who Google says is there: Session.getActiveUser(), getEffectiveUser() and the edit event's `e.user`,
 * for a gmail.com account, someone of the owner's Workspace domain and someone of another domain, in
 * each way code runs. Sources: the Session reference
 * (https://developers.google.com/apps-script/reference/base/session#getActiveUser()), the events
 * guide (https://developers.google.com/apps-script/guides/triggers/events), the installable triggers
 * guide (https://developers.google.com/apps-script/guides/triggers/installable) and a real event-object
 * dump (tanaikech.github.io, 2022-01-04: the trigger's creator is known, another editor is "").
 */
import type { ExecutionKind } from '../../scripts/emulator/core/runtime';
import { newSpreadsheet, OWNER } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */

const COLLEAGUE = 'phochutich@hoilhpn.vn'; // the owner's Workspace domain
const GMAIL = 'canbo.daikim@gmail.com'; // a consumer account
const OUTSIDER = 'canbo@phuongdaikim.gov.vn'; // another Workspace domain
const PEOPLE = [OWNER, COLLEAGUE, GMAIL, OUTSIDER];

interface Seen {
  active: string;
  effective: string;
  eventUser?: string;
}

function setup(owner = OWNER, editors = PEOPLE) {
  const { emu, id, app } = newSpreadsheet('Báo cáo', owner);
  for (const email of editors) if (email !== owner) emu.drive.share(id, email, 'EDIT');
  const Session = emu.globals.Session as GoogleAppsScript.Base.Session;
  const ScriptApp = emu.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
  const seen: Record<string, Seen[]> = {};
  const record = (name: string) => (e?: any) => {
    (seen[name] ??= []).push({
      active: Session.getActiveUser().getEmail(),
      effective: Session.getEffectiveUser().getEmail(),
      ...(e?.user ? { eventUser: e.user.getEmail() } : {}),
    });
  };
  emu.sandbox.onEdit = record('onEdit');
  emu.sandbox.onOpen = record('onOpen');
  emu.sandbox.installedEdit = record('installedEdit');
  emu.sandbox.installedOpen = record('installedOpen');
  emu.sandbox.daily = record('daily');
  emu.sandbox.fromMenu = record('fromMenu');
  const install = (as: string) =>
    emu.execute(
      () => {
        ScriptApp.newTrigger('installedEdit').forSpreadsheet(id).onEdit().create();
        ScriptApp.newTrigger('installedOpen').forSpreadsheet(id).onOpen().create();
      },
      { user: as },
    );
  const edit = (as: string) => {
    const result = emu.sheets.userEdit({ as, sheet: 'Trang tính1', a1: 'A1', value: 'x' });
    if (!result.accepted) throw new Error(`${as} could not edit: ${result.message}`);
  };
  return { emu, app, Session, ScriptApp, seen, install, edit };
}

/** Active and effective user as `as` runs code of the given kind. */
function identity(kind: ExecutionKind, as: string, authority = as, owner = OWNER): [string, string] {
  const { emu, Session } = setup(owner);
  return emu.execute(() => [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()], {
    user: as,
    effectiveUser: authority,
    kind,
    authMode: kind === 'simpleTrigger' ? 'LIMITED' : 'FULL',
  }) as [string, string];
}

describe('identity: Workspace owner, editors of three kinds', () => {
  test('the editor and menus (google.script.run alike): everyone authorised the script and is known', () => {
    for (const kind of ['manual', 'menu'] as const)
      for (const person of PEOPLE) expect(identity(kind, person)).toEqual([person, person]);
  });

  test('simple onEdit / onOpen: the owner and the owner’s domain are known; gmail.com and another domain are ""', () => {
    const { seen, edit, emu } = setup();
    for (const person of PEOPLE) edit(person);
    for (const person of PEOPLE) emu.sheets.userOpen({ as: person });
    const expected = [OWNER, COLLEAGUE, '', ''].map((email) => ({
      active: email,
      effective: email,
      eventUser: email,
    }));
    expect(seen.onEdit).toEqual(expected);
    expect(seen.onOpen).toEqual(expected);
  });

  test('installable triggers run with the installer’s authority; e.user and getActiveUser are "" outside the installer’s domain', () => {
    const { seen, edit, install, emu } = setup();
    install(OWNER);
    for (const person of PEOPLE) edit(person);
    for (const person of PEOPLE) emu.sheets.userOpen({ as: person });
    const expected = [OWNER, COLLEAGUE, '', ''].map((email) => ({
      active: email,
      effective: OWNER,
      eventUser: email,
    }));
    expect(seen.installedEdit).toEqual(expected);
    expect(seen.installedOpen).toEqual(expected);
  });

  test('a trigger installed by a gmail.com admin knows that admin only', () => {
    const { seen, edit, install } = setup();
    install(GMAIL);
    for (const person of PEOPLE) edit(person);
    expect(seen.installedEdit).toEqual([
      { active: '', effective: GMAIL, eventUser: '' },
      { active: '', effective: GMAIL, eventUser: '' },
      { active: GMAIL, effective: GMAIL, eventUser: GMAIL },
      { active: '', effective: GMAIL, eventUser: '' },
    ]);
  });

  test('a time-driven trigger runs as its creator, who is the active user', () => {
    const { emu, ScriptApp, seen } = setup();
    emu.execute(() => ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(7).create(), {
      user: GMAIL,
    });
    emu.tick(emu.now().getTime() + 26 * 3600_000);
    expect(seen.daily).toEqual([{ active: GMAIL, effective: GMAIL }]);
  });

  test('a menu item clicked by anyone runs as that person', () => {
    const { emu, app, seen } = setup();
    emu.sandbox.onOpen = () => app.getUi().createMenu('Hội LHPN').addItem('Chạy', 'fromMenu').addToUi();
    emu.sheets.userOpen({ as: OWNER });
    for (const person of PEOPLE) emu.sheets.clickMenu('Hội LHPN > Chạy', { as: person });
    expect(seen.fromMenu).toEqual(PEOPLE.map((p) => ({ active: p, effective: p })));
  });
});

describe('identity: a gmail.com owner', () => {
  const CHAIR = 'hoiphunu.hoangmai@gmail.com';
  const OFFICER = 'canbo.thinhliet@gmail.com';

  test('in triggers only the owner is known: consumer accounts never share a domain', () => {
    const { seen, edit, install } = setup(CHAIR, [CHAIR, OFFICER, OUTSIDER]);
    install(CHAIR);
    for (const person of [CHAIR, OFFICER, OUTSIDER]) edit(person);
    expect(seen.onEdit!.map((s) => s.eventUser)).toEqual([CHAIR, '', '']);
    expect(seen.installedEdit).toEqual([
      { active: CHAIR, effective: CHAIR, eventUser: CHAIR },
      { active: '', effective: CHAIR, eventUser: '' },
      { active: '', effective: CHAIR, eventUser: '' },
    ]);
  });

  test('a gmail.com officer using a menu is known', () => {
    expect(identity('menu', OFFICER, OFFICER, CHAIR)).toEqual([OFFICER, OFFICER]);
  });
});
