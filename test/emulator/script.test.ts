import { Emulator } from '../../scripts/emulator';
import type { SpreadsheetEvent } from '../../scripts/emulator/core/runtime';
import { newEmulator, OWNER, START } from './support';

const SECRETARY = 'thuky@hoilhpn.vn';

function setup() {
  const emu = newEmulator();
  const ScriptApp = emu.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
  return { emu, ScriptApp };
}

/** What SpreadsheetApp emits when a person edits the workbook. */
function editEvent(user: string, spreadsheetId = 'ss-1'): SpreadsheetEvent {
  return {
    type: 'ON_EDIT',
    spreadsheetId,
    user,
    makeEvent: (triggerUid) => ({ authMode: 'FULL', value: '12', triggerUid }),
  };
}

describe('ScriptApp', () => {
  test('a created trigger reports its handler, type and source', () => {
    const { emu, ScriptApp } = setup();
    const [clock, edit] = emu.execute(() => [
      ScriptApp.newTrigger('remindLateUnits').timeBased().everyDays(1).atHour(7).create(),
      ScriptApp.newTrigger('onEditInstalled').forSpreadsheet('ss-1').onEdit().create(),
    ]);
    expect(clock!.getHandlerFunction()).toBe('remindLateUnits');
    expect(clock!.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(clock!.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(clock!.getTriggerSourceId()).toBeNull();
    expect(edit!.getEventType()).toBe(ScriptApp.EventType.ON_EDIT);
    expect(edit!.getTriggerSource()).toBe(ScriptApp.TriggerSource.SPREADSHEETS);
    expect(edit!.getTriggerSourceId()).toBe('ss-1');
    expect(clock!.getUniqueId()).not.toBe(edit!.getUniqueId());
  });

  test('forSpreadsheet accepts a spreadsheet object, and getUserTriggers filters by it', () => {
    const { emu, ScriptApp } = setup();
    const ss = { getId: () => 'ss-9' } as GoogleAppsScript.Spreadsheet.Spreadsheet;
    emu.execute(() => {
      ScriptApp.newTrigger('a').forSpreadsheet(ss).onOpen().create();
      ScriptApp.newTrigger('b').forSpreadsheet('ss-other').onOpen().create();
    });
    const mine = emu.execute(() => ScriptApp.getUserTriggers(ss));
    expect(mine.map((t) => t.getHandlerFunction())).toEqual(['a']);
  });

  test('getProjectTriggers shows only the current user’s triggers; deleteTrigger removes one', () => {
    const { emu, ScriptApp } = setup();
    emu.execute(() => ScriptApp.newTrigger('ownerJob').timeBased().everyHours(1).create());
    emu.execute(() => ScriptApp.newTrigger('secretaryJob').timeBased().everyHours(1).create(), {
      user: SECRETARY,
    });
    const ownerSees = emu.execute(() => ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction()));
    expect(ownerSees).toEqual(['ownerJob']);
    emu.execute(
      () => {
        for (const t of ScriptApp.getProjectTriggers()) ScriptApp.deleteTrigger(t);
      },
      { user: SECRETARY },
    );
    expect(emu.triggers.list().map((t) => t.handler)).toEqual(['ownerJob']);
  });

  test('each trigger runs as its creator', () => {
    const { emu, ScriptApp } = setup();
    const ran: string[] = [];
    emu.sandbox.secretaryJob = () => {
      ran.push((emu.globals.Session as GoogleAppsScript.Base.Session).getEffectiveUser().getEmail());
    };
    emu.execute(() => ScriptApp.newTrigger('secretaryJob').timeBased().after(1000).create(), {
      user: SECRETARY,
    });
    emu.tick(START.getTime() + 60_000);
    expect(ran).toEqual([SECRETARY]);
  });

  test('the 21st trigger of a user is refused with Google’s text', () => {
    const { emu, ScriptApp } = setup();
    emu.execute(() => {
      for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`job${i}`).timeBased().everyHours(1).create();
    });
    expect(() =>
      emu.execute(() => ScriptApp.newTrigger('oneTooMany').timeBased().everyHours(1).create()),
    ).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    // Another user has an allowance of their own.
    emu.execute(() => ScriptApp.newTrigger('theirs').timeBased().everyHours(1).create(), { user: SECRETARY });
    expect(emu.triggers.list()).toHaveLength(21);
  });

  test('a simple trigger (authMode LIMITED) cannot create or list triggers', () => {
    const { emu, ScriptApp } = setup();
    const limited = { authMode: 'LIMITED', kind: 'simpleTrigger' } as const;
    expect(() => emu.execute(() => ScriptApp.newTrigger('job'), limited)).toThrow(
      'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
    expect(() => emu.execute(() => ScriptApp.getProjectTriggers(), limited)).toThrow(
      'You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
  });

  test('builder errors: everyMinutes outside 1, 5, 10, 15, 30; atHour without frequency; bad time zone', () => {
    const { emu, ScriptApp } = setup();
    emu.execute(() => {
      expect(() => ScriptApp.newTrigger('job').timeBased().everyMinutes(2)).toThrow(
        'It must be one of 1, 5, 10, 15 or 30.',
      );
      expect(() => ScriptApp.newTrigger('job').timeBased().atHour(7).create()).toThrow(
        'A frequency is required',
      );
      expect(() => ScriptApp.newTrigger('job').timeBased().inTimezone('Asia/Hanoi_City')).toThrow(
        'Invalid argument: timezone',
      );
      expect(() => ScriptApp.newTrigger('job').forSpreadsheet('ss-1').create()).toThrow(
        'Trigger event type is required.',
      );
    });
    expect(emu.triggers.list()).toEqual([]);
  });

  test('errors reach product code as Exceptions of its own realm', () => {
    const { emu, ScriptApp } = setup();
    const error = emu.execute(() => {
      try {
        ScriptApp.newTrigger('job').timeBased().everyMinutes(7);
      } catch (e) {
        return e as Error;
      }
      return null;
    });
    expect(error?.name).toBe('Exception');
    expect(error instanceof Error).toBe(false);
  });

  test('installable onEdit triggers run as their owner when a person edits the workbook', () => {
    const { emu, ScriptApp } = setup();
    const seen: Array<{ active: string; effective: string; uid: unknown; value: unknown }> = [];
    const Session = emu.globals.Session as GoogleAppsScript.Base.Session;
    emu.sandbox.onEditInstalled = (e: Record<string, unknown>) => {
      seen.push({
        active: Session.getActiveUser().getEmail(),
        effective: Session.getEffectiveUser().getEmail(),
        uid: e.triggerUid,
        value: e.value,
      });
    };
    const trigger = emu.execute(() =>
      ScriptApp.newTrigger('onEditInstalled').forSpreadsheet('ss-1').onEdit().create(),
    );
    emu.execute(() => ScriptApp.newTrigger('onEditInstalled').forSpreadsheet('ss-1').onOpen().create());
    emu.ctx.runtime.emitSpreadsheetEvent(editEvent(SECRETARY));
    emu.ctx.runtime.emitSpreadsheetEvent(editEvent(SECRETARY, 'ss-other'));
    expect(seen).toEqual([{ active: SECRETARY, effective: OWNER, uid: trigger.getUniqueId(), value: '12' }]);
  });

  test('a failing installable onEdit trigger is recorded, not thrown at the person editing', () => {
    const { emu, ScriptApp } = setup();
    emu.sandbox.onEditInstalled = () => {
      throw new Error('Sai định dạng');
    };
    emu.execute(() => ScriptApp.newTrigger('onEditInstalled').forSpreadsheet('ss-1').onEdit().create());
    expect(() => emu.ctx.runtime.emitSpreadsheetEvent(editEvent(SECRETARY))).not.toThrow();
    expect(emu.triggers.failures()).toEqual([
      expect.objectContaining({
        handler: 'onEditInstalled',
        eventType: 'ON_EDIT',
        owner: OWNER,
        message: 'Sai định dạng',
      }),
    ]);
  });

  test('triggers survive a snapshot and keep their schedule', () => {
    const { emu, ScriptApp } = setup();
    emu.execute(() => ScriptApp.newTrigger('job').timeBased().everyDays(1).atHour(7).create());
    const before = emu.triggers.list();
    const restored = new Emulator({ state: emu.snapshot() });
    expect(restored.triggers.list()).toEqual(before);
    const runs: number[] = [];
    restored.sandbox.job = () => runs.push(restored.now().getTime());
    restored.tick(START.getTime() + 24 * 3600_000);
    expect(runs).toEqual([before[0]!.nextRun]);
  });

  test('members not emulated throw Not emulated', () => {
    const { emu, ScriptApp } = setup();
    expect(() => emu.execute(() => ScriptApp.newTrigger('job').forDocument('doc-1'))).toThrow(
      'Not emulated: TriggerBuilder.forDocument',
    );
    expect(() => ScriptApp.getScriptId()).toThrow('Not emulated: ScriptApp.getScriptId');
  });
});
