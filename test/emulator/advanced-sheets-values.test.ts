/**
 * The Advanced Sheets service's `Sheets.Spreadsheets.Values` (get, batchGet, batchUpdate) against the
 * Sheets API v4 reference (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values,
 * ValueRange, ValueRenderOption, DateTimeRenderOption, ValueInputOption), the advanced service's page
 * (https://developers.google.com/apps-script/advanced/sheets) and the manifest's dependencies
 * (https://developers.google.com/apps-script/manifest/dependencies). It reads and writes the same
 * spreadsheets SpreadsheetApp does.
 */
import vm from 'node:vm';
import { Emulator } from '../../scripts/emulator';
import { SCOPES } from '../../scripts/emulator/core/scopes';
import { deployedWith, message, OWNER, VIETNAMESE } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */

const OFFICER = 'daikim@hoilhpn.vn';
const SHEETS_V4 = { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' };
const MANIFEST = {
  timeZone: 'Asia/Ho_Chi_Minh',
  dependencies: { enabledAdvancedServices: [SHEETS_V4] },
  oauthScopes: [SCOPES.spreadsheets, SCOPES.userinfoEmail],
};

/** A Vietnamese owner's bound spreadsheet, deployed with `manifest`. */
function deployed(manifest: Record<string, unknown> = MANIFEST) {
  const { emu, id, g } = deployedWith(manifest, VIETNAMESE);
  const book = g.SpreadsheetApp.getActiveSpreadsheet();
  // A plain name, which the API writes unquoted (a Vietnamese account's first tab is "Trang tính1").
  book.getSheets()[0].setName('Sheet1');
  // The API refuses to run over SpreadsheetApp writes not yet flushed (advancedSheets/access.ts).
  g.SpreadsheetApp.flush();
  return { emu, id, g, book };
}

/** A unit tab as the product lays it out: a title, codes, numbers, a checkbox row, a note column. */
function withUnitTab() {
  const setup = deployed();
  const tab = setup.book.insertSheet('DK - phường Đại Kim');
  tab.getRange('A1:H3').setValues([
    ['Đại Kim', '', '', '', '', '', '', ''],
    ['TC_HV', 'Hội viên', 'người', 1412, '', '', '', ''],
    ['TC_PN18', 'Phụ nữ', 'người', '', 1525.5, '', '', 'ghi chú'],
  ]);
  tab.getRange('D5:E5').setValues([[true, false]]);
  tab.getRange('E3').setNumberFormat('#,##0.##');
  setup.g.SpreadsheetApp.flush();
  return { ...setup, tab };
}

describe('the service exists only where the manifest enables it', () => {
  test('without dependencies.enabledAdvancedServices the product’s Sheets is not defined', () => {
    const { emu } = deployed({ timeZone: 'Asia/Ho_Chi_Minh' });
    expect(emu.globals.Sheets).toBeUndefined();
    expect(() => vm.runInContext('Sheets.Spreadsheets', emu.sandbox)).toThrow('Sheets is not defined');
  });

  test('the manifest’s userSymbol names the global', () => {
    const { emu } = deployed({
      ...MANIFEST,
      dependencies: { enabledAdvancedServices: [{ ...SHEETS_V4, userSymbol: 'SheetsApi' }] },
    });
    expect(emu.globals.Sheets).toBeUndefined();
    expect(typeof (emu.globals.SheetsApi as any).Spreadsheets.Values.batchGet).toBe('function');
  });

  test('what is not written yet throws Not emulated', () => {
    const { g, id } = deployed();
    expect(message(() => g.Sheets.Spreadsheets.create({}))).toBe('Not emulated: Sheets.Spreadsheets.create');
    expect(message(() => g.Sheets.Spreadsheets.Values.append({}, id, 'A1'))).toBe(
      'Not emulated: Sheets.Spreadsheets.Values.append',
    );
  });
});

describe('SpreadsheetApp writes not yet flushed', () => {
  test('refuse the call until SpreadsheetApp.flush(), rather than guess which state Google reads', () => {
    const { g, id, book } = deployed();
    book.getSheetByName('Sheet1').getRange('A1').setValue(7);
    expect(() => g.Sheets.Spreadsheets.Values.get(id, 'Sheet1!A1')).toThrow(
      'Emulator: Sheets.Spreadsheets.Values.get while SpreadsheetApp writes to this spreadsheet are not flushed',
    );
    g.SpreadsheetApp.flush();
    expect(g.Sheets.Spreadsheets.Values.get(id, 'Sheet1!A1').values).toEqual([['7']]);
  });
});

describe('batchGet: one call, one ValueRange per range in the order asked', () => {
  test('the returned range is the whole range asked for, in A1 with the sheet’s name quoted; trailing empty cells and rows are left out', () => {
    const { emu, g, id } = withUnitTab();
    const response = g.Sheets.Spreadsheets.Values.batchGet(id, {
      ranges: ["'DK - phường Đại Kim'!A:H", "'DK - phường Đại Kim'!A2:B2", 'Sheet1!A1:C3'],
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(response.spreadsheetId).toBe(id);
    expect(response.valueRanges).toEqual([
      {
        range: "'DK - phường Đại Kim'!A1:H1000",
        majorDimension: 'ROWS',
        values: [
          ['Đại Kim'],
          ['TC_HV', 'Hội viên', 'người', 1412],
          ['TC_PN18', 'Phụ nữ', 'người', '', 1525.5, '', '', 'ghi chú'],
          [],
          ['', '', '', true, false],
        ],
      },
      { range: "'DK - phường Đại Kim'!A2:B2", majorDimension: 'ROWS', values: [['TC_HV', 'Hội viên']] },
      // Nothing there: no values at all. A plain name is not quoted.
      { range: 'Sheet1!A1:C3', majorDimension: 'ROWS' },
    ]);
    // Built in the script's realm, as every array a service returns.
    expect(response.valueRanges instanceof (vm.runInContext('Array', emu.sandbox) as ArrayConstructor)).toBe(
      true,
    );
  });

  test('a range that names no sheet fails the whole call with the API’s text after Apps Script’s prefix', () => {
    const { g, id } = withUnitTab();
    expect(
      message(() =>
        g.Sheets.Spreadsheets.Values.batchGet(id, {
          ranges: ["'DK - phường Đại Kim'!A:H", "'Không có'!A:H"],
        }),
      ),
    ).toBe(
      "API call to sheets.spreadsheets.values.batchGet failed with error: Unable to parse range: 'Không có'!A:H",
    );
  });

  test('FORMATTED_VALUE (the default) shows what the cell shows, in the spreadsheet’s locale', () => {
    const { g, id } = withUnitTab();
    const [range] = g.Sheets.Spreadsheets.Values.batchGet(id, {
      ranges: ["'DK - phường Đại Kim'!D2:E5"],
    }).valueRanges;
    expect(range.values).toEqual([['1412'], ['', '1.525,5'], [], ['TRUE', 'FALSE']]);
  });

  test('dates: serial numbers by default, their format with FORMATTED_STRING; FORMULA gives formulas', () => {
    const { g, id, book } = withUnitTab();
    const sheet = book.getSheetByName('Sheet1');
    sheet.getRange('A1').setValue('05/02/2026');
    sheet.getRange('B1').setValue('=1+2');
    g.SpreadsheetApp.flush();
    const read = (options: Record<string, unknown>) =>
      g.Sheets.Spreadsheets.Values.get(id, 'Sheet1!A1:B1', options).values[0];
    // 5 February 2026 is day 46058 after 30 December 1899.
    expect(read({ valueRenderOption: 'UNFORMATTED_VALUE' })).toEqual([46058, 3]);
    expect(
      read({ valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'FORMATTED_STRING' }),
    ).toEqual(['05/02/2026', 3]);
    expect(read({ valueRenderOption: 'FORMULA' })).toEqual([46058, '=1+2']);
  });

  test('majorDimension COLUMNS lists columns', () => {
    const { g, id } = withUnitTab();
    const [range] = g.Sheets.Spreadsheets.Values.batchGet(id, {
      ranges: ["'DK - phường Đại Kim'!C2:D3"],
      majorDimension: 'COLUMNS',
      valueRenderOption: 'UNFORMATTED_VALUE',
    }).valueRanges;
    expect(range).toEqual({
      range: "'DK - phường Đại Kim'!C2:D3",
      majorDimension: 'COLUMNS',
      values: [['người', 'người'], [1412]],
    });
  });

  test('a sheet’s name alone is the whole sheet; A1 without a sheet is on the first visible sheet', () => {
    const { g, id } = withUnitTab();
    expect(g.Sheets.Spreadsheets.Values.get(id, "'DK - phường Đại Kim'").range).toBe(
      "'DK - phường Đại Kim'!A1:Z1000",
    );
    expect(g.Sheets.Spreadsheets.Values.get(id, 'A1:B2').range).toBe('Sheet1!A1:B2');
  });

  test('an unknown render option and an unknown argument are refused', () => {
    const { g, id } = withUnitTab();
    expect(
      message(() => g.Sheets.Spreadsheets.Values.get(id, 'Sheet1!A1', { valueRenderOption: 'RAW' })),
    ).toBe(
      `API call to sheets.spreadsheets.values.get failed with error: Invalid value at 'value_render_option' (type.googleapis.com/google.apps.sheets.v4.ValueRenderOption), "RAW"`,
    );
    expect(message(() => g.Sheets.Spreadsheets.Values.batchGet(id, { range: 'Sheet1!A1' }))).toMatch(
      /^API call to sheets\.spreadsheets\.values\.batchGet failed with error: Invalid JSON payload received\. Unknown name "range"/,
    );
  });

  test('one call however many ranges, priced as one API request plus the cells returned', () => {
    const { emu, g, id } = withUnitTab();
    emu.ctx.log.clear();
    const before = emu.now().getTime();
    emu.execute(() =>
      g.Sheets.Spreadsheets.Values.batchGet(id, {
        ranges: Array.from({ length: 50 }, () => "'DK - phường Đại Kim'!A:H"),
        valueRenderOption: 'UNFORMATTED_VALUE',
      }),
    );
    expect(emu.ctx.log.counts()).toEqual({ 'Sheets.Spreadsheets.Values.batchGet': 1 });
    // 300 ms + 0.01 ms for each of the 50 × 18 cells returned.
    expect(emu.now().getTime() - before).toBe(309);
  });

  test('a person without access to the file gets the API’s permission text', () => {
    const { emu, g, id } = withUnitTab();
    expect(
      message(() => emu.execute(() => g.Sheets.Spreadsheets.Values.get(id, 'Sheet1!A1'), { user: OFFICER })),
    ).toBe(
      'API call to sheets.spreadsheets.values.get failed with error: The caller does not have permission',
    );
  });
});

describe('scopes: the advanced service needs a full scope, never currentonly', () => {
  test('enabling the service adds no scope to an explicit list: without spreadsheets it is refused', () => {
    const { g, id } = deployed({ ...MANIFEST, oauthScopes: [SCOPES.spreadsheetsCurrentOnly] });
    expect(message(() => g.Sheets.Spreadsheets.Values.get(id, 'Sheet1!A1'))).toContain(
      'You do not have permission to call Sheets.Spreadsheets.Values.get.',
    );
  });

  test('a simple trigger (authMode LIMITED) cannot call it', () => {
    const { emu, g, id } = deployed();
    expect(
      message(() =>
        emu.execute(() => g.Sheets.Spreadsheets.Values.get(id, 'Sheet1!A1'), {
          user: OWNER,
          authMode: 'LIMITED',
          kind: 'simpleTrigger',
        }),
      ),
    ).toBe(
      `You do not have permission to call Sheets.Spreadsheets.Values.get. Required permissions: (${SCOPES.spreadsheets} || ${SCOPES.drive} || ${SCOPES.driveReadonly})`,
    );
  });
});

describe('batchUpdate: several ranges in one atomic call', () => {
  const cells = (emu: Emulator, sheet: string) => emu.sheets.values(sheet);

  test('USER_ENTERED reads strings as typed in the spreadsheet’s locale; RAW keeps them as they are', () => {
    const { emu, g, id } = deployed();
    const response = g.Sheets.Spreadsheets.Values.batchUpdate(
      {
        valueInputOption: 'USER_ENTERED',
        data: [{ range: 'Sheet1!A1:C1', values: [['1.412,5', '92,6%', '=1+2']] }],
      },
      id,
    );
    g.Sheets.Spreadsheets.Values.batchUpdate(
      { valueInputOption: 'RAW', data: [{ range: 'Sheet1!A2', values: [['1.412,5', '=1+2', 7, true]] }] },
      id,
    );
    expect(cells(emu, 'Sheet1').slice(0, 2)).toEqual([
      [1412.5, 0.926, 3, ''],
      ['1.412,5', '=1+2', 7, true],
    ]);
    expect(response).toEqual({
      spreadsheetId: id,
      totalUpdatedRows: 1,
      totalUpdatedColumns: 3,
      totalUpdatedCells: 3,
      totalUpdatedSheets: 1,
      responses: [
        {
          spreadsheetId: id,
          updatedRange: 'Sheet1!A1:C1',
          updatedRows: 1,
          updatedColumns: 3,
          updatedCells: 3,
        },
      ],
    });
  });

  test('null leaves a cell alone; "" empties it', () => {
    const { emu, g, id, book } = deployed();
    book
      .getSheetByName('Sheet1')
      .getRange('A1:C1')
      .setValues([[1, 2, 3]]);
    g.SpreadsheetApp.flush();
    g.Sheets.Spreadsheets.Values.batchUpdate(
      { valueInputOption: 'RAW', data: [{ range: 'Sheet1!A1:C1', values: [[null, '', 9]] }] },
      id,
    );
    expect(cells(emu, 'Sheet1')[0]).toEqual([1, '', 9]);
  });

  test('one bad range changes nothing', () => {
    const { emu, g, id } = deployed();
    expect(
      message(() =>
        g.Sheets.Spreadsheets.Values.batchUpdate(
          {
            valueInputOption: 'RAW',
            data: [
              { range: 'Sheet1!A1', values: [['kept out']] },
              { range: "'Không có'!A1", values: [[1]] },
            ],
          },
          id,
        ),
      ),
    ).toBe(
      "API call to sheets.spreadsheets.values.batchUpdate failed with error: Unable to parse range: 'Không có'!A1",
    );
    expect(cells(emu, 'Sheet1')).toEqual([]);
  });

  test('valueInputOption is required; values larger than their range are refused', () => {
    const { g, id } = deployed();
    expect(message(() => g.Sheets.Spreadsheets.Values.batchUpdate({ data: [] }, id))).toBe(
      "API call to sheets.spreadsheets.values.batchUpdate failed with error: 'valueInputOption' is required but not specified",
    );
    expect(
      message(() =>
        g.Sheets.Spreadsheets.Values.batchUpdate(
          {
            valueInputOption: 'RAW',
            data: [
              {
                range: 'Sheet1!A1:B1',
                values: [
                  [1, 2],
                  [3, 4],
                ],
              },
            ],
          },
          id,
        ),
      ),
    ).toBe(
      'API call to sheets.spreadsheets.values.batchUpdate failed with error: Requested writing within range [Sheet1!A1:B1], but tried writing to row [2]',
    );
  });

  test('protections bind whoever the protection does not list; the owner may always write', () => {
    const { emu, g, id, book } = deployed();
    emu.drive.share(id, OFFICER, 'EDIT');
    const protection = book.getSheetByName('Sheet1').getRange('A1:B2').protect();
    protection.removeEditors(protection.getEditors());
    const write = () =>
      g.Sheets.Spreadsheets.Values.batchUpdate(
        { valueInputOption: 'RAW', data: [{ range: 'Sheet1!A1', values: [[5]] }] },
        id,
      );
    expect(message(() => emu.execute(write, { user: OFFICER }))).toBe(
      'API call to sheets.spreadsheets.values.batchUpdate failed with error: You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    emu.execute(write, { user: OWNER });
    expect(cells(emu, 'Sheet1')[0]).toEqual([5]);
  });

  test('a viewer may read but not write', () => {
    const { emu, g, id } = deployed();
    emu.drive.share(id, OFFICER, 'VIEW');
    emu.execute(() => g.Sheets.Spreadsheets.Values.get(id, 'Sheet1!A1'), { user: OFFICER });
    expect(
      message(() =>
        emu.execute(
          () =>
            g.Sheets.Spreadsheets.Values.batchUpdate(
              { valueInputOption: 'RAW', data: [{ range: 'Sheet1!A1', values: [[1]] }] },
              id,
            ),
          { user: OFFICER },
        ),
      ),
    ).toBe(
      'API call to sheets.spreadsheets.values.batchUpdate failed with error: The caller does not have permission',
    );
  });

  test('a rule that rejects invalid input refuses the write, as it refuses a SpreadsheetApp write (stricter reading)', () => {
    const { emu, g, id, book } = deployed();
    const rule = g.SpreadsheetApp.newDataValidation()
      .requireNumberBetween(0, 100)
      .setAllowInvalid(false)
      .build();
    book.getSheetByName('Sheet1').getRange('A1').setDataValidation(rule);
    g.SpreadsheetApp.flush();
    expect(
      message(() =>
        g.Sheets.Spreadsheets.Values.batchUpdate(
          { valueInputOption: 'RAW', data: [{ range: 'Sheet1!A1', values: [[500]] }] },
          id,
        ),
      ),
    ).toBe(
      'API call to sheets.spreadsheets.values.batchUpdate failed with error: The data you entered in cell A1 violates the data validation rules set on this cell.',
    );
    expect(cells(emu, 'Sheet1')).toEqual([]);
  });

  test('what SpreadsheetApp reads next is what the API wrote', () => {
    const { g, id, book } = deployed();
    g.Sheets.Spreadsheets.Values.batchUpdate(
      { valueInputOption: 'USER_ENTERED', data: [{ range: 'Sheet1!B2', values: [['02/03/2026']] }] },
      id,
    );
    const value = book.getSheetByName('Sheet1').getRange('B2').getValue();
    expect(Object.prototype.toString.call(value)).toBe('[object Date]');
    expect(book.getSheetByName('Sheet1').getRange('B2').getDisplayValue()).toBe('02/03/2026');
  });
});
