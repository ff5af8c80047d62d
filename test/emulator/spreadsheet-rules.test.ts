import { Emulator } from '../../scripts/emulator';
import type { SpreadsheetEvent } from '../../scripts/emulator/core/runtime';
import { message, newSpreadsheet, OWNER } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */

const OFFICER = 'canbo.phuong1@hoilhpn.vn';
const OTHER = 'canbo.phuong2@hoilhpn.vn';
const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function setup(owner = OWNER) {
  const { emu, app } = newSpreadsheet('Báo cáo', owner);
  const ss = app.getActiveSpreadsheet();
  ss.addEditors([OFFICER, OTHER]);
  const sheet = ss.insertSheet('Phường 1');
  return { emu, app, ss, sheet };
}

describe('DataValidationBuilder', () => {
  test('defaults, criteria, help text, copy', () => {
    const { app } = setup();
    const builder = app.newDataValidation().requireNumberBetween(0, 100);
    expect([builder.getAllowInvalid(), builder.getHelpText(), builder.getCriteriaType()]).toEqual([
      true,
      null,
      'NUMBER_BETWEEN',
    ]);
    expect(builder.getCriteriaValues()).toEqual([0, 100]);
    const rule = builder.setAllowInvalid(false).setHelpText('Nhập số từ 0 đến 100').build();
    expect([rule.getAllowInvalid(), rule.getHelpText(), rule.getCriteriaType()]).toEqual([
      false,
      'Nhập số từ 0 đến 100',
      app.DataValidationCriteria.NUMBER_BETWEEN,
    ]);
    const list = rule.copy().requireValueInList(['Đã nộp', 'Chưa nộp']).build();
    expect([list.getCriteriaType(), list.getCriteriaValues(), list.getHelpText()]).toEqual([
      'VALUE_IN_LIST',
      [['Đã nộp', 'Chưa nộp'], true],
      'Nhập số từ 0 đến 100',
    ]);
    expect(rule.getCriteriaType()).toBe('NUMBER_BETWEEN');
    expect(app.newDataValidation().requireCheckbox().build().getCriteriaValues()).toEqual([]);
    expect(
      app
        .newDataValidation()
        .withCriteria(app.DataValidationCriteria.NUMBER_GREATER_THAN, [5])
        .build()
        .getCriteriaValues(),
    ).toEqual([5]);
  });

  test('wrong arguments and unenforceable criteria are refused', () => {
    const { app } = setup();
    expect(message(() => app.newDataValidation().requireNumberBetween('a', 5))).toBe(
      "The parameters (String,number) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireNumberBetween.",
    );
    expect(message(() => app.newDataValidation().requireDate('2026'))).toBe(
      "The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireDate.",
    );
    expect(message(() => app.newDataValidation().withCriteria('CUSTOM_FORMULA', ['=A1>0']))).toBe(
      'Not emulated: DataValidationBuilder.withCriteria(CUSTOM_FORMULA)',
    );
    expect(message(() => app.DataValidationCriteria.NOPE)).toBe(
      'Not emulated: SpreadsheetApp.DataValidationCriteria.NOPE',
    );
  });

  test('rules are stored per cell and read back; clearDataValidations removes them', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireValueInList(['Có', 'Không'], false).build();
    sheet.getRange('B2:B3').setDataValidation(rule);
    expect(sheet.getRange('B3').getDataValidation().getCriteriaValues()).toEqual([['Có', 'Không'], false]);
    expect(
      sheet
        .getRange('A2:B2')
        .getDataValidations()
        .map((row: any[]) => row.map((r) => r && r.getCriteriaType())),
    ).toEqual([[null, 'VALUE_IN_LIST']]);
    sheet.getRange('B2').clearDataValidations();
    expect(sheet.getRange('B2').getDataValidation()).toBeNull();
    expect(message(() => sheet.getRange('B2').setDataValidation('x'))).toBe(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setDataValidation.",
    );
  });
});

