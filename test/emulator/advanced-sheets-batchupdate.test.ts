/**
 * Contract tests of the Advanced Sheets service's Spreadsheets.batchUpdate and get (Sheets API v4
 * reference: https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate,
 * …/request, …/sheets, …/cells; limits: https://developers.google.com/sheets/api/limits). What the
 * API changes is the state SpreadsheetApp and people's edits see.
 */
import { MAX_PAYLOAD_BYTES } from '../../scripts/emulator/services/advancedSheets/spreadsheets';
import { deployedWith, message, OWNER, VIETNAMESE } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */

const OFFICER = 'canbo@hoilhpn.vn';
const ADMIN = 'phochutich@hoilhpn.vn';
const SHEETS_SERVICE = { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' };

function deployed(manifest: Record<string, unknown>) {
  const { emu, id, g } = deployedWith(manifest, VIETNAMESE);
  emu.execute(() => g.SpreadsheetApp.getActiveSpreadsheet().addEditors([OFFICER, ADMIN]));
  return { emu, id, g };
}

/** A workspace whose manifest enables the Sheets service, with a bound spreadsheet. */
function workspace() {
  return deployed({
    timeZone: 'Asia/Ho_Chi_Minh',
    dependencies: { enabledAdvancedServices: [SHEETS_SERVICE] },
  });
}

const FAILED = 'API call to sheets.spreadsheets.batchUpdate failed with error: ';

describe('the Sheets global', () => {
  it('exists only when the manifest enables the service, under its user symbol', () => {
    expect(deployed({ timeZone: 'Asia/Ho_Chi_Minh' }).g.Sheets).toBeUndefined();
    const renamed = deployed({
      timeZone: 'Asia/Ho_Chi_Minh',
      dependencies: { enabledAdvancedServices: [{ ...SHEETS_SERVICE, userSymbol: 'SheetsApi' }] },
    });
    expect(renamed.g.SheetsApi.Spreadsheets).toBeDefined();
    expect(renamed.g.Sheets).toBeUndefined();
  });

  it('leaves what is not emulated unemulated', () => {
    const { g } = workspace();
    expect(message(() => g.Sheets.Spreadsheets.create({}))).toBe('Not emulated: Sheets.Spreadsheets.create');
  });

  it('needs the spreadsheets scope, never currentonly', () => {
    const { emu, id, g } = deployed({
      timeZone: 'Asia/Ho_Chi_Minh',
      oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
      dependencies: { enabledAdvancedServices: [SHEETS_SERVICE] },
    });
    // An enabled advanced service adds no scope to an explicit list, and currentonly does not serve it.
    expect(
      message(() => emu.execute(() => g.Sheets.Spreadsheets.get(id, { fields: 'spreadsheetId' }))),
    ).toContain('You do not have permission to call Sheets.Spreadsheets.get.');
    const bare = deployed({
      timeZone: 'Asia/Ho_Chi_Minh',
      oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
    });
    expect(bare.g.Sheets).toBeUndefined();
  });
});

describe('batchUpdate: requests in order, all or nothing', () => {
  it('adds a tab and writes values, formats, notes and a rule that SpreadsheetApp reads back', () => {
    const { emu, id, g } = workspace();
    const result = emu.execute(() =>
      g.Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            {
              addSheet: {
                properties: { sheetId: 42, title: 'ĐK', gridProperties: { rowCount: 20, columnCount: 5 } },
              },
            },
            {
              updateCells: {
                start: { sheetId: 42, rowIndex: 0, columnIndex: 0 },
                rows: [
                  {
                    values: [
                      { userEnteredValue: { stringValue: '=không phải công thức' }, note: 'Ghi chú' },
                      {
                        userEnteredValue: { numberValue: 1412 },
                        userEnteredFormat: {
                          backgroundColor: { red: 1, green: 242 / 255, blue: 204 / 255 },
                          textFormat: { bold: true },
                          numberFormat: { type: 'NUMBER', pattern: '#,##0' },
                        },
                      },
                      {
                        userEnteredValue: { boolValue: false },
                        dataValidation: { condition: { type: 'BOOLEAN' }, strict: true },
                      },
                    ],
                  },
                ],
                fields:
                  'userEnteredValue,userEnteredFormat(backgroundColor,textFormat.bold,numberFormat),note,dataValidation',
              },
            },
            {
              updateSheetProperties: {
                properties: { sheetId: 42, gridProperties: { frozenRowCount: 1 } },
                fields: 'gridProperties.frozenRowCount',
              },
            },
            {
              updateDimensionProperties: {
                range: { sheetId: 42, dimension: 'COLUMNS', startIndex: 1, endIndex: 3 },
                properties: { pixelSize: 140 },
                fields: 'pixelSize',
              },
            },
          ],
        },
        id,
      ),
    );
    // Replies mirror the requests: empty where a request has none.
    expect(result.replies).toEqual([
      { addSheet: { properties: expect.objectContaining({ sheetId: 42, title: 'ĐK', index: 1 }) } },
      {},
      {},
      {},
    ]);
    emu.execute(() => {
      const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('ĐK');
      expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getFrozenRows()]).toEqual([20, 5, 1]);
      const range = sheet.getRange('A1:C1');
      // stringValue is stored as it is: text, never a formula.
      expect(range.getValues()).toEqual([['=không phải công thức', 1412, false]]);
      expect(range.getDisplayValues()[0][1]).toBe('1.412');
      expect(range.getBackgrounds()[0][1]).toBe('#fff2cc');
      expect(range.getFontWeights()[0]).toEqual(['normal', 'bold', 'normal']);
      expect(range.getNotes()[0][0]).toBe('Ghi chú');
      expect(range.getDataValidations()[0][2].getCriteriaType()).toBe('CHECKBOX');
      expect(sheet.getColumnWidth(2)).toBe(140);
      expect(sheet.getColumnWidth(4)).toBe(100);
    });
    // The rule is the one a person's edit meets.
    expect(emu.sheets.userEdit({ as: OWNER, sheet: 'ĐK', a1: 'C1', value: 'có' }).accepted).toBe(false);
  });

  it('applies nothing when one request is invalid, and names it as Google does', () => {
    const { emu, id, g } = workspace();
    const sheetsBefore = emu.sheets.sheetNames();
    const text = message(() =>
      emu.execute(() =>
        g.Sheets.Spreadsheets.batchUpdate(
          {
            requests: [
              { addSheet: { properties: { title: 'Mới' } } },
              { addSheet: { properties: { title: 'mới' } } },
            ],
          },
          id,
        ),
      ),
    );
    expect(text).toBe(
      `${FAILED}Invalid requests[1].addSheet: A sheet with the name "mới" already exists. Please enter another name.`,
    );
    // Apps Script names these errors as the advanced services do.
    let name = '';
    try {
      emu.execute(() => g.Sheets.Spreadsheets.batchUpdate({ requests: [] }, id));
    } catch (error) {
      name = (error as Error).name;
    }
    expect(name).toBe('GoogleJsonResponseException');
    expect(emu.sheets.sheetNames()).toEqual(sheetsBefore);
  });

  it('refuses an empty batch, a request without fields, and a range past the grid', () => {
    const { emu, id, g } = workspace();
    const batch = (requests: unknown[]) =>
      message(() => emu.execute(() => g.Sheets.Spreadsheets.batchUpdate({ requests }, id)));
    expect(batch([])).toBe(`${FAILED}Must specify at least one request.`);
    expect(batch([{ repeatCell: { range: { sheetId: 0 }, cell: {} } }])).toBe(
      `${FAILED}Invalid requests[0].repeatCell: At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)`,
    );
    expect(
      batch([
        {
          repeatCell: {
            range: { sheetId: 0, startRowIndex: 1000, endRowIndex: 1001, endColumnIndex: 2 },
            cell: {},
            fields: 'note',
          },
        },
      ]),
    ).toBe(
      `${FAILED}Invalid requests[0].repeatCell: Range ('Trang tính1'!A1001:B1001) exceeds grid limits. Max rows: 1000, max columns: 26`,
    );
    expect(
      batch([{ deleteDimension: { range: { sheetId: 7, dimension: 'ROWS', startIndex: 0, endIndex: 1 } } }]),
    ).toBe(`${FAILED}Invalid requests[0].deleteDimension: No grid with id: 7`);
    expect(batch([{ mergeCells: { range: { sheetId: 0 }, mergeType: 'MERGE_ALL' } }])).toBe(
      'Not emulated: Sheets.Spreadsheets.batchUpdate request mergeCells',
    );
  });

  it('refuses a viewer, and a spreadsheet that does not exist', () => {
    const { emu, id, g } = workspace();
    const VIEWER = 'xem@hoilhpn.vn';
    emu.drive.share(id, VIEWER, 'VIEW');
    const addTab = (spreadsheetId: string, user: string) =>
      message(() =>
        emu.execute(
          () =>
            g.Sheets.Spreadsheets.batchUpdate(
              { requests: [{ addSheet: { properties: { title: 'X' } } }] },
              spreadsheetId,
            ),
          { user },
        ),
      );
    expect(addTab(id, VIEWER)).toBe(`${FAILED}The caller does not have permission`);
    expect(addTab('khong-co', OWNER)).toBe(`${FAILED}Requested entity was not found.`);
    // A viewer may read.
    expect(
      emu.execute(() => g.Sheets.Spreadsheets.get(id, { fields: 'spreadsheetId' }), { user: VIEWER }),
    ).toEqual({
      spreadsheetId: id,
    });
  });

  it('refuses a payload over 2 MB, Google’s recommended maximum', () => {
    const { emu, id, g } = workspace();
    const note = 'x'.repeat(40_000);
    const rows = Array.from({ length: 60 }, () => ({ values: [{ note }] }));
    const text = message(() =>
      emu.execute(() =>
        g.Sheets.Spreadsheets.batchUpdate(
          { requests: [{ updateCells: { start: { sheetId: 0 }, rows, fields: 'note' } }] },
          id,
        ),
      ),
    );
    expect(text).toBe(`${FAILED}Request payload size exceeds the limit: ${MAX_PAYLOAD_BYTES} bytes.`);
  });

  it('refuses a call while SpreadsheetApp writes wait in its cache (flush first)', () => {
    const { emu, id, g } = workspace();
    emu.execute(() => {
      g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue('chưa ghi');
      expect(() => g.Sheets.Spreadsheets.get(id, { fields: 'spreadsheetId' })).toThrow(
        /SpreadsheetApp.flush\(\) first/,
      );
      g.SpreadsheetApp.flush();
      expect(g.Sheets.Spreadsheets.get(id, { fields: 'spreadsheetId' })).toEqual({ spreadsheetId: id });
    });
  });

  it('costs more the more it carries', () => {
    const { emu, id, g } = workspace();
    const cost = (rows: number) => {
      const before = emu.now().getTime();
      emu.execute(() =>
        g.Sheets.Spreadsheets.batchUpdate(
          {
            requests: [
              {
                repeatCell: {
                  range: {
                    sheetId: 0,
                    startRowIndex: 0,
                    endRowIndex: rows,
                    startColumnIndex: 0,
                    endColumnIndex: 10,
                  },
                  cell: { userEnteredFormat: { textFormat: { bold: true } } },
                  fields: 'userEnteredFormat.textFormat.bold',
                },
              },
            ],
          },
          id,
        ),
      );
      return emu.now().getTime() - before;
    };
    const small = cost(1);
    const large = cost(1000);
    expect(small).toBeGreaterThanOrEqual(500);
    expect(large - small).toBeGreaterThanOrEqual(150);
  });
});

