import { Emulator } from '../../scripts/emulator';
import { isDate } from '../../scripts/emulator/core/context';
import { findFile, MIME } from '../../scripts/emulator/core/files';
import { message, newSpreadsheet, OWNER } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */

function setup() {
  const { emu, id, app } = newSpreadsheet('Báo cáo Hội LHPN');
  return { emu, id, app, ss: app.getActiveSpreadsheet(), sheet: app.getActiveSpreadsheet().getSheets()[0] };
}

describe('SpreadsheetApp: the bound spreadsheet', () => {
  test("createBound makes an active spreadsheet in a Vietnamese owner's locale with one 1000 x 26 sheet, registered in Drive", () => {
    const { emu, id, app, ss, sheet } = setup();
    expect(ss.getId()).toBe(id);
    expect(app.getActive().getName()).toBe('Báo cáo Hội LHPN');
    expect(ss.getSpreadsheetLocale()).toBe('vi_VN');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Ho_Chi_Minh');
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${id}/edit`);
    expect(ss.getOwner().getEmail()).toBe(OWNER);
    expect(sheet.getName()).toBe('Trang tính1');
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow(), sheet.getLastColumn()]).toEqual([
      1000, 26, 0, 0,
    ]);
    const file = findFile(emu.ctx, id);
    expect(file?.mimeType).toBe(MIME.spreadsheet);
    expect(file?.owner).toBe(OWNER);
    ss.rename('Báo cáo 2026');
    expect(file?.name).toBe('Báo cáo 2026');
    ss.addEditor('canbo@hoilhpn.vn').addEditors(['canbo@hoilhpn.vn', 'ketoan@hoilhpn.vn']);
    expect(ss.getEditors().map((u: any) => u.getEmail())).toEqual([
      OWNER,
      'canbo@hoilhpn.vn',
      'ketoan@hoilhpn.vn',
    ]);
    expect(emu.ctx.state.files.notifications.map((n) => [n.to, n.role])).toEqual([
      ['canbo@hoilhpn.vn', 'EDIT'],
      ['ketoan@hoilhpn.vn', 'EDIT'],
    ]);
  });

  test('openById opens a known spreadsheet and fails for an unknown id', () => {
    const { id, app } = setup();
    expect(app.openById(id).getId()).toBe(id);
    expect(message(() => app.openById('ss-999999'))).toBe(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });

  test('an unemulated member throws "Not emulated"', () => {
    const { sheet } = setup();
    expect(message(() => sheet.getRange('A1:B2').merge())).toBe('Not emulated: Range.merge');
    expect(message(() => sheet.getImages())).toBe('Not emulated: Sheet.getImages');
  });
});

describe('Range values', () => {
  test('getValues gives numbers, booleans, dates and strings, with "" for empty cells', () => {
    const { emu, sheet } = setup();
    const when = new Date('2026-03-02T09:30:00+07:00');
    sheet.getRange(1, 1, 2, 3).setValues([
      ['Chỉ tiêu', 12, true],
      [when, '', null],
    ]);
    const values = sheet.getRange('A1:D2').getValues();
    expect(values[0]).toEqual(['Chỉ tiêu', 12, true, '']);
    expect(isDate(values[1][0])).toBe(true);
    expect((values[1][0] as Date).getTime()).toBe(when.getTime());
    expect(values[1].slice(1)).toEqual(['', '', '']);
    expect(sheet.getRange('C1').getValue()).toBe(true);
    expect(emu.sheets.values('Trang tính1')).toEqual([
      ['Chỉ tiêu', 12, true],
      [when, '', ''],
    ]);
  });

  test('strings are read as typed in vi_VN: numbers, percentages, dates; an apostrophe keeps text', () => {
    const { sheet } = setup();
    sheet
      .getRange(1, 1, 1, 8)
      .setValues([['1.412', '92,6', '3.5', '0912345678', "'0912345678", '50%', '02/03/2026', 'TRUE']]);
    const [row] = sheet.getRange(1, 1, 1, 8).getValues();
    expect(row.slice(0, 6)).toEqual([1412, 92.6, '3.5', 912345678, '0912345678', 0.5]);
    expect(isDate(row[6])).toBe(true);
    expect((row[6] as Date).getTime()).toBe(new Date('2026-03-02T00:00:00+07:00').getTime());
    expect(row[7]).toBe(true);
    // A plain-text cell keeps what is written.
    sheet.getRange('A2').setNumberFormat('@').setValue('0912345678');
    expect(sheet.getRange('A2').getValue()).toBe('0912345678');
  });

  test('a string starting with "=" is a formula: getFormula returns it, getValues its result', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setValues([[1], [2]]);
    sheet.getRange('A3').setValue('=SUM(A1:A2)');
    expect(sheet.getRange('A3').getFormula()).toBe('=SUM(A1:A2)');
    expect(sheet.getRange('A2:A3').getFormulas()).toEqual([[''], ['=SUM(A1:A2)']]);
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[1], [2], [3]]);
    expect(sheet.getRange('A3').getDisplayValue()).toBe('3');
  });

  test('getDisplayValues follows number formats in vi_VN', () => {
    const { sheet } = setup();
    sheet
      .getRange(1, 1, 1, 5)
      .setValues([[1412, 0.926, new Date('2026-03-02T08:00:00+07:00'), 92.6, 1234567.891]]);
    sheet
      .getRange(1, 1, 1, 5)
      .setNumberFormats([['#,##0', '0.0%', 'dd/MM/yyyy', '0.###############', '#,##0.00']]);
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([
      ['1.412', '92,6%', '02/03/2026', '92,6', '1.234.567,89'],
    ]);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('#,##0');
    expect(sheet.getRange('F1').getNumberFormat()).toBe('0.###############');
    sheet.getRange('G1').setValue(new Date('2026-03-02T08:05:09+07:00'));
    expect(sheet.getRange('G1').getDisplayValue()).toBe('02/03/2026 08:05:09');
    sheet.getRange('H1').setValue(-5).setNumberFormat('#,##0;(#,##0)');
    expect(sheet.getRange('H1').getDisplayValue()).toBe('(5)');
  });

  test('dates are stored in the spreadsheet time zone', () => {
    const { ss, sheet } = setup();
    sheet.getRange('A1').setValue(new Date('2026-03-02T00:00:00+07:00'));
    sheet.getRange('A1').setNumberFormat('dd/MM/yyyy HH:mm');
    ss.setSpreadsheetTimeZone('UTC');
    // The wall clock stays; the instant it means moves with the zone.
    expect(sheet.getRange('A1').getDisplayValue()).toBe('02/03/2026 00:00');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(message(() => ss.setSpreadsheetTimeZone('Mars/Olympus'))).toBe('Invalid argument: timeZone');
  });

  test('setValues dimension errors use Google texts', () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 2, 4);
    expect(message(() => range.setValues([[1, 2, 3, 4]]))).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(
      message(() =>
        range.setValues([
          [1, 2, 3, 4, 5],
          [1, 2, 3, 4],
        ]),
      ),
    ).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.',
    );
    expect(message(() => range.setValues('abc'))).toBe(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  test('getRange errors use Google texts', () => {
    const { sheet, ss } = setup();
    expect(message(() => sheet.getRange(1, 1, 0, 3))).toBe(
      'The number of rows in the range must be at least 1.',
    );
    expect(message(() => sheet.getRange(1, 1, 1, 0))).toBe(
      'The number of columns in the range must be at least 1.',
    );
    expect(message(() => sheet.getRange(0, 1))).toBe('The starting row of the range is too small.');
    expect(message(() => sheet.getRange(1, 0))).toBe('The starting column of the range is too small.');
    expect(message(() => sheet.getRange(1000, 1, 2, 1))).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(message(() => sheet.getRange('not a range'))).toBe('Range not found');
    expect(message(() => ss.getRange("'Không có'!A1"))).toBe('Range not found');
    expect(message(() => sheet.getRange('R1C1'))).toBe('Not emulated: R1C1 notation');
    expect(message(() => sheet.getRange('A1', 2))).toBe(
      "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });

  test('A1 forms: cells, blocks, whole columns and rows, sheet names', () => {
    const { ss, sheet } = setup();
    const col = sheet.getRange('B:C');
    expect([
      col.getRow(),
      col.getColumn(),
      col.getNumRows(),
      col.getNumColumns(),
      col.getA1Notation(),
    ]).toEqual([1, 2, 1000, 2, 'B:C']);
    const row = sheet.getRange('2:2');
    expect([row.getRow(), row.getNumRows(), row.getNumColumns(), row.getA1Notation()]).toEqual([
      2,
      1,
      26,
      '2:2',
    ]);
    expect(sheet.getRange('$c$3:a1').getA1Notation()).toBe('A1:C3');
    expect(sheet.getRange(5, 2).getA1Notation()).toBe('B5');
    const config = ss.insertSheet('Cấu hình');
    config.getRange('B2').setValue('x');
    const named = ss.getRange("'Cấu hình'!A1:B3");
    expect(named.getSheet().getName()).toBe('Cấu hình');
    expect(named.getValues()).toEqual([
      ['', ''],
      ['', 'x'],
      ['', ''],
    ]);
    const block = sheet.getRange('B2:D4').offset(1, 1, 1, 1);
    expect(block.getA1Notation()).toBe('C3');
    expect(sheet.getRange('A2:B4').getLastRow()).toBe(4);
  });

  test('getDataRange, getLastRow and getLastColumn look at content only', () => {
    const { sheet } = setup();
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('D7').setBackground('#ff0000').setNote('ghi chú');
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('C5').setValue(0);
    expect([sheet.getLastRow(), sheet.getLastColumn(), sheet.getDataRange().getA1Notation()]).toEqual([
      5,
      3,
      'A1:C5',
    ]);
  });

  test('clear, clearContent and clearFormat remove what they say', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1');
    range
      .setValues([[1, 2]])
      .setBackground('#FFF')
      .setNumberFormat('0.0')
      .setNote('n');
    range.clearContent();
    expect([range.getValues(), range.getBackground(), range.getNumberFormat(), range.getNote()]).toEqual([
      [['', '']],
      '#ffffff',
      '0.0',
      'n',
    ]);
    range.setValues([[1, 2]]);
    range.clearFormat();
    expect([range.getValue(), range.getNumberFormat()]).toEqual([1, '0.###############']);
    range.setBackground('red');
    sheet.clear();
    expect([sheet.getLastRow(), range.getBackground(), range.getNote()]).toEqual([0, '#ffffff', 'n']);
  });

  test('notes, backgrounds, font weights and formats per cell', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B2');
    range.setNotes([
      ['a', null],
      ['', 'd'],
    ]);
    range.setBackgrounds([
      ['#00FF00', null],
      ['blue', '#abc'],
    ]);
    range.setFontWeights([
      ['bold', 'normal'],
      [null, 'bold'],
    ]);
    expect(range.getNotes()).toEqual([
      ['a', ''],
      ['', 'd'],
    ]);
    expect(range.getBackgrounds()).toEqual([
      ['#00ff00', '#ffffff'],
      ['#0000ff', '#aabbcc'],
    ]);
    expect(range.getFontWeights()).toEqual([
      ['bold', 'normal'],
      ['normal', 'bold'],
    ]);
    expect(range.getNote()).toBe('a');
    expect(message(() => range.setNotes([['x']]))).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });
});

describe('Sheets', () => {
  test('insertSheet overloads: names, 0-based index, template; the new sheet becomes active', () => {
    const { ss, sheet } = setup();
    const a = ss.insertSheet();
    expect(a.getName()).toBe('Trang tính2');
    expect(ss.getActiveSheet().getName()).toBe('Trang tính2');
    const b = ss.insertSheet('Đầu', 0);
    expect(b.getIndex()).toBe(1);
    sheet.getRange('A1').setValue('mẫu');
    sheet.setFrozenRows(1);
    const c = ss.insertSheet('Bản sao', { template: sheet });
    expect([c.getRange('A1').getValue(), c.getFrozenRows()]).toEqual(['mẫu', 1]);
    const d = ss.insertSheet(1);
    expect(d.getIndex()).toBe(2);
    // Without an index, a new sheet goes right after the active one.
    expect(ss.getSheets().map((s: any) => s.getName())).toEqual([
      'Đầu',
      'Trang tính5',
      'Bản sao',
      'Trang tính1',
      'Trang tính2',
    ]);
    expect(d.getMaxRows()).toBe(1000);
    expect(message(() => ss.insertSheet('trang tính1'))).toBe(
      'A sheet with the name "trang tính1" already exists. Please enter another name.',
    );
    expect(message(() => a.setName('Đầu'))).toBe(
      'A sheet with the name "Đầu" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName('Không có')).toBeNull();
    expect(ss.getSheetById(c.getSheetId()).getName()).toBe('Bản sao');
  });

  test('deleteSheet refuses to remove the last sheet; the active sheet moves', () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet('Khác');
    ss.deleteSheet(other);
    expect(ss.getActiveSheet().getName()).toBe('Trang tính1');
    expect(message(() => ss.deleteSheet(sheet))).toBe("You can't remove all the sheets in a document.");
    expect(message(() => other.getName())).toBe('The sheet has been deleted.');
  });

  test('insertRows, insertRowsAfter, insertColumnsAfter and deleteRows move cells and named ranges', () => {
    const { ss, sheet } = setup();
    sheet.getRange('A1:B3').setValues([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    ss.setNamedRange('Khoi', sheet.getRange('A2:B3'));
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual([1, '', '', 2, 3]);
    expect(ss.getRangeByName('Khoi').getA1Notation()).toBe('A4:B5');
    sheet.insertRows(1);
    expect(sheet.getRange('A2').getValue()).toBe(1);
    sheet.insertColumnsAfter(1, 1);
    expect(sheet.getRange('A2:C2').getValues()).toEqual([[1, '', 'a']]);
    expect(ss.getRangeByName('Khoi').getA1Notation()).toBe('A5:C6');
    sheet.deleteRows(1, 4);
    expect(sheet.getRange('A1:A2').getValues().flat()).toEqual([2, 3]);
    expect(ss.getRangeByName('Khoi').getA1Notation()).toBe('A1:C2');
    expect(message(() => sheet.deleteRows(999, 5))).toBe('Those rows are out of bounds.');
    expect(message(() => sheet.deleteRows(1, sheet.getMaxRows()))).toBe(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
  });

  test('appendRow writes below the last row with content and grows the grid when full', () => {
    const { sheet } = setup();
    sheet.appendRow(['Mã', 'Giá trị']);
    sheet.appendRow(['HV01', '1.250']);
    expect(sheet.getDataRange().getValues()).toEqual([
      ['Mã', 'Giá trị'],
      ['HV01', 1250],
    ]);
    sheet.deleteRows(3, 998);
    sheet.appendRow(['HV02', 7]);
    expect([sheet.getMaxRows(), sheet.getLastRow()]).toEqual([3, 3]);
  });

  test('frozen panes, column widths, hiding and tab colour', () => {
    const { ss, sheet } = setup();
    sheet.setFrozenRows(2);
    sheet.setFrozenColumns(1);
    sheet.setColumnWidth(2, 180).setColumnWidths(3, 2, 60);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([2, 1]);
    expect([1, 2, 3, 4].map((c) => sheet.getColumnWidth(c))).toEqual([100, 180, 60, 60]);
    expect(message(() => sheet.setColumnWidth(27, 10))).toBe('Those columns are out of bounds.');
    expect(message(() => sheet.hideSheet())).toBe("You can't hide all the sheets in a document.");
    ss.insertSheet('Khác');
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    sheet.showSheet().setTabColor('#FF0000');
    expect(sheet.isSheetHidden()).toBe(false);
    expect(sheet.activate().getParent().getActiveSheet().getName()).toBe('Trang tính1');
  });

  test('named ranges: set, find, rename, move, remove', () => {
    const { ss, sheet } = setup();
    ss.setNamedRange('CauHinh', sheet.getRange('A1:B3'));
    const [named] = ss.getNamedRanges();
    expect([named.getName(), named.getRange().getA1Notation()]).toEqual(['CauHinh', 'A1:B3']);
    named.setName('CH').setRange(sheet.getRange('C1'));
    expect(ss.getRangeByName('CH').getA1Notation()).toBe('C1');
    expect(ss.getRangeByName('CauHinh')).toBeNull();
    ss.removeNamedRange('CH');
    expect(ss.getNamedRanges()).toHaveLength(0);
  });

  test('every API call is logged once, with cell counts for reads and writes', () => {
    const { emu, sheet } = setup();
    emu.ctx.log.clear();
    sheet.getRange(1, 1, 100, 10).setValues(Array.from({ length: 100 }, () => new Array(10).fill(1)));
    sheet.getRange(1, 1, 100, 10).getValues();
    expect(emu.ctx.log.counts()).toEqual({ 'Sheet.getRange': 2, 'Range.setValues': 1, 'Range.getValues': 1 });
    expect(emu.ctx.log.entries().filter((e) => e.cells === 1000)).toHaveLength(2);
  });

  test('the state survives a snapshot: values, formats, sheets, named ranges', () => {
    const { emu, ss, sheet } = setup();
    sheet.getRange('A1:B1').setValues([['Tên', new Date('2026-03-02T08:00:00+07:00')]]);
    sheet.getRange('B1').setNumberFormat('dd/MM/yyyy');
    ss.insertSheet('Tổng hợp');
    ss.setNamedRange('Ten', sheet.getRange('A1'));
    const restored = new Emulator({ state: emu.snapshot() });
    const again = (restored.globals.SpreadsheetApp as any).getActiveSpreadsheet();
    expect(again.getSheets().map((s: any) => s.getName())).toEqual(['Trang tính1', 'Tổng hợp']);
    expect(again.getActiveSheet().getName()).toBe('Tổng hợp');
    expect(again.getSheetByName('Trang tính1').getRange('A1:B1').getDisplayValues()).toEqual([
      ['Tên', '02/03/2026'],
    ]);
    expect(again.getRangeByName('Ten').getValue()).toBe('Tên');
    expect(restored.sheets.values('Trang tính1')[0]?.[0]).toBe('Tên');
  });
});
