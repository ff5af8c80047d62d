/**
 * Copying the spreadsheet a script is bound to (services/boundCopy.ts): the copy has its own bound
 * script with the same code; installable triggers stay behind; properties are copied (the stricter
 * reading, unverified); the person's "Make a copy" needs access to the original and makes the copy
 * theirs.
 */
import { newSpreadsheet, OWNER } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */

const CHAIR = 'chutich.hoilhpn@gmail.com';

function template() {
  const { emu, id, app } = newSpreadsheet('Bản mẫu báo cáo Hội LHPN');
  const g = emu.globals as any;
  emu.execute(() => {
    app.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue('mẫu');
    g.PropertiesService.getScriptProperties().setProperty('lich_tu_dong', '{"by":"owner"}');
    g.PropertiesService.getDocumentProperties().setProperty('ghi_chu', 'x');
    g.ScriptApp.newTrigger('job').timeBased().everyDays(1).atHour(7).create();
  });
  emu.drive.share(id, CHAIR, 'VIEW');
  return { emu, id, app, g };
}

describe("a person's Make a copy of the bound spreadsheet", () => {
  it('is theirs, with the content, its own script with the properties, and no trigger', () => {
    const { emu, id, app, g } = template();
    const copyId = emu.sheets.makeCopy({ as: CHAIR });
    expect(copyId).not.toBe(id);
    expect(emu.sheets.activeSpreadsheetId()).toBe(copyId);
    const seen = emu.execute(
      () => {
        const ss = app.getActiveSpreadsheet();
        return {
          id: ss.getId(),
          name: ss.getName(),
          owner: ss.getOwner().getEmail(),
          a1: ss.getSheets()[0].getRange('A1').getValue(),
          schedule: g.PropertiesService.getScriptProperties().getProperty('lich_tu_dong'),
          note: g.PropertiesService.getDocumentProperties().getProperty('ghi_chu'),
          triggers: g.ScriptApp.getProjectTriggers().length,
        };
      },
      { user: CHAIR },
    );
    expect(seen).toEqual({
      id: copyId,
      name: 'Copy of Bản mẫu báo cáo Hội LHPN',
      owner: CHAIR,
      a1: 'mẫu',
      schedule: '{"by":"owner"}',
      note: 'x',
      triggers: 0,
    });
    // The template owner's trigger does not run in the copy's project.
    expect(emu.triggers.list()).toEqual([]);
    // The copy opens without the original's menus; its own onOpen adds them.
    expect(emu.sheets.menus()).toEqual([]);
  });

  it('needs access to the original', () => {
    const { emu } = template();
    expect(() => emu.sheets.makeCopy({ as: 'nguoila@gmail.com' })).toThrow('cannot open');
    expect(emu.sheets.activeSpreadsheetId()).not.toBe(undefined);
  });
});

describe('DriveApp File.makeCopy of the bound spreadsheet', () => {
  it('gives the copy a bound script of its own, which a test can switch to; other copies have none', () => {
    const { emu, id, g } = template();
    const { copyId, otherCopyId } = emu.execute(() => {
      const copy = g.DriveApp.getFileById(id).makeCopy('Bản sao');
      // A copy of the copy: its original is not the spreadsheet this script is bound to.
      return { copyId: copy.getId(), otherCopyId: copy.makeCopy().getId() };
    });
    expect(emu.sheets.activeSpreadsheetId()).toBe(id);
    expect(() => emu.sheets.runCopiedScript(otherCopyId)).toThrow('is not a copy of the spreadsheet');
    emu.sheets.runCopiedScript(copyId);
    expect(emu.sheets.activeSpreadsheetId()).toBe(copyId);
    expect(emu.execute(() => g.ScriptApp.getProjectTriggers().length, { user: OWNER })).toBe(0);
  });
});
