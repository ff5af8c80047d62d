/**
 * The locale and time zone of each spreadsheet, and typed input read by the locale.
 * Sources: https://support.google.com/docs/answer/58515 ("Set a spreadsheet's location &
 * calculation settings": locale and time zone are settings of each spreadsheet, the locale decides
 * how numbers and dates are written); https://support.google.com/a/answer/61452 (Docs editors take
 * the creator's time zone); the Spreadsheet reference (get/setSpreadsheetLocale,
 * get/setSpreadsheetTimeZone); Range.setValues writes strings as if typed (facts §2.1, Google's own
 * example writes '1,000,000').
 */
import { isDate } from '../../scripts/emulator/core/context';
import { message, newEmulator, newSpreadsheet, OWNER, START, VIETNAMESE } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */

const EN_US = { locale: 'en_US', timeZone: 'America/New_York' };

function sheetOf(account: typeof EN_US) {
  const { emu, app } = newSpreadsheet('Báo cáo', OWNER, account);
  const ss = app.getActiveSpreadsheet();
  return { emu, ss, sheet: ss.getSheets()[0] };
}

/** The wall-clock date a Date read from a cell shows in `timeZone`, as yyyy-mm-dd. */
function day(value: unknown, timeZone: string): string {
  expect(isDate(value)).toBe(true);
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(value as Date);
}

describe("a new spreadsheet starts in its creator's locale and time zone", () => {
  test('an account that set nothing is en_US in New York: the first tab is "Sheet1"', () => {
    const emu = newEmulator();
    emu.sheets.createBound('Báo cáo');
    const ss = (emu.globals.SpreadsheetApp as any).getActiveSpreadsheet();
    expect([ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone()]).toEqual(['en_US', 'America/New_York']);
    expect(ss.getSheets()[0].getName()).toBe('Sheet1');
    expect(ss.insertSheet().getName()).toBe('Sheet2');
  });

  test('a Vietnamese account creates vi_VN spreadsheets in Hà Nội time, first tab "Trang tính1"', () => {
    const { ss } = sheetOf(VIETNAMESE);
    expect([ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone()]).toEqual(['vi_VN', 'Asia/Ho_Chi_Minh']);
    expect(ss.getSheets()[0].getName()).toBe('Trang tính1');
  });

  test("a Drive copy keeps the source's locale and time zone, not its copier's", () => {
    const { emu, ss } = sheetOf(EN_US);
    ss.setSpreadsheetLocale('vi_VN');
    ss.setSpreadsheetTimeZone('Asia/Ho_Chi_Minh');
    const copy = emu.execute(() => (emu.globals.DriveApp as any).getFileById(ss.getId()).makeCopy('Bản sao'));
    const opened = (emu.globals.SpreadsheetApp as any).openById(copy.getId());
    expect([opened.getSpreadsheetLocale(), opened.getSpreadsheetTimeZone()]).toEqual([
      'vi_VN',
      'Asia/Ho_Chi_Minh',
    ]);
  });
});

describe('Spreadsheet.setSpreadsheetLocale', () => {
  test('changes what getSpreadsheetLocale answers; a locale the emulator has no conventions for is refused', () => {
    const { ss } = sheetOf(EN_US);
    ss.setSpreadsheetLocale('vi_VN');
    expect(ss.getSpreadsheetLocale()).toBe('vi_VN');
    expect(message(() => ss.setSpreadsheetLocale('fr_FR'))).toBe(
      'Not emulated: the spreadsheet locale fr_FR',
    );
    expect(message(() => ss.setSpreadsheetLocale('Vietnam'))).toBe(
      'Not emulated: the spreadsheet locale Vietnam',
    );
    expect(message(() => ss.setSpreadsheetLocale(5))).toBe(
      "The parameters (number) don't match the method signature for SpreadsheetApp.Spreadsheet.setSpreadsheetLocale.",
    );
    expect(ss.getSpreadsheetLocale()).toBe('vi_VN');
  });

  test('stored numbers stay; what they show follows the new locale', () => {
    const { ss, sheet } = sheetOf(EN_US);
    sheet.getRange('A1:B1').setValues([[1412.5, 0.926]]);
    sheet.getRange('A1:B1').setNumberFormats([['#,##0.0', '0.0%']]);
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['1,412.5', '92.6%']]);
    ss.setSpreadsheetLocale('vi_VN');
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[1412.5, 0.926]]);
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['1.412,5', '92,6%']]);
  });
});