describe('validation on edits', () => {
  test("a strict rule rejects a person's invalid input with the help text, or Google's text without one", () => {
    const { emu, app, sheet } = setup();
    const strict = app.newDataValidation().requireNumberBetween(0, 100).setAllowInvalid(false);
    sheet.getRange('B2').setDataValidation(strict.setHelpText('Nhập số từ 0 đến 100').build());
    sheet.getRange('B3').setDataValidation(strict.copy().build());
    sheet
      .getRange('B3')
      .setDataValidation(app.newDataValidation().requireNumberBetween(0, 100).setAllowInvalid(false).build());
    expect(emu.sheets.userEdit({ as: OWNER, sheet: 'Phường 1', a1: 'B2', value: '150' })).toEqual({
      accepted: false,
      message: 'Nhập số từ 0 đến 100',
    });
    expect(emu.sheets.userEdit({ as: OWNER, sheet: 'Phường 1', a1: 'B3', value: 'abc' })).toEqual({
      accepted: false,
      message: 'The data you entered in cell B3 violates the data validation rules set on this cell.',
    });
    expect(emu.sheets.userEdit({ as: OWNER, sheet: 'Phường 1', a1: 'B2', value: '92,5' })).toEqual({
      accepted: true,
    });
    expect(sheet.getRange('B2:B3').getValues()).toEqual([[92.5], ['']]);
  });

  test('a rule that allows invalid input accepts it with a warning', () => {
    const { emu, app, sheet } = setup();
    sheet
      .getRange('C2')
      .setDataValidation(
        app.newDataValidation().requireValueInList(['Có', 'Không']).setHelpText('Có hoặc Không').build(),
      );
    expect(emu.sheets.userEdit({ as: OWNER, sheet: 'Phường 1', a1: 'C2', value: 'Ừ' })).toEqual({
      accepted: true,
      warning: 'Có hoặc Không',
    });
    expect(sheet.getRange('C2').getValue()).toBe('Ừ');
  });

  test('script writes pass rules that allow invalid input, and fail on strict ones', () => {
    const { app, sheet } = setup();
    sheet.getRange('A1').setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.getRange('A1').setValue('không phải ô đánh dấu');
    expect(sheet.getRange('A1').getValue()).toBe('không phải ô đánh dấu');
    sheet
      .getRange('A2')
      .setDataValidation(app.newDataValidation().requireTextIsEmail().setAllowInvalid(false).build());
    expect(message(() => sheet.getRange('A1:A2').setValues([[true], ['sai']]))).toBe(
      'The data you entered in cell A2 violates the data validation rules set on this cell.',
    );
    // Nothing of a refused write is stored.
    expect(sheet.getRange('A1').getValue()).toBe('không phải ô đánh dấu');
    sheet.getRange('A2').setValue('a@b.vn');
    sheet.getRange('A2').setValue('');
    expect(sheet.getRange('A2').getValue()).toBe('');
  });
});

