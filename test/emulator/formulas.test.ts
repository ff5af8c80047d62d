/**
 * Formulas a person types or a script writes: getValues gives the result, getFormulas the text,
 * getDisplayValues the result in the cell's format (Range reference; facts §2.1 "If it begins with
 * '=' it is interpreted as a formula"). What each function does: the Sheets function list,
 * https://support.google.com/docs/table/25273. Syntax by locale: in comma locales (en_US) a ";" is
 * corrected to ","; decimal-comma locales (vi_VN) separate arguments with ";"
 * (https://stackoverflow.com/questions/73767719, https://www.benlcollins.com/spreadsheets/sheets-location/).
 */
import { message, newSpreadsheet, OWNER, VIETNAMESE } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */

const EN_US = { locale: 'en_US', timeZone: 'America/New_York' };

function sheetOf(account = EN_US) {
  const { emu, app } = newSpreadsheet('Báo cáo', OWNER, account);
  const ss = app.getActiveSpreadsheet();
  return { emu, ss, sheet: ss.getSheets()[0] };
}

/** Writes `formulas` into column B below the figures of column A (A1:A4 = 1412, 980, "", "ghi chú"). */
function results(sheet: any, formulas: string[]): unknown[] {
  sheet.getRange('A1:A4').setValues([[1412], [980], [''], ['ghi chú']]);
  const range = sheet.getRange(1, 2, formulas.length, 1);
  range.setValues(formulas.map((f) => [f]));
  return range.getValues().map((row: unknown[]) => row[0]);
}

describe('arithmetic and references', () => {
  test('operators with Sheets precedence; an empty cell counts as 0', () => {
    const { sheet } = sheetOf();
    expect(
      results(sheet, ['=5+3', '=(1+2)*3', '=2^3', '=-2^2', '=50%', '=A1+A2', '=A1-A3', '=A1/A2*100']),
    ).toEqual([8, 9, 8, 4, 0.5, 2392, 1412, (1412 / 980) * 100]);
  });

  test("getFormulas gives the text, getDisplayValues the result in the cell's number format", () => {
    const { sheet } = sheetOf();
    results(sheet, ['=A1+A2']);
    sheet.getRange('B1').setNumberFormat('#,##0');
    expect(sheet.getRange('B1').getFormula()).toBe('=A1+A2');
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['', '=A1+A2']]);
    expect(sheet.getRange('B1').getDisplayValue()).toBe('2,392');
  });

  test('a result follows the cells it reads', () => {
    const { emu, sheet } = sheetOf();
    results(sheet, ['=SUM(A1:A2)']);
    emu.sheets.userEdit({ as: OWNER, sheet: 'Sheet1', a1: 'A2', value: '1,000' });
    expect(sheet.getRange('B1').getValue()).toBe(2412);
  });

  test('another tab by name, quoted when it has spaces', () => {
    const { ss, sheet } = sheetOf();
    ss.insertSheet('Quý I').getRange('C2').setValue(37);
    expect(results(sheet, ["='Quý I'!C2*2", '=Nowhere!A1'])).toEqual([74, '#REF!']);
  });
});

describe('the functions officers use', () => {
  test('SUM, AVERAGE, MIN, MAX, COUNT, COUNTA skip empty cells and, in ranges, text; A:A is the whole column', () => {
    const { sheet } = sheetOf();
    expect(
      results(sheet, [
        '=SUM(A1:A4)',
        '=AVERAGE(A1:A4)',
        '=MIN(A1:A4)',
        '=MAX(A1:A4)',
        '=COUNT(A1:A4)',
        '=COUNTA(A1:A4)',
        '=SUM(A:A)',
      ]),
    ).toEqual([2392, 1196, 980, 1412, 2, 3, 2392]);
  });

  test('ROUND with and without places, ROUNDUP, ROUNDDOWN, ABS', () => {
    const { sheet } = sheetOf();
    expect(
      results(sheet, [
        '=ROUND(A2/A1*100,1)',
        '=ROUND(2.5)',
        '=ROUND(1.005,2)',
        '=ROUNDUP(1.21,1)',
        '=ROUNDDOWN(1.29,1)',
        '=ABS(-3)',
      ]),
    ).toEqual([69.4, 3, 1.01, 1.3, 1.2, 3]);
  });

  test('IF evaluates only the branch taken; comparisons of text ignore case', () => {
    const { sheet } = sheetOf();
    expect(
      results(sheet, [
        '=IF(A1>A2,"tăng","giảm")',
        '=IF(A3,1/0,"trống")',
        '=IF(FALSE,1)',
        '="a"="A"',
        '=AND(A1>0,A2>0)',
        '=NOT(A1>0)',
      ]),
    ).toEqual(['tăng', 'trống', false, true, true, false]);
  });

  test('CONCATENATE and & join text; HYPERLINK shows its label, or the URL without one', () => {
    const { sheet } = sheetOf();
    expect(
      results(sheet, [
        '=CONCATENATE("Đạt ",A1," hội viên")',
        '="Tăng "&A1-A2',
        '=HYPERLINK("https://hoilhpn.vn/bao-cao","Báo cáo")',
        '=HYPERLINK("https://hoilhpn.vn")',
      ]),
    ).toEqual(['Đạt 1412 hội viên', 'Tăng 432', 'Báo cáo', 'https://hoilhpn.vn']);
  });

  test('IFERROR replaces an error', () => {
    const { sheet } = sheetOf();
    expect(results(sheet, ['=IFERROR(A1/A3,"chưa có")', '=IFERROR(A1/A2)'])).toEqual(['chưa có', 1412 / 980]);
  });
});

