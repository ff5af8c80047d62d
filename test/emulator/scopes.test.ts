/**
 * Scopes and consent. Sources: each method's reference page, block "Authorization"
 * (e.g. https://developers.google.com/apps-script/reference/base/session), the "Authorization
 * Scopes" guide with its section on granular OAuth permissions
 * (https://developers.google.com/apps-script/concepts/scopes), the ScriptApp and AuthorizationInfo
 * pages (https://developers.google.com/apps-script/reference/script/script-app,
 * https://developers.google.com/apps-script/reference/script/authorization-info), and the error text
 * seen in real runs ("You do not have permission to call SpreadsheetApp.getActiveSpreadsheet.
 * Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly ||
 * https://www.googleapis.com/auth/spreadsheets)").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Emulator } from '../../scripts/emulator';
import { guard } from '../../scripts/emulator/core/context';
import { SCOPE_TABLE, SCOPES } from '../../scripts/emulator/core/scopes';
import { deployedWith, message, OWNER, START } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */

const OFFICER = 'daikim@hoilhpn.vn';
const EVERYTHING = [
  SCOPES.spreadsheets,
  SCOPES.documents,
  SCOPES.drive,
  SCOPES.sendMail,
  SCOPES.scriptApp,
  SCOPES.containerUi,
  SCOPES.userinfoEmail,
];

/** A workspace whose deployed manifest is `manifest`, with a bound spreadsheet. */
const deployed = (manifest: Record<string, unknown>) => deployedWith(manifest);

const withScopes = (oauthScopes: string[]) => deployed({ timeZone: 'Asia/Ho_Chi_Minh', oauthScopes });