describe('Protection', () => {
  test('sheet.protect returns the existing protection; range.protect makes overlapping ones', () => {
    const { app, ss, sheet } = setup();
    const p = sheet.protect().setDescription('Phường 1');
    expect(sheet.protect().getDescription()).toBe('Phường 1');
    expect(p.getProtectionType()).toBe(app.ProtectionType.SHEET);
    expect(p.getRange().getA1Notation()).toBe('A1:Z1000');
    const r1 = sheet.getRange('A1:B2').protect();
    const r2 = sheet.getRange('A1:B2').protect();
    expect(r1.getProtectionType()).toBe('RANGE');
    expect(r2.getRange().getA1Notation()).toBe('A1:B2');
    expect(ss.getProtections(app.ProtectionType.RANGE)).toHaveLength(2);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    r2.remove();
    expect(ss.getProtections('RANGE')).toHaveLength(1);
    expect(p.getDescription()).toBe('Phường 1');
  });

  test('a new protection mirrors the spreadsheet editors; the owner is not listed and cannot be removed', () => {
    const { emu, sheet } = setup();
    const p = sheet.protect();
    expect(p.getEditors().map((u: any) => u.getEmail())).toEqual([OFFICER, OTHER]);
    p.removeEditors(p.getEditors());
    p.addEditor(OWNER);
    expect(p.getEditors().map((u: any) => u.getEmail())).toEqual([OWNER]);
    p.removeEditor(OWNER);
    expect(p.getEditors().map((u: any) => u.getEmail())).toEqual([OWNER]);
    p.addEditors([OFFICER]);
    // The current user cannot be removed either.
    emu.execute(() => p.removeEditor(OFFICER), { user: OFFICER });
    expect(p.canEdit()).toBe(true);
    expect(emu.execute(() => p.canEdit(), { user: OFFICER })).toBe(true);
    expect(emu.execute(() => p.canEdit(), { user: OTHER })).toBe(false);
    expect(p.getEditors().map((u: any) => u.getEmail())).toEqual([OWNER, OFFICER]);
  });

  test('people and scripts blocked by a protection cannot edit; editors and the owner can', () => {
    const { emu, sheet } = setup();
    const p = sheet.protect();
    p.removeEditors(p.getEditors());
    p.addEditor(OFFICER);
    expect(emu.sheets.userEdit({ as: OTHER, sheet: 'Phường 1', a1: 'A1', value: 'x' })).toEqual({
      accepted: false,
      message: PROTECTED,
    });
    expect(emu.sheets.userEdit({ as: OFFICER, sheet: 'Phường 1', a1: 'A1', value: 'y' })).toEqual({
      accepted: true,
    });
    expect(emu.sheets.userEdit({ as: OWNER, sheet: 'Phường 1', a1: 'A2', value: 'z' })).toEqual({
      accepted: true,
    });
    expect(message(() => emu.execute(() => sheet.getRange('A3').setValue(1), { user: OTHER }))).toBe(
      PROTECTED,
    );
    expect(message(() => emu.execute(() => sheet.getRange('A3').setBackground('red'), { user: OTHER }))).toBe(
      PROTECTED,
    );
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['y'], ['z'], ['']]);
    // A person outside the file's editors cannot type at all.
    expect(
      emu.sheets.userEdit({ as: 'la@example.com', sheet: 'Phường 1', a1: 'A1', value: 'x' }).accepted,
    ).toBe(false);
  });

  test('mayEdit tells who could type into a cell, as userEdit would decide, without typing', () => {
    const { emu, sheet } = setup();
    const p = sheet.protect();
    p.removeEditors(p.getEditors());
    p.addEditor(OFFICER);
    const probe = (as: string) => emu.sheets.mayEdit({ as, sheet: 'Phường 1', a1: 'A1' });
    expect([probe(OFFICER), probe(OWNER), probe(OTHER), probe('la@example.com')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(emu.sheets.userEdit({ as: OTHER, sheet: 'Phường 1', a1: 'A1', value: 'x' }).accepted).toBe(
      probe(OTHER),
    );
  });

  test('unprotected ranges of a sheet protection stay editable; range protections refuse them', () => {
    const { emu, sheet } = setup();
    const p = sheet.protect();
    p.removeEditors(p.getEditors());
    p.setUnprotectedRanges([sheet.getRange('B2:C10')]);
    expect(p.getUnprotectedRanges().map((r: any) => r.getA1Notation())).toEqual(['B2:C10']);
    expect(emu.sheets.userEdit({ as: OTHER, sheet: 'Phường 1', a1: 'C3', value: '5' }).accepted).toBe(true);
    expect(emu.sheets.userEdit({ as: OTHER, sheet: 'Phường 1', a1: 'D3', value: '5' }).accepted).toBe(false);
    const locked = sheet.getRange('C3').protect();
    locked.removeEditors(locked.getEditors());
    expect(emu.sheets.userEdit({ as: OTHER, sheet: 'Phường 1', a1: 'C3', value: '6' }).message).toBe(
      PROTECTED,
    );
    expect(message(() => locked.setUnprotectedRanges([sheet.getRange('C3')]))).toBe(
      'Unprotected ranges can only be set on a sheet protection.',
    );
  });

  test('a warning-only protection lets the edit through with a warning', () => {
    const { emu, sheet } = setup();
    const p = sheet.getRange('A1:A5').protect().setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    const result = emu.sheets.userEdit({ as: OTHER, sheet: 'Phường 1', a1: 'A2', value: '7' });
    expect(result).toEqual({
      accepted: true,
      warning: "You're trying to edit part of this sheet that shouldn't be changed accidentally.",
    });
    expect(sheet.getRange('A2').getValue()).toBe(7);
  });

  test('domain editing: Workspace spreadsheets can turn it off, consumer ones throw', () => {
    const { sheet } = setup();
    const p = sheet.protect();
    expect(p.canDomainEdit()).toBe(false);
    p.setDomainEdit(true);
    p.removeEditors(p.getEditors());
    expect(p.canDomainEdit()).toBe(true);
    const consumer = setup('chutich.hoi@gmail.com');
    const q = consumer.sheet.protect();
    expect(q.canDomainEdit()).toBe(false);
    expect(message(() => q.setDomainEdit(false))).toBe('You do not have permission to perform that action.');
  });

  test('a person who cannot edit the protected cells cannot change the protection', () => {
    const { emu, sheet } = setup();
    const p = sheet.protect();
    p.removeEditors(p.getEditors());
    expect(message(() => emu.execute(() => p.getEditors(), { user: OTHER }))).toBe(
      'You do not have permission to perform that action.',
    );
    expect(message(() => emu.execute(() => p.remove(), { user: OTHER }))).toBe(
      'You do not have permission to perform that action.',
    );
  });
});