describe('dimensions', () => {
  it('deletes surplus rows and columns, with Google’s texts past the grid or for every row', () => {
    const { emu, id, g } = workspace();
    const batch = (requests: unknown[]) =>
      emu.execute(() => g.Sheets.Spreadsheets.batchUpdate({ requests }, id));
    batch([
      { deleteDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 10, endIndex: 1000 } } },
      { deleteDimension: { range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 8 } } },
      { appendDimension: { sheetId: 0, dimension: 'ROWS', length: 5 } },
    ]);
    emu.execute(() => {
      const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([15, 8]);
    });
    expect(
      message(() =>
        batch([
          { deleteDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 10, endIndex: 16 } } },
        ]),
      ),
    ).toBe(
      `${FAILED}Invalid requests[0].deleteDimension: Cannot delete a row that doesn't exist. Tried to delete row index 15 but there are only 15 rows.`,
    );
    expect(
      message(() =>
        batch([{ deleteDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 0 } } }]),
      ),
    ).toBe(
      `${FAILED}Invalid requests[0].deleteDimension: Sorry, it is not possible to delete all non-frozen rows.`,
    );
  });

  it('keeps the 10 million cell limit', () => {
    const { emu, id, g } = workspace();
    expect(
      message(() =>
        emu.execute(() =>
          g.Sheets.Spreadsheets.batchUpdate(
            { requests: [{ appendDimension: { sheetId: 0, dimension: 'ROWS', length: 400_000 } }] },
            id,
          ),
        ),
      ),
    ).toBe(
      `${FAILED}Invalid requests[0].appendDimension: This action would increase the number of cells in the workbook above the limit of 10000000 cells.`,
    );
  });
});