describe('errors read as their text', () => {
  test('#DIV/0!, #VALUE!, a circular reference, a formula Sheets cannot parse', () => {
    const { sheet } = sheetOf();
    expect(results(sheet, ['=A1/A3', '=A4+1', '=B3', '=B3+1', '=A1*'])).toEqual([
      '#DIV/0!',
      '#VALUE!',
      '#REF!',
      '#REF!',
      '#ERROR!',
    ]);
    expect(sheet.getRange('B1').getDisplayValue()).toBe('#DIV/0!');
  });
});

describe('formula syntax follows the spreadsheet locale', () => {
  test('en_US: "," separates arguments; a typed ";" is corrected to ","', () => {
    const { sheet } = sheetOf();
    expect(
      results(sheet, ['=SUM(1,5)', '=ROUND(A2/A1*100;1)', '=HYPERLINK("https://hoilhpn.vn";"Hội")']),
    ).toEqual([6, 69.4, 'Hội']);
    expect(sheet.getRange('B2:B3').getFormulas()).toEqual([
      ['=ROUND(A2/A1*100,1)'],
      ['=HYPERLINK("https://hoilhpn.vn","Hội")'],
    ]);
  });

  test('vi_VN: ";" separates arguments and "," is the decimal mark; a "," between arguments cannot be read', () => {
    const { sheet } = sheetOf(VIETNAMESE);
    expect(
      results(sheet, ['=ROUND(A2/A1*100;1)', '=1,5*2', '=SUM(1,5)', '=ROUND(A2,5)', '=1.5', '="1,5; 2"&""']),
    ).toEqual([69.4, 3, 1.5, '#ERROR!', '#ERROR!', '1,5; 2']);
    expect(sheet.getRange('B1').getFormula()).toBe('=ROUND(A2/A1*100;1)');
    sheet.getRange('C1').setValue('=A2/A1').setNumberFormat('0.0%');
    expect(sheet.getRange('C1').getDisplayValue()).toBe('69,4%');
    expect(results(sheet, ['=CONCATENATE("Tỷ lệ ";1,5)'])).toEqual(['Tỷ lệ 1,5']);
  });

  test("changing the locale keeps a formula's meaning and shows it in the new syntax", () => {
    const { ss, sheet } = sheetOf();
    results(sheet, ['=ROUND(A2/A1*100,1)+0.5']);
    ss.setSpreadsheetLocale('vi_VN');
    expect(sheet.getRange('B1').getFormula()).toBe('=ROUND(A2/A1*100;1)+0,5');
    expect(sheet.getRange('B1').getValue()).toBe(69.9);
  });
});

describe('what is not emulated says so', () => {
  test('other functions, arrays and named ranges throw "Not emulated" when read', () => {
    const { sheet } = sheetOf();
    for (const [formula, text] of [
      ['=VLOOKUP(1,A1:A2,1,FALSE)', 'Not emulated: the function VLOOKUP in a formula'],
      ['={1,2}', 'Not emulated: an array in a formula'],
      ['=tong_hoi_vien', 'Not emulated: the name tong_hoi_vien in a formula'],
      ['=A1:A2+1', 'Not emulated: a range used as a single value in a formula'],
    ]) {
      sheet.getRange('C1').setValue(formula);
      expect(sheet.getRange('C1').getFormula()).toBe(formula);
      expect(message(() => sheet.getRange('C1').getValue())).toBe(text);
      expect(message(() => sheet.getRange('C1').getDisplayValue())).toBe(text);
    }
  });
});

describe('data validation judges a formula by its result', () => {
  test('a count rule accepts =5+3 and refuses a negative or text result, with the help text', () => {
    const { emu, app, sheet } = (() => {
      const made = sheetOf(VIETNAMESE);
      return { ...made, app: made.emu.globals.SpreadsheetApp as any };
    })();
    sheet
      .getRange('D2')
      .setDataValidation(
        app
          .newDataValidation()
          .requireNumberGreaterThanOrEqualTo(0)
          .setAllowInvalid(false)
          .setHelpText('Nhập số không âm.')
          .build(),
      );
    const edit = (value: string) => emu.sheets.userEdit({ as: OWNER, sheet: 'Trang tính1', a1: 'D2', value });
    expect(edit('=5+3')).toEqual({ accepted: true });
    expect(sheet.getRange('D2').getValue()).toBe(8);
    expect(edit('=2-5')).toEqual({ accepted: false, message: 'Nhập số không âm.' });
    expect(edit('=HYPERLINK("https://hoilhpn.vn";"xem")')).toEqual({
      accepted: false,
      message: 'Nhập số không âm.',
    });
    expect(sheet.getRange('D2').getFormula()).toBe('=5+3');
  });
});
