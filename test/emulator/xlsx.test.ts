import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Emulator } from '../../scripts/emulator';
import { exportXlsx } from '../../scripts/emulator/export/xlsx';
import { VIETNAMESE } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */

test('exportXlsx writes every sheet with values, formats, notes, fills, validations, widths and frozen panes', async () => {
  const emu = new Emulator({
    now: new Date('2026-03-02T08:00:00+07:00'),
    owner: 'chutich@hoilhpn.vn',
    accountLocales: { 'chutich@hoilhpn.vn': VIETNAMESE },
  });
  const id = emu.sheets.createBound('Báo cáo');
  const app = emu.globals.SpreadsheetApp as any;
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  sheet.setName('Phường 1');
  sheet.getRange('A1:C2').setValues([
    ['Chỉ tiêu', 'Giá trị', 'Ngày'],
    ['Hội viên', 1412, new Date('2026-03-02T08:00:00+07:00')],
  ]);
  sheet.getRange('B2').setNumberFormat('#,##0').setNote('Số hội viên cuối quý');
  sheet.getRange('C2').setNumberFormat('dd/MM/yyyy');
  sheet.getRange('A1:C1').setBackground('#d9ead3').setFontWeight('bold');
  sheet.getRange('D2:D3').setValues([['=B2*2'], ['=ROUND(B2/3;1)']]);
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(1, 210);
  sheet
    .getRange('B3')
    .setDataValidation(
      app
        .newDataValidation()
        .requireNumberBetween(0, 100)
        .setAllowInvalid(false)
        .setHelpText('Từ 0 đến 100')
        .build(),
    );
  sheet.getRange('E2').setDataValidation(app.newDataValidation().requireValueInList(['Có', 'Không']).build());
  ss.insertSheet('Ẩn').hideSheet();

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-')), 'bang-tinh.xlsx');
  await exportXlsx(emu.ctx, id, file);

  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  expect(book.worksheets.map((w) => [w.name, w.state])).toEqual([
    ['Phường 1', 'visible'],
    ['Ẩn', 'hidden'],
  ]);
  const ws = book.getWorksheet('Phường 1')!;
  expect(ws.getCell('A1').value).toBe('Chỉ tiêu');
  expect(ws.getCell('B2').value).toBe(1412);
  expect(ws.getCell('B2').numFmt).toBe('#,##0');
  expect((ws.getCell('C2').value as Date).toISOString()).toBe('2026-03-02T08:00:00.000Z');
  expect(ws.getCell('C2').numFmt).toBe('dd/mm/yyyy');
  expect(ws.getCell('D2').value).toEqual({ formula: 'B2*2' });
  // Typed with vi_VN's ";", written in the syntax Excel reads.
  expect(ws.getCell('D3').value).toEqual({ formula: 'ROUND(B2/3,1)' });
  expect(ws.getCell('B2').note).toBe('Số hội viên cuối quý');
  expect(ws.getCell('A1').font?.bold).toBe(true);
  expect((ws.getCell('A1').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9EAD3');
  expect(ws.getColumn(1).width).toBe(30);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 0 });
  expect(ws.getCell('B3').dataValidation).toMatchObject({
    type: 'decimal',
    operator: 'between',
    formulae: [0, 100],
    errorStyle: 'stop',
    error: 'Từ 0 đến 100',
  });
  expect(ws.getCell('E2').dataValidation).toMatchObject({
    type: 'list',
    formulae: ['"Có,Không"'],
    errorStyle: 'warning',
  });
});