describe('protected ranges are the protections SpreadsheetApp and people meet', () => {
  function protectedWorkbook() {
    const w = workspace();
    const reply = w.emu.execute(() =>
      w.g.Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            {
              addProtectedRange: {
                protectedRange: {
                  range: { sheetId: 0 },
                  description: 'Hội LHPN: trang',
                  editors: { users: [ADMIN.toUpperCase()] },
                  unprotectedRanges: [
                    { sheetId: 0, startRowIndex: 4, endRowIndex: 10, startColumnIndex: 3, endColumnIndex: 7 },
                  ],
                },
              },
            },
            {
              addProtectedRange: {
                protectedRange: {
                  range: {
                    sheetId: 0,
                    startRowIndex: 4,
                    endRowIndex: 10,
                    startColumnIndex: 3,
                    endColumnIndex: 7,
                  },
                  description: 'Hội LHPN: ô nhập',
                  editors: { users: [ADMIN, OFFICER] },
                },
              },
            },
          ],
        },
        w.id,
      ),
    );
    return { ...w, reply };
  }

  it('blocks a person outside the editors and lets the editors in', () => {
    const { emu } = protectedWorkbook();
    const tab = emu.sheets.sheetNames()[0]!;
    expect(emu.sheets.userEdit({ as: OFFICER, sheet: tab, a1: 'A1', value: 'x' }).accepted).toBe(false);
    expect(emu.sheets.userEdit({ as: OFFICER, sheet: tab, a1: 'D5', value: 'x' }).accepted).toBe(true);
    expect(emu.sheets.userEdit({ as: ADMIN, sheet: tab, a1: 'A1', value: 'x' }).accepted).toBe(true);
  });

  it('keeps the owner and the caller among the editors, in lower case, and SpreadsheetApp lists them', () => {
    const { emu, g, reply } = protectedWorkbook();
    expect(reply.replies[0].addProtectedRange.protectedRange).toEqual(
      expect.objectContaining({
        range: { sheetId: 0 },
        description: 'Hội LHPN: trang',
        requestingUserCanEdit: true,
        editors: { users: [OWNER, ADMIN] },
      }),
    );
    emu.execute(() => {
      const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      const [whole] = sheet.getProtections(g.SpreadsheetApp.ProtectionType.SHEET);
      expect(whole.getDescription()).toBe('Hội LHPN: trang');
      expect(whole.getUnprotectedRanges().map((r: any) => r.getA1Notation())).toEqual(['D5:G10']);
      const [range] = sheet.getProtections(g.SpreadsheetApp.ProtectionType.RANGE);
      // Protection.getEditors() does not list the owner, who may always edit (services/sheets/protection.ts).
      expect(range.getEditors().map((u: any) => u.getEmail())).toEqual([ADMIN, OFFICER]);
    });
    // An admin who protects a range stays among its editors even when they do not name themselves.
    const added = emu.execute(
      () =>
        g.Sheets.Spreadsheets.batchUpdate(
          {
            requests: [
              {
                addProtectedRange: {
                  protectedRange: { range: { sheetId: 0, endRowIndex: 1 }, editors: { users: [] } },
                },
              },
            ],
          },
          emu.sheets.activeSpreadsheetId(),
        ),
      { user: ADMIN },
    );
    expect(added.replies[0].addProtectedRange.protectedRange.editors.users).toEqual([OWNER, ADMIN]);
  });

  it('lets only the protection’s editors remove it; a second sheet protection is refused', () => {
    const { emu, id, g, reply } = protectedWorkbook();
    const rangeId = reply.replies[1].addProtectedRange.protectedRange.protectedRangeId;
    const sheetId = reply.replies[0].addProtectedRange.protectedRange.protectedRangeId;
    expect(
      message(() =>
        emu.execute(
          () =>
            g.Sheets.Spreadsheets.batchUpdate(
              { requests: [{ deleteProtectedRange: { protectedRangeId: sheetId } }] },
              id,
            ),
          { user: OFFICER },
        ),
      ),
    ).toMatch(
      /^API call to sheets\.spreadsheets\.batchUpdate failed with error: Invalid requests\[0\]\.deleteProtectedRange: /,
    );
    expect(
      message(() =>
        emu.execute(() =>
          g.Sheets.Spreadsheets.batchUpdate(
            { requests: [{ addProtectedRange: { protectedRange: { range: { sheetId: 0 } } } }] },
            id,
          ),
        ),
      ),
    ).toMatch(/Invalid requests\[0\]\.addProtectedRange: /);
    // Replaced in one batch: the tab is never open between the two.
    emu.execute(() =>
      g.Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            { deleteProtectedRange: { protectedRangeId: rangeId } },
            { deleteProtectedRange: { protectedRangeId: sheetId } },
            { addProtectedRange: { protectedRange: { range: { sheetId: 0 }, editors: { users: [ADMIN] } } } },
          ],
        },
        id,
      ),
    );
    const tab = emu.sheets.sheetNames()[0]!;
    expect(emu.sheets.userEdit({ as: OFFICER, sheet: tab, a1: 'D5', value: 'x' }).accepted).toBe(false);
  });

  it('makes SpreadsheetApp writes of a non-editor fail, as a protect() would', () => {
    const { emu, g } = protectedWorkbook();
    expect(
      message(() =>
        emu.execute(
          () => g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue('x'),
          {
            user: OFFICER,
          },
        ),
      ),
    ).toBe(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
  });

  it('refuses cell requests on cells the caller may not edit', () => {
    const { emu, id, g } = protectedWorkbook();
    expect(
      message(() =>
        emu.execute(
          () =>
            g.Sheets.Spreadsheets.batchUpdate(
              {
                requests: [
                  {
                    repeatCell: {
                      range: { sheetId: 0, endRowIndex: 1, endColumnIndex: 1 },
                      cell: {},
                      fields: 'note',
                    },
                  },
                ],
              },
              id,
            ),
          { user: OFFICER },
        ),
      ),
    ).toBe(
      `${FAILED}Invalid requests[0].repeatCell: You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.`,
    );
  });
});

