/**
 * The province roll-up written into a Sheet: one tab per period ("Tổng hợp 2026-H1"), the long table
 * in A:D (the CSV's rows, numbers as numbers) and the coverage in F:I. Three requests whatever the
 * size: read the tabs, add the tab (or clear and grow it), write both blocks.
 */
import { parseCsv } from '../../src/domain/csv';
import type { GoogleApis } from './apis';
import type { ProvinceResult } from './provinceRollUp';
import type { Requests } from './requests';
import type { Cell } from './workbookLayout';
import { quoteTab } from './workbookLayout';

export function provinceTabName(result: Pick<ProvinceResult, 'spec'>): string {
  return `Tổng hợp ${result.spec.key}`;
}

export function provinceSheetBlocks(result: ProvinceResult): { table: Cell[][]; coverage: Cell[][] } {
  const table: Cell[][] = parseCsv(result.csv).map((row, i) =>
    i === 0 ? row : [row[0]!, row[1]!, row[2]!, /^-?\d+(\.\d+)?$/.test(row[3]!) ? Number(row[3]) : row[3]!],
  );
  const coverage: Cell[][] = [
    ['Bảng tính', 'Tên', 'Số đơn vị', 'Số liệu'],
    ...result.answered.map((w): Cell[] => [w.code, w.name, w.units ?? '', 'Có (đã nộp)']),
    ...result.missing.map((w): Cell[] => [w.code, w.name, '', `Không có, không tính là 0: ${w.reason}`]),
  ];
  return { table, coverage };
}

export async function writeProvinceSheet(
  apis: GoogleApis,
  requests: Requests,
  spreadsheetId: string,
  result: ProvinceResult,
): Promise<string> {
  const tab = provinceTabName(result);
  const { table, coverage } = provinceSheetBlocks(result);
  // Writing past a tab's grid is an error ("exceeds grid limits"), so the tab grows first.
  const rows = Math.max(1000, table.length, coverage.length);
  const existing = await requests.call('sheetsRead', () =>
    apis.sheets.spreadsheets.get({
      spreadsheetId,
      fields: 'sheets.properties(sheetId,title,gridProperties)',
    }),
  );
  const sheet = (existing.data.sheets ?? []).find((s) => s.properties?.title === tab)?.properties;
  const setUp =
    sheet && typeof sheet.sheetId === 'number'
      ? [
          { updateCells: { range: { sheetId: sheet.sheetId }, fields: 'userEnteredValue' } },
          {
            updateSheetProperties: {
              properties: {
                sheetId: sheet.sheetId,
                gridProperties: {
                  rowCount: Math.max(rows, sheet.gridProperties?.rowCount ?? 0),
                  columnCount: Math.max(9, sheet.gridProperties?.columnCount ?? 0),
                },
              },
              fields: 'gridProperties(rowCount,columnCount)',
            },
          },
        ]
      : [{ addSheet: { properties: { title: tab, gridProperties: { rowCount: rows, columnCount: 26 } } } }];
  await requests.call('sheetsWrite', () =>
    apis.sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests: setUp } }),
  );
  await requests.call('sheetsWrite', () =>
    apis.sheets.spreadsheets.values.batchUpdate({
      spreadsheetId,
      requestBody: {
        valueInputOption: 'RAW',
        data: [
          { range: `${quoteTab(tab)}!A1:D${table.length}`, values: table },
          { range: `${quoteTab(tab)}!F1:I${coverage.length}`, values: coverage },
        ],
      },
    }),
  );
  return tab;
}