describe('the manifest: every call needs one of its scopes among oauthScopes', () => {
  test('Session.getActiveUser without userinfo.email fails with Google’s text', () => {
    const { g } = withScopes(EVERYTHING.filter((s) => s !== SCOPES.userinfoEmail));
    expect(message(() => g.Session.getActiveUser())).toBe(
      'You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
    // Methods of Session that list no scope still work.
    expect(g.Session.getScriptTimeZone()).toBe('Asia/Ho_Chi_Minh');
  });

  test('several accepted scopes are listed as (a || b); any one of them suffices', () => {
    const none = withScopes([SCOPES.userinfoEmail]);
    expect(message(() => none.g.SpreadsheetApp.getActiveSpreadsheet())).toBe(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
    const current = withScopes([SCOPES.spreadsheetsCurrentOnly]);
    const sheet = current.g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    sheet.getRange('A1').setValue(3);
    expect(sheet.getRange('A1').getValue()).toBe(3);
  });

  test('currentonly does not open another spreadsheet: openById needs spreadsheets', () => {
    const { g, id } = withScopes([SCOPES.spreadsheetsCurrentOnly]);
    expect(message(() => g.SpreadsheetApp.openById(id))).toBe(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });

  test('DriveApp reads accept drive.readonly; copying needs drive', () => {
    const { emu, g, id } = withScopes([SCOPES.driveReadonly]);
    const file = g.DriveApp.getFileById(id);
    expect(file.getName()).toBe('Báo cáo');
    expect(message(() => file.makeCopy('Bản sao'))).toBe(
      'You do not have permission to call File.makeCopy. Required permissions: https://www.googleapis.com/auth/drive',
    );
    expect(emu.drive.byName('Bản sao')).toEqual([]);
  });

  test('an enabled advanced service adds no scope to an explicit list (dependencies.enabledAdvancedServices)', () => {
    const { g } = deployed({
      oauthScopes: [],
      dependencies: {
        enabledAdvancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }],
      },
    });
    expect(message(() => g.SpreadsheetApp.getActiveSpreadsheet())).toContain('Required permissions: (');
    expect(message(() => g.DriveApp.getRootFolder())).toContain('Required permissions: (');
  });

  test('without oauthScopes Google infers them from the code: every call is allowed', () => {
    const { g } = deployed({ timeZone: 'Asia/Ho_Chi_Minh' });
    expect(g.Session.getActiveUser().getEmail()).toBe(OWNER);
    g.MailApp.sendEmail(OFFICER, 'Chủ đề', 'Thân thư');
  });

  test('every refused call is on record, even when the script catches the error', () => {
    const { emu, g } = withScopes([SCOPES.spreadsheets]);
    emu.sandbox.tryMail = () => {
      try {
        g.MailApp.sendEmail(OFFICER, 'Chủ đề', 'Thân thư');
      } catch {
        // swallowed by the script
      }
    };
    emu.run('tryMail', [], { user: OWNER });
    expect(emu.consent.refusals()).toEqual([
      {
        at: START.getTime(),
        method: 'MailApp.sendEmail',
        user: OWNER,
        functionName: 'tryMail',
        scopes: [SCOPES.sendMail],
      },
    ]);
    expect(emu.mail.outbox()).toEqual([]);
  });

  test('a method with no row in the scope table cannot be called', () => {
    const { emu } = withScopes(EVERYTHING);
    const fake = guard({ frobnicate: () => 1 }, 'SpreadsheetApp', emu.ctx);
    // A method in neither table: the cost model refuses it first, the scope table would next.
    expect(message(() => fake.frobnicate())).toMatch(
      /^Emulator: SpreadsheetApp.frobnicate has no modelled cost/,
    );
    emu.ctx.log.definePrice('SpreadsheetApp.frobnicate');
    expect(message(() => fake.frobnicate())).toBe(
      'Not emulated: SpreadsheetApp.frobnicate has no row in the scope table (core/scopes.ts)',
    );
  });
});

describe('runs without full authorization (guides/triggers: simple triggers)', () => {
  const limited = { authMode: 'LIMITED', kind: 'simpleTrigger' } as const;

  test('a simple trigger uses the bound file and the UI, but opens nothing else and sends nothing', () => {
    const { emu, g, id } = withScopes(EVERYTHING);
    emu.execute(() => {
      g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue('x');
      g.SpreadsheetApp.getUi().createMenu('Hội LHPN').addItem('Khởi tạo', 'setUpWorkbook').addToUi();
      expect(g.Session.getActiveUser().getEmail()).toBe(OWNER);
      expect(message(() => g.SpreadsheetApp.openById(id))).toBe(
        'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
      );
      expect(message(() => g.DriveApp.getFileById(id))).toBe(
        'You do not have permission to call DriveApp.getFileById. Required permissions: (https://www.googleapis.com/auth/drive.readonly || https://www.googleapis.com/auth/drive)',
      );
      expect(message(() => g.MailApp.sendEmail(OFFICER, 's', 'b'))).toBe(
        'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
      );
      expect(message(() => g.ScriptApp.getProjectTriggers())).toBe(
        'You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
      );
    }, limited);
    expect(emu.sheets.menus().map((m) => m.name)).toEqual(['Hội LHPN']);
  });

  test('authMode NONE allows only what needs no scope', () => {
    const { emu, g } = withScopes(EVERYTHING);
    emu.execute(
      () => {
        g.PropertiesService.getScriptProperties().setProperty('k', 'v');
        expect(message(() => g.SpreadsheetApp.getActiveSpreadsheet())).toContain(
          'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet.',
        );
      },
      { authMode: 'NONE' },
    );
  });
});

describe('granular consent: what each person granted', () => {
  const withoutMail = EVERYTHING.filter((s) => s !== SCOPES.sendMail);

  test('a person who unticked send_mail cannot send; another person can', () => {
    const { emu, g } = withScopes(EVERYTHING);
    emu.consent.grant(OFFICER, withoutMail);
    expect(emu.consent.granted(OFFICER)).toEqual([...withoutMail].sort());
    expect(emu.consent.granted(OWNER)).toEqual([...EVERYTHING].sort());
    expect(
      message(() => emu.execute(() => g.MailApp.sendEmail(OWNER, 's', 'b'), { user: OFFICER, kind: 'menu' })),
    ).toBe(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    emu.execute(() => g.MailApp.sendEmail(OFFICER, 's', 'b'), { user: OWNER, kind: 'menu' });
    expect(emu.mail.outbox().map((m) => m.to)).toEqual([[OFFICER]]);
  });

  test('an installable trigger runs with its creator’s consent, not the editor’s', () => {
    const { emu, g } = withScopes(EVERYTHING);
    emu.consent.grant(OWNER, withoutMail);
    emu.execute(() => g.MailApp.sendEmail(OWNER, 's', 'b'), {
      user: OFFICER,
      effectiveUser: OFFICER,
      kind: 'menu',
    });
    expect(
      message(() =>
        emu.execute(() => g.MailApp.sendEmail(OWNER, 's', 'b'), {
          user: OFFICER,
          effectiveUser: OWNER,
          kind: 'installableTrigger',
        }),
      ),
    ).toContain('Required permissions: https://www.googleapis.com/auth/script.send_mail');
  });

  test('a simple trigger asks nothing of the person: consent does not matter in LIMITED', () => {
    const { emu, g } = withScopes(EVERYTHING);
    emu.consent.grant(OFFICER, []);
    emu.execute(() => g.SpreadsheetApp.getActiveSpreadsheet().toast('Đã ghi', 'Hội LHPN'), {
      user: OFFICER,
      authMode: 'LIMITED',
      kind: 'simpleTrigger',
    });
    expect(emu.sheets.toasts()).toHaveLength(1);
  });

  test('the consent screen offers only the manifest’s scopes', () => {
    const { emu } = withScopes([SCOPES.spreadsheets]);
    expect(() => emu.consent.grant(OFFICER, [SCOPES.drive])).toThrow(
      `The consent screen does not offer ${SCOPES.drive}`,
    );
  });
});

describe('ScriptApp.getAuthorizationInfo (AuthorizationInfo page)', () => {
  test('FULL: NOT_REQUIRED with no URL when everything is granted; the authorized scopes listed', () => {
    const { g } = withScopes(EVERYTHING);
    const info = g.ScriptApp.getAuthorizationInfo(g.ScriptApp.AuthMode.FULL);
    expect(info.getAuthorizationStatus()).toBe(g.ScriptApp.AuthorizationStatus.NOT_REQUIRED);
    expect(info.getAuthorizationUrl()).toBeNull();
    expect([...info.getAuthorizedScopes()].sort()).toEqual([...EVERYTHING].sort());
  });

  test('FULL after unticking: REQUIRED, a URL to grant the rest, the granted ones listed', () => {
    const { emu, g } = withScopes(EVERYTHING);
    emu.consent.grant(OFFICER, [SCOPES.spreadsheets, SCOPES.userinfoEmail]);
    emu.execute(
      () => {
        const info = g.ScriptApp.getAuthorizationInfo(g.ScriptApp.AuthMode.FULL);
        expect(info.getAuthorizationStatus()).toBe('REQUIRED');
        expect(info.getAuthorizationUrl()).toMatch(/^https:\/\/script\.google\.com\//);
        expect([...info.getAuthorizedScopes()].sort()).toEqual([SCOPES.spreadsheets, SCOPES.userinfoEmail]);
      },
      { user: OFFICER, kind: 'menu' },
    );
  });

  test('with a list of scopes: only those are asked about ("returns the authorized scopes from the specified list")', () => {
    const { emu, g } = withScopes(EVERYTHING);
    emu.consent.grant(OFFICER, [SCOPES.spreadsheets, SCOPES.userinfoEmail]);
    emu.execute(
      () => {
        const granted = g.ScriptApp.getAuthorizationInfo('FULL', [SCOPES.spreadsheets]);
        expect(granted.getAuthorizationStatus()).toBe('NOT_REQUIRED');
        expect(granted.getAuthorizedScopes()).toEqual([SCOPES.spreadsheets]);
        const some = g.ScriptApp.getAuthorizationInfo('FULL', [SCOPES.documents, SCOPES.spreadsheets]);
        expect(some.getAuthorizationStatus()).toBe('REQUIRED');
        expect(some.getAuthorizedScopes()).toEqual([SCOPES.spreadsheets]);
      },
      { user: OFFICER, kind: 'menu' },
    );
  });

  test('other modes require nothing of the user ("no other authorization mode requires that users grant authorization")', () => {
    const { emu, g } = withScopes(EVERYTHING);
    emu.consent.grant(OWNER, []);
    const info = g.ScriptApp.getAuthorizationInfo(g.ScriptApp.AuthMode.LIMITED);
    expect(info.getAuthorizationStatus()).toBe('NOT_REQUIRED');
    expect(info.getAuthorizationUrl()).toBeNull();
    expect(info.getAuthorizedScopes()).toBeNull();
  });

  test('wrong arguments do not match the signature', () => {
    const { g } = withScopes(EVERYTHING);
    expect(message(() => g.ScriptApp.getAuthorizationInfo('EVERYTHING'))).toBe(
      "The parameters (String) don't match the method signature for ScriptApp.getAuthorizationInfo.",
    );
    expect(message(() => g.ScriptApp.requireScopes('FULL'))).toBe(
      "The parameters (String) don't match the method signature for ScriptApp.requireScopes.",
    );
  });
});

describe('ScriptApp.requireScopes / requireAllScopes (script-app page)', () => {
  test('granted: the execution goes on', () => {
    const { emu, g } = withScopes(EVERYTHING);
    emu.execute(() => {
      g.ScriptApp.requireAllScopes(g.ScriptApp.AuthMode.FULL);
      g.ScriptApp.requireScopes(g.ScriptApp.AuthMode.FULL, [SCOPES.sendMail]);
    });
    expect(emu.consent.prompts()).toEqual([]);
  });

  test('missing: the execution ends and an authorization prompt asks for what is missing', () => {
    const { emu, g } = withScopes(EVERYTHING);
    emu.consent.grant(OFFICER, [SCOPES.spreadsheets, SCOPES.containerUi, SCOPES.userinfoEmail]);
    let after = false;
    emu.sandbox.sendSummary = () => {
      g.ScriptApp.requireScopes(g.ScriptApp.AuthMode.FULL, [SCOPES.sendMail, SCOPES.spreadsheets]);
      after = true;
    };
    expect(message(() => emu.run('sendSummary', [], { user: OFFICER, kind: 'menu' }))).toBe(
      'Authorization is required to perform that action.',
    );
    expect(after).toBe(false);
    emu.sandbox.everything = () => g.ScriptApp.requireAllScopes(g.ScriptApp.AuthMode.FULL);
    expect(() => emu.run('everything', [], { user: OFFICER, kind: 'menu' })).toThrow();
    expect(emu.consent.prompts()).toEqual([
      // The second run starts after the first's modelled 100 ms (core/callLog.ts).
      { at: START.getTime(), user: OFFICER, functionName: 'sendSummary', scopes: [SCOPES.sendMail] },
      {
        at: START.getTime() + 100,
        user: OFFICER,
        functionName: 'everything',
        scopes: [SCOPES.documents, SCOPES.drive, SCOPES.scriptApp, SCOPES.sendMail],
      },
    ]);
  });

  test('in a simple trigger (LIMITED) nothing is required', () => {
    const { emu, g } = withScopes(EVERYTHING);
    emu.consent.grant(OFFICER, []);
    emu.execute(() => g.ScriptApp.requireAllScopes(g.ScriptApp.AuthMode.LIMITED), {
      user: OFFICER,
      authMode: 'LIMITED',
      kind: 'simpleTrigger',
    });
    expect(emu.consent.prompts()).toEqual([]);
  });
});

describe('the scope table', () => {
  test('each row names its reference page and what it requires', () => {
    for (const row of SCOPE_TABLE.values()) {
      // Apps Script's reference, or for an advanced service the REST reference of its method.
      expect(row.url).toMatch(
        /^https:\/\/developers\.google\.com\/(apps-script\/reference\/[a-z]+\/[a-z-]+|sheets\/api\/reference\/rest\/v4\/[a-zA-Z/.]+|workspace\/docs\/api\/reference\/rest\/v1\/[a-zA-Z/.]+)$/,
      );
      for (const choice of row.requires) {
        expect(choice.length).toBeGreaterThan(0);
        for (const scope of choice)
          expect(scope).toMatch(/^https:\/\/(www\.googleapis\.com\/auth\/|mail\.google\.com\/)/);
      }
    }
    expect(SCOPE_TABLE.get('Session.getActiveUser')!.requires).toEqual([[SCOPES.userinfoEmail]]);
    // The Docs API takes documents or drive, never documents.currentonly.
    expect(SCOPE_TABLE.get('Docs.Documents.batchUpdate')!.requires).toEqual([
      [SCOPES.documents, SCOPES.drive],
    ]);
    expect(SCOPE_TABLE.get('Range.getValues')!.requires).toEqual([
      [SCOPES.spreadsheetsCurrentOnly, SCOPES.spreadsheets],
    ]);
    expect(SCOPE_TABLE.get('Lock.waitLock')!.requires).toEqual([]);
  });
});

describe('a new version whose manifest adds a scope (Workspace Updates, January 2025)', () => {
  test('people who consented before have not granted it; someone asked for the first time grants all', () => {
    const before = deployed({
      timeZone: 'Asia/Ho_Chi_Minh',
      oauthScopes: EVERYTHING.filter((s) => s !== SCOPES.sendMail),
    });
    before.emu.execute(() => before.g.Session.getActiveUser().getEmail(), { user: OFFICER });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-scopes-'));
    fs.writeFileSync(
      path.join(dir, 'appsscript.json'),
      JSON.stringify({ timeZone: 'Asia/Ho_Chi_Minh', oauthScopes: EVERYTHING }),
    );
    const emu = new Emulator({ state: before.emu.snapshot(), distDir: dir });
    const g = emu.globals as Record<string, any>;
    const status = (user: string) =>
      emu.execute(
        () =>
          String(
            g.ScriptApp.getAuthorizationInfo(g.ScriptApp.AuthMode.FULL, [
              SCOPES.sendMail,
            ]).getAuthorizationStatus(),
          ),
        { user },
      );
    expect(status(OFFICER)).toBe('REQUIRED');
    expect(message(() => emu.execute(() => g.MailApp.getRemainingDailyQuota(), { user: OFFICER }))).toBe(
      'You do not have permission to call MailApp.getRemainingDailyQuota. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(status('moi@hoilhpn.vn')).toBe('NOT_REQUIRED');
    emu.consent.grant(OFFICER, EVERYTHING);
    expect(status(OFFICER)).toBe('NOT_REQUIRED');
  });
});