describe('more requests', () => {
  it('updateProtectedRange: warning-only lets everyone in with a warning; editors replaced keep the caller', () => {
    const { emu, id, g } = workspace();
    const batch = (requests: unknown[], user = OWNER) =>
      emu.execute(() => g.Sheets.Spreadsheets.batchUpdate({ requests }, id), { user });
    const added = batch(
      [
        {
          addProtectedRange: {
            protectedRange: { range: { sheetId: 0, endRowIndex: 2 }, editors: { users: [ADMIN] } },
          },
        },
      ],
      ADMIN,
    );
    const protectedRangeId = added.replies[0].addProtectedRange.protectedRange.protectedRangeId;
    const tab = emu.sheets.sheetNames()[0]!;
    expect(emu.sheets.userEdit({ as: OFFICER, sheet: tab, a1: 'A1', value: 'x' }).accepted).toBe(false);
    batch([
      {
        updateProtectedRange: {
          protectedRange: { protectedRangeId, warningOnly: true, description: 'cảnh báo' },
          fields: 'warningOnly,description',
        },
      },
    ]);
    expect(emu.sheets.userEdit({ as: OFFICER, sheet: tab, a1: 'A1', value: 'x' })).toEqual(
      expect.objectContaining({ accepted: true, warning: expect.any(String) }),
    );
    // Back to a real protection without naming editors: all the document's editors.
    batch([
      {
        updateProtectedRange: {
          protectedRange: { protectedRangeId, warningOnly: false },
          fields: 'warningOnly',
        },
      },
    ]);
    expect(emu.sheets.userEdit({ as: OFFICER, sheet: tab, a1: 'A1', value: 'y' })).toEqual({
      accepted: true,
    });
    batch([
      {
        updateProtectedRange: {
          protectedRange: { protectedRangeId, editors: { users: [] } },
          fields: 'editors',
        },
      },
    ]);
    expect(emu.sheets.userEdit({ as: OFFICER, sheet: tab, a1: 'A1', value: 'z' }).accepted).toBe(false);
    const got = emu.execute(() => g.Sheets.Spreadsheets.get(id, { fields: 'sheets.protectedRanges' }));
    expect(got.sheets[0].protectedRanges[0]).toEqual(
      expect.objectContaining({ description: 'cảnh báo', editors: { users: [OWNER] } }),
    );
  });

  it('setDataValidation: a strict rule refuses, a rule without strict warns, no rule clears', () => {
    const { emu, id, g } = workspace();
    const tab = emu.sheets.sheetNames()[0]!;
    const rule = (strict: boolean) => ({
      setDataValidation: {
        range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 },
        rule: {
          condition: {
            type: 'NUMBER_BETWEEN',
            values: [{ userEnteredValue: '0' }, { userEnteredValue: '100' }],
          },
          inputMessage: 'Nhập tỷ lệ từ 0 đến 100',
          strict,
        },
      },
    });
    const batch = (requests: unknown[]) =>
      emu.execute(() => g.Sheets.Spreadsheets.batchUpdate({ requests }, id));
    batch([rule(true)]);
    expect(emu.sheets.userEdit({ as: OWNER, sheet: tab, a1: 'A1', value: '150' })).toEqual(
      expect.objectContaining({ accepted: false, message: 'Nhập tỷ lệ từ 0 đến 100' }),
    );
    batch([rule(false)]);
    expect(emu.sheets.userEdit({ as: OWNER, sheet: tab, a1: 'A1', value: '150' }).accepted).toBe(true);
    batch([{ setDataValidation: { range: { sheetId: 0, endRowIndex: 1, endColumnIndex: 1 } } }]);
    emu.execute(() =>
      expect(
        g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').getDataValidation(),
      ).toBeNull(),
    );
  });

  it('a value written into a cell whose strict rule refuses it fails the batch', () => {
    const { emu, id, g } = workspace();
    const batch = (requests: unknown[]) =>
      message(() => emu.execute(() => g.Sheets.Spreadsheets.batchUpdate({ requests }, id)));
    emu.execute(() =>
      g.Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            {
              setDataValidation: {
                range: { sheetId: 0, endRowIndex: 1, endColumnIndex: 1 },
                rule: { condition: { type: 'BOOLEAN' }, strict: true },
              },
            },
          ],
        },
        id,
      ),
    );
    expect(
      batch([
        {
          updateCells: {
            start: { sheetId: 0 },
            rows: [{ values: [{ userEnteredValue: { stringValue: 'có' } }] }],
            fields: 'userEnteredValue',
          },
        },
      ]),
    ).toBe(
      `${FAILED}Invalid requests[0].updateCells: The data you entered in cell A1 violates the data validation rules set on this cell.`,
    );
  });

  it('conditional format rules added and deleted are the rules the cells show', () => {
    const { emu, id, g } = workspace();
    const tab = emu.sheets.sheetNames()[0]!;
    emu.sheets.userEdit({ as: OWNER, sheet: tab, a1: 'B2', value: '5' });
    const batch = (requests: unknown[]) =>
      emu.execute(() => g.Sheets.Spreadsheets.batchUpdate({ requests }, id));
    batch([
      {
        addConditionalFormatRule: {
          rule: {
            ranges: [
              { sheetId: 0, startRowIndex: 1, endRowIndex: 3, startColumnIndex: 1, endColumnIndex: 2 },
            ],
            booleanRule: {
              condition: { type: 'NUMBER_LESS', values: [{ userEnteredValue: '10' }] },
              format: { backgroundColor: { red: 1, green: 0, blue: 0 }, textFormat: { bold: true } },
            },
          },
          index: 0,
        },
      },
    ]);
    expect(emu.sheets.formatted(tab, 'B2')).toEqual({ background: '#ff0000', bold: true });
    batch([{ deleteConditionalFormatRule: { sheetId: 0, index: 0 } }]);
    expect(emu.sheets.formatted(tab, 'B2')).toBeNull();
  });

  it('updateSheetProperties renames, hides and resizes; a hidden last tab and a taken name are refused', () => {
    const { emu, id, g } = workspace();
    const batch = (requests: unknown[]) =>
      emu.execute(() => g.Sheets.Spreadsheets.batchUpdate({ requests }, id));
    batch([
      { addSheet: { properties: { sheetId: 5, title: 'Phụ' } } },
      {
        updateSheetProperties: {
          properties: {
            sheetId: 5,
            title: 'Phụ lục',
            hidden: true,
            gridProperties: { rowCount: 30, columnCount: 4 },
          },
          fields: 'title,hidden,gridProperties(rowCount,columnCount)',
        },
      },
    ]);
    emu.execute(() => {
      const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Phụ lục');
      expect([sheet.isSheetHidden(), sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([true, 30, 4]);
    });
    expect(
      message(() =>
        batch([
          {
            updateSheetProperties: {
              properties: { sheetId: 5, title: emu.sheets.sheetNames()[0] },
              fields: 'title',
            },
          },
        ]),
      ),
    ).toMatch(/Invalid requests\[0\]\.updateSheetProperties: A sheet with the name ".*" already exists\./);
  });
});

