import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Emulator } from '../../scripts/emulator';
import { exportXlsx } from '../../scripts/emulator/export/xlsx';
import { message, newSpreadsheet, OWNER } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */

const RED = '#ff0000';

function setup() {
  const { emu, id, app } = newSpreadsheet('Báo cáo');
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.insertSheet('Tổng hợp');
  return { emu, id, app, ss, sheet };
}

/** "Below target" in red on B2:B5 of the roll-up tab. */
function belowTarget(app: any, sheet: any, target = 80) {
  return app
    .newConditionalFormatRule()
    .whenNumberLessThan(target)
    .setBackground('#FF0000')
    .setFontColor('#ffffff')
    .setBold(true)
    .setRanges([sheet.getRange('B2:B5')])
    .build();
}

describe('ConditionalFormatRuleBuilder and ConditionalFormatRule', () => {
  test('builder -> rule -> setConditionalFormatRules -> getConditionalFormatRules round trip', () => {
    const { app, sheet } = setup();
    const builder = app.newConditionalFormatRule();
    expect(builder.getBooleanCondition()).toBeNull();
    expect(builder.getRanges()).toEqual([]);
    const rule = builder
      .whenNumberBetween(0, 50)
      .setBackground('#F00')
      .setItalic(true)
      .setRanges([sheet.getRange('B2:B5'), sheet.getRange('D:D')])
      .build();
    const condition = rule.getBooleanCondition();
    expect([
      condition.getCriteriaType(),
      condition.getCriteriaValues(),
      condition.getBackground(),
      condition.getFontColor(),
      condition.getBold(),
      condition.getItalic(),
    ]).toEqual([app.BooleanCriteria.NUMBER_BETWEEN, [0, 50], RED, null, null, true]);
    expect(rule.getRanges().map((r: any) => r.getA1Notation())).toEqual(['B2:B5', 'D:D']);

    expect(sheet.getConditionalFormatRules()).toEqual([]);
    sheet.setConditionalFormatRules([rule, belowTarget(app, sheet)]);
    const [first, second] = sheet.getConditionalFormatRules();
    expect(first.getRanges().map((r: any) => r.getA1Notation())).toEqual(['B2:B5', 'D:D']);
    expect(first.getRanges()[0].getSheet().getName()).toBe('Tổng hợp');
    expect(first.getBooleanCondition().getCriteriaValues()).toEqual([0, 50]);
    const c2 = second.getBooleanCondition();
    expect([
      c2.getCriteriaType(),
      c2.getCriteriaValues(),
      c2.getBackground(),
      c2.getFontColor(),
      c2.getBold(),
    ]).toEqual(['NUMBER_LESS_THAN', [80], RED, '#ffffff', true]);

    // Copies: a rule read back and changed through copy() does not change the sheet's rules.
    const changed = second.copy().whenTextContains('chưa').setBackground(null).build();
    expect(changed.getBooleanCondition().getCriteriaType()).toBe('TEXT_CONTAINS');
    expect(changed.getBooleanCondition().getBackground()).toBeNull();
    expect(changed.getRanges()[0].getA1Notation()).toBe('B2:B5');
    expect(sheet.getConditionalFormatRules()[1].getBooleanCondition().getCriteriaType()).toBe(
      'NUMBER_LESS_THAN',
    );
  });

  test('every emulated condition records its criteria and values', () => {
    const { app, sheet } = setup();
    const range = sheet.getRange('A1');
    const condition = (build: (b: any) => any) => {
      const c = build(app.newConditionalFormatRule().setRanges([range]))
        .build()
        .getBooleanCondition();
      return [c.getCriteriaType(), c.getCriteriaValues()];
    };
    expect([
      condition((b) => b.whenNumberLessThan(1)),
      condition((b) => b.whenNumberLessThanOrEqualTo(2)),
      condition((b) => b.whenNumberGreaterThan(3)),
      condition((b) => b.whenNumberGreaterThanOrEqualTo(4)),
      condition((b) => b.whenNumberEqualTo(5)),
      condition((b) => b.whenTextEqualTo('Đạt')),
      condition((b) => b.whenTextContains('chưa')),
      condition((b) => b.whenCellEmpty()),
      condition((b) => b.whenCellNotEmpty()),
    ]).toEqual([
      ['NUMBER_LESS_THAN', [1]],
      ['NUMBER_LESS_THAN_OR_EQUAL_TO', [2]],
      ['NUMBER_GREATER_THAN', [3]],
      ['NUMBER_GREATER_THAN_OR_EQUAL_TO', [4]],
      ['NUMBER_EQUAL_TO', [5]],
      ['TEXT_EQUAL_TO', ['Đạt']],
      ['TEXT_CONTAINS', ['chưa']],
      ['CELL_EMPTY', []],
      ['CELL_NOT_EMPTY', []],
    ]);
  });

  test('setConditionalFormatRules replaces the rules; clearConditionalFormatRules removes them', () => {
    const { app, sheet } = setup();
    sheet.setConditionalFormatRules([belowTarget(app, sheet, 80), belowTarget(app, sheet, 50)]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
    const rule = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground('yellow')
      .setRanges([sheet.getRange('C2:C5')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules.map((r: any) => r.getBooleanCondition().getCriteriaType())).toEqual(['CELL_EMPTY']);
    // The usual pattern: read, push, set.
    rules.push(belowTarget(app, sheet));
    sheet.setConditionalFormatRules(rules);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
    sheet.clearConditionalFormatRules();
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });

  test('build errors, wrong arguments, rules of another sheet, members not emulated', () => {
    const { app, ss, sheet } = setup();
    // unverified texts: confirm on a real account
    expect(message(() => app.newConditionalFormatRule().whenNumberLessThan(1).build())).toBe(
      'The conditional format rule must contain at least one range.',
    );
    expect(
      message(() =>
        app
          .newConditionalFormatRule()
          .setBackground(RED)
          .setRanges([sheet.getRange('A1')])
          .build(),
      ),
    ).toBe('The conditional format rule must contain a condition.');
    expect(message(() => app.newConditionalFormatRule().whenNumberLessThan('80'))).toBe(
      "The parameters (String) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.whenNumberLessThan.",
    );
    expect(message(() => app.newConditionalFormatRule().setRanges(['A1']))).toBe(
      "The parameters (String[]) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.",
    );
    expect(message(() => sheet.setConditionalFormatRules(['rule']))).toBe(
      "The parameters (String[]) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.",
    );
    const other = ss.getSheetByName('Trang tính1');
    expect(message(() => other.setConditionalFormatRules([belowTarget(app, sheet)]))).toBe(
      'Conditional format rule cannot reference a different sheet.',
    );
    expect(other.getConditionalFormatRules()).toEqual([]);

    expect(message(() => app.newConditionalFormatRule().whenFormulaSatisfied('=B2<80'))).toBe(
      'Not emulated: ConditionalFormatRuleBuilder.whenFormulaSatisfied',
    );
    expect(message(() => belowTarget(app, sheet).getGradientCondition())).toBe(
      'Not emulated: ConditionalFormatRule.getGradientCondition',
    );
    expect(message(() => app.BooleanCriteria.CUSTOM_FORMULA)).toBe(
      'Not emulated: SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA',
    );
  });

  test('a script blocked by a protection cannot set rules on the protected cells', () => {
    const { emu, app, ss, sheet } = setup();
    const officer = 'canbo.phuong1@hoilhpn.vn';
    ss.addEditor(officer);
    const protection = sheet.protect();
    protection.removeEditors(protection.getEditors());
    const rule = belowTarget(app, sheet);
    expect(message(() => emu.execute(() => sheet.setConditionalFormatRules([rule]), { user: officer }))).toBe(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    emu.execute(() => sheet.setConditionalFormatRules([rule]), { user: OWNER });
    expect(sheet.getConditionalFormatRules()).toHaveLength(1);
  });
});

describe('emu.sheets.formatted', () => {
  test('a cell whose value meets the condition shows the format; the others show none', () => {
    const { emu, app, sheet } = setup();
    sheet.getRange('A1:B4').setValues([
      ['Phường', 'Tỷ lệ'],
      ['Phường 1', 92.5],
      ['Phường 2', 61],
      ['Phường 3', 'chưa nộp'],
    ]);
    sheet.setConditionalFormatRules([belowTarget(app, sheet, 80)]);
    expect(emu.sheets.formatted('Tổng hợp', 'B3')).toEqual({
      background: RED,
      fontColor: '#ffffff',
      bold: true,
    });
    expect(emu.sheets.formatted('Tổng hợp', 'B2')).toBeNull();
    expect(emu.sheets.formatted('Tổng hợp', 'B4')).toBeNull(); // a text is not a number
    expect(emu.sheets.formatted('Tổng hợp', 'A3')).toBeNull(); // outside the rule's ranges
    // unverified: an empty cell counts as 0 for number conditions
    expect(emu.sheets.formatted('Tổng hợp', 'B5')).toEqual({
      background: RED,
      fontColor: '#ffffff',
      bold: true,
    });

    // The format follows the value.
    sheet.getRange('B2').setValue(70);
    expect(emu.sheets.formatted('Tổng hợp', 'B2')).toMatchObject({ background: RED });
    emu.sheets.userEdit({ as: OWNER, sheet: 'Tổng hợp', a1: 'B3', value: '85' });
    expect(emu.sheets.formatted('Tổng hợp', 'B3')).toBeNull();
  });

  test('the first rule whose condition holds wins, even with an empty format', () => {
    const { emu, app, sheet } = setup();
    const range = sheet.getRange('B2:B5');
    const skipEmpty = app.newConditionalFormatRule().whenCellEmpty().setRanges([range]).build();
    const done = app
      .newConditionalFormatRule()
      .whenTextEqualTo('đạt')
      .setFontColor('green')
      .setRanges([range])
      .build();
    const pending = app
      .newConditionalFormatRule()
      .whenTextContains('CHƯA')
      .setBackground('#fce8b2')
      .setRanges([range])
      .build();
    sheet.setConditionalFormatRules([skipEmpty, done, pending, belowTarget(app, sheet, 80)]);
    sheet.getRange('B2:B4').setValues([['Đạt'], ['Chưa nộp'], [10]]);
    expect(emu.sheets.formatted('Tổng hợp', 'B2')).toEqual({ fontColor: '#008000' });
    expect(emu.sheets.formatted('Tổng hợp', 'B3')).toEqual({ background: '#fce8b2' });
    expect(emu.sheets.formatted('Tổng hợp', 'B4')).toEqual({
      background: RED,
      fontColor: '#ffffff',
      bold: true,
    });
    expect(emu.sheets.formatted('Tổng hợp', 'B5')).toEqual({});
    expect(() => emu.sheets.formatted('Tổng hợp', 'B2:B3')).toThrow('formatted takes one cell');
  });

  test('rules survive a snapshot', () => {
    const { emu, app, sheet } = setup();
    sheet.getRange('B2').setValue(40);
    sheet.setConditionalFormatRules([belowTarget(app, sheet, 80)]);
    const restored = new Emulator({ state: emu.snapshot() });
    expect(restored.sheets.formatted('Tổng hợp', 'B2')).toEqual({
      background: RED,
      fontColor: '#ffffff',
      bold: true,
    });
    const again = (restored.globals.SpreadsheetApp as any).getActiveSpreadsheet().getSheetByName('Tổng hợp');
    const [rule] = again.getConditionalFormatRules();
    expect(rule.getRanges()[0].getA1Notation()).toBe('B2:B5');
    expect(rule.getBooleanCondition().getCriteriaValues()).toEqual([80]);
  });
});

test('exportXlsx writes the rules as Excel conditional formatting', async () => {
  const { emu, id, app, sheet } = setup();
  sheet.getRange('B2:B3').setValues([[92.5], [61]]);
  const pending = app
    .newConditionalFormatRule()
    .whenTextContains('chưa "nộp"')
    .setBackground('#fce8b2')
    .setRanges([sheet.getRange('C2:C5')])
    .build();
  sheet.setConditionalFormatRules([belowTarget(app, sheet, 80), pending]);

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-')), 'tong-hop.xlsx');
  await exportXlsx(emu.ctx, id, file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const ws = book.getWorksheet('Tổng hợp') as any;
  const formattings = ws.conditionalFormattings as Array<{ ref: string; rules: any[] }>;
  expect(formattings.map((f) => f.ref)).toEqual(['B2:B5', 'C2:C5']);
  expect(formattings[0]!.rules[0]).toMatchObject({
    type: 'cellIs',
    operator: 'lessThan',
    formulae: ['80'],
    priority: 1,
    style: { fill: { bgColor: { argb: 'FFFF0000' } }, font: { bold: true, color: { argb: 'FFFFFFFF' } } },
  });
  expect(formattings[1]!.rules[0]).toMatchObject({
    type: 'containsText',
    operator: 'containsText',
    // exceljs writes no text attribute, only the formula Excel evaluates.
    formulae: ['NOT(ISERROR(SEARCH("chưa ""nộp""",C2)))'],
    priority: 2,
    style: { fill: { bgColor: { argb: 'FFFCE8B2' } } },
  });
});