describe('simulated edits fire onEdit and the installable triggers', () => {
  test('onEdit gets the documented event object; installable triggers get FULL and a triggerUid', () => {
    const { emu, sheet } = setup();
    sheet.getRange('B2').setValue(3);
    const seen: any[] = [];
    emu.sandbox.onEdit = (e: any) => {
      seen.push({
        authMode: e.authMode,
        oldValue: e.oldValue,
        value: e.value,
        a1: e.range.getA1Notation(),
        rowStart: e.range.rowStart,
        columnEnd: e.range.columnEnd,
        sheet: e.range.getSheet().getName(),
        source: e.source.getId(),
        user: e.user.getEmail(),
        kind: emu.ctx.runtime.current()?.kind,
      });
    };
    const installable: Record<string, unknown>[] = [];
    emu.ctx.runtime.onSpreadsheetEvent((event: SpreadsheetEvent) =>
      installable.push(event.makeEvent('uid-1')),
    );
    emu.sheets.userEdit({ as: OFFICER, sheet: 'Phường 1', a1: 'B2', value: '4' });
    emu.sheets.userEdit({ as: OFFICER, sheet: 'Phường 1', a1: 'C2', value: 'mới' });
    expect(seen).toEqual([
      {
        authMode: 'LIMITED',
        oldValue: '3',
        value: '4',
        a1: 'B2',
        rowStart: 2,
        columnEnd: 2,
        sheet: 'Phường 1',
        source: emu.sheets.activeSpreadsheetId(),
        user: OFFICER,
        kind: 'simpleTrigger',
      },
      {
        authMode: 'LIMITED',
        oldValue: undefined,
        value: 'mới',
        a1: 'C2',
        rowStart: 2,
        columnEnd: 3,
        sheet: 'Phường 1',
        source: emu.sheets.activeSpreadsheetId(),
        user: OFFICER,
        kind: 'simpleTrigger',
      },
    ]);
    expect(installable.map((e) => [e.authMode, e.triggerUid, e.value])).toEqual([
      ['FULL', 'uid-1', '4'],
      ['FULL', 'uid-1', 'mới'],
    ]);
  });

  test('an exception in onEdit is recorded and does not undo the edit; rejected edits fire nothing', () => {
    const { emu, app, sheet } = setup();
    let calls = 0;
    emu.sandbox.onEdit = () => {
      calls += 1;
      throw emu.ctx.fail('Hỏng');
    };
    expect(emu.sheets.userEdit({ as: OFFICER, sheet: 'Phường 1', a1: 'A1', value: '1' })).toEqual({
      accepted: true,
    });
    // onEdit failed before any service call: the error is recorded at the time of the edit.
    const editedAt = emu.ctx.clock.now();
    expect(sheet.getRange('A1').getValue()).toBe(1);
    expect(emu.sheets.triggerErrors()).toEqual([
      { trigger: 'onEdit', user: OFFICER, message: 'Hỏng', at: editedAt },
    ]);
    sheet
      .getRange('A2')
      .setDataValidation(app.newDataValidation().requireNumberGreaterThan(0).setAllowInvalid(false).build());
    emu.sheets.userEdit({ as: OFFICER, sheet: 'Phường 1', a1: 'A2', value: '-1' });
    expect(calls).toBe(1);
  });

  test('protections and validation outcomes survive a snapshot', () => {
    const { emu, app, sheet } = setup();
    const p = sheet.protect();
    p.removeEditors(p.getEditors());
    sheet
      .getRange('B1')
      .setDataValidation(app.newDataValidation().requireNumberBetween(1, 5).setAllowInvalid(false).build());
    const restored = new Emulator({ state: emu.snapshot() });
    expect(restored.sheets.userEdit({ as: OTHER, sheet: 'Phường 1', a1: 'A1', value: 'x' }).message).toBe(
      PROTECTED,
    );
    expect(restored.sheets.userEdit({ as: OWNER, sheet: 'Phường 1', a1: 'B1', value: '9' }).accepted).toBe(
      false,
    );
    const again = (restored.globals.SpreadsheetApp as any).getActiveSpreadsheet();
    expect(
      again
        .getProtections('SHEET')[0]
        .getEditors()
        .map((u: any) => u.getEmail()),
    ).toEqual([]);
  });
});