describe('get', () => {
  it('returns the tabs, their protections and the values of the ranges asked, as the fields select', () => {
    const { emu, id, g } = workspace();
    emu.execute(() => {
      const ss = g.SpreadsheetApp.getActiveSpreadsheet();
      ss.insertSheet('ĐK')
        .getRange('A1:B2')
        .setValues([
          ['Mã', 'Quý I'],
          ['CT01', 12],
        ]);
      ss.insertSheet('TL');
    });
    const got = emu.execute(() =>
      g.Sheets.Spreadsheets.get(id, {
        ranges: ["'ĐK'!A1:H", 'TL'],
        fields:
          'sheets(properties(sheetId,title,gridProperties.rowCount),data.rowData.values(effectiveValue,formattedValue))',
      }),
    );
    expect(got.sheets.map((s: any) => s.properties.title)).toEqual(['ĐK', 'TL']);
    expect(got.sheets[0].properties.gridProperties).toEqual({ rowCount: 1000 });
    expect(got.sheets[0].data[0].rowData).toEqual([
      {
        values: [
          { effectiveValue: { stringValue: 'Mã' }, formattedValue: 'Mã' },
          { effectiveValue: { stringValue: 'Quý I' }, formattedValue: 'Quý I' },
        ],
      },
      {
        values: [
          { effectiveValue: { stringValue: 'CT01' }, formattedValue: 'CT01' },
          { effectiveValue: { numberValue: 12 }, formattedValue: '12' },
        ],
      },
    ]);
    expect(got.sheets[1].data[0]).toEqual({});
    expect(message(() => emu.execute(() => g.Sheets.Spreadsheets.get(id, { ranges: ['Không có!A1'] })))).toBe(
      'API call to sheets.spreadsheets.get failed with error: Unable to parse range: Không có!A1',
    );
  });
});