describe('typed input is read by the spreadsheet locale', () => {
  test('en_US: "1.412" is 1.412, "1,412" is 1412, "1,5" stays text, "92.6%" is 0.926', () => {
    const { sheet } = sheetOf(EN_US);
    sheet.getRange('A1:E1').setValues([['1.412', '1,412', '1,5', '92.6%', '1,412.5']]);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([[1.412, 1412, '1,5', 0.926, 1412.5]]);
    expect(sheet.getRange('D1').getNumberFormat()).toBe('0.00%');
  });

  test('en_US dates are month first; "3/4" and "12/30" are dates of the current year', () => {
    const { sheet } = sheetOf(EN_US);
    sheet.getRange('A1:C1').setValues([['3/4', '12/30', '02/03/2026']]);
    const [[march, december, february]] = sheet.getRange('A1:C1').getValues();
    expect(day(march, 'America/New_York')).toBe(`${START.getFullYear()}-03-04`);
    expect(day(december, 'America/New_York')).toBe(`${START.getFullYear()}-12-30`);
    expect(day(february, 'America/New_York')).toBe('2026-02-03');
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['3/4/2026', '12/30/2026', '2/3/2026']]);
  });

  test('vi_VN: "1.412" is 1412, "1,5" is 1.5, "92,6%" is 0.926, "02/03/2026" is 2 March, "3.5" stays text', () => {
    const { sheet } = sheetOf(VIETNAMESE);
    sheet.getRange('A1:F1').setValues([['1.412', '1,5', '92,6%', '02/03/2026', '3.5', '1.412,5']]);
    const [row] = sheet.getRange('A1:F1').getValues();
    expect([row[0], row[1], row[2], row[4], row[5]]).toEqual([1412, 1.5, 0.926, '3.5', 1412.5]);
    expect(day(row[3], 'Asia/Ho_Chi_Minh')).toBe('2026-03-02');
    expect(sheet.getRange('D1').getDisplayValue()).toBe('02/03/2026');
  });

  test('a person typing or pasting is read the same way as a script writing', () => {
    const { emu } = sheetOf(EN_US);
    emu.sheets.userEdit({ as: OWNER, sheet: 'Sheet1', a1: 'A1', value: '1.412' });
    emu.sheets.userPaste({ as: OWNER, sheet: 'Sheet1', a1: 'B1', values: [['1,412', '3/4']] });
    const [decimal, grouped, date] = emu.sheets.values('Sheet1')[0]!;
    expect([decimal, grouped]).toEqual([1.412, 1412]);
    expect(day(date, 'America/New_York')).toBe('2026-03-04');
  });

  test('after the locale changes, new input is read by the new locale', () => {
    const { ss, sheet } = sheetOf(EN_US);
    sheet.getRange('A1').setValue('1.412');
    ss.setSpreadsheetLocale('vi_VN');
    sheet.getRange('A2').setValue('1.412');
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[1.412], [1412]]);
  });

  test("a Date a script writes gets the locale's date-time format", () => {
    const en = sheetOf(EN_US).sheet;
    en.getRange('A1').setValue(new Date('2026-03-02T08:05:09-05:00'));
    expect(en.getRange('A1').getDisplayValue()).toBe('3/2/2026 8:05:09');
    const vi = sheetOf(VIETNAMESE).sheet;
    vi.getRange('A1').setValue(new Date('2026-03-02T08:05:09+07:00'));
    expect(vi.getRange('A1').getDisplayValue()).toBe('02/03/2026 08:05:09');
  });
});
