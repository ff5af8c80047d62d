/**
 * One workbook's submitted data, read with one request (values.batchGet of three fixed ranges):
 * Cấu hình (its level), Đơn vị (which units report) and Lưu trữ (every submitted quarter, corrections
 * included). The ranges are known without asking first, whatever tabs the workbook's admin added or
 * renamed since provisioning. The tabs are parsed by the bundle's own readers (src/workspace), given a
 * stand-in for the spreadsheet that serves the values read, so Node and Apps Script agree on what a
 * row means.
 */
import './csvText';
import { configFromTabs } from '../../src/app/workbook';
import type { Level } from '../../src/domain/config';
import type { DataPoint } from '../../src/domain/dataPoints';
import { readArchive } from '../../src/workspace/archiveTab';
import { readConfigTab } from '../../src/workspace/configTab';
import { TAB } from '../../src/workspace/tabs';
import { readUnitsTab } from '../../src/workspace/unitsTab';
import type { GoogleApis } from './apis';
import type { Requests } from './requests';
import { describeError, httpStatus, RetryError } from './retry';
import type { UnitState } from './state';
import { quoteTab } from './workbookLayout';

/** Only the columns the readers use: Lưu trữ's unit, period, code and value. */
export const WORKBOOK_RANGES = [
  `${quoteTab(TAB.config)}!A:C`,
  `${quoteTab(TAB.units)}!A:E`,
  `${quoteTab(TAB.archive)}!A:D`,
];
const TABS = [TAB.config, TAB.units, TAB.archive];

export interface WorkbookData {
  level: Level;
  name: string;
  /** Codes of the units that report (Đơn vị › Hoạt động), in order. */
  units: string[];
  /** The latest submitted value of each unit, quarter and indicator, for the quarters asked. */
  points: DataPoint[];
}

export type WorkbookRead = { ok: true; data: WorkbookData } | { ok: false; reason: string };

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The part of a Spreadsheet the readers call (getSheetByName, getLastRow/Column, getRange().getValues()), over values read. */
export function valuesSpreadsheet(tabs: ReadonlyMap<string, unknown[][]>): Spreadsheet {
  const sheet = (rows: unknown[][]) => {
    const width = Math.max(0, ...rows.map((r) => r.length));
    const range = (row: number, column: number, numRows = 1, numColumns = 1) => ({
      getValues: () =>
        Array.from({ length: numRows }, (_, r) =>
          Array.from({ length: numColumns }, (_, c) => rows[row - 1 + r]?.[column - 1 + c] ?? ''),
        ),
    });
    return {
      getLastRow: () => rows.length,
      getLastColumn: () => width,
      getRange: range,
      getDataRange: () => range(1, 1, Math.max(1, rows.length), Math.max(1, width)),
    } as unknown as Sheet;
  };
  return {
    getSheetByName: (name: string) => {
      const rows = tabs.get(name);
      return rows ? sheet(rows) : null;
    },
  } as unknown as Spreadsheet;
}

/** Why a workbook gave no data, in words an installer can act on. */
function failureReason(error: unknown): string {
  const last = error instanceof RetryError ? error.last : error;
  const status = httpStatus(last);
  const detail = describeError(error);
  if (status === 404) return `không tìm thấy bảng tính (đã bị xóa?): ${detail}`;
  if (status === 403) return `không có quyền đọc bảng tính: ${detail}`;
  if (status === 400 && /parse range/i.test(detail))
    return `bảng tính chưa được khởi tạo (thiếu trang ${TABS.map((t) => `"${t}"`).join(', ')}): ${detail}`;
  return detail;
}

/** The parsed content of the three ranges, or why it cannot be used. */
export function parseWorkbookValues(
  valueRanges: ReadonlyArray<unknown[][] | undefined>,
  quarters: ReadonlySet<string>,
): WorkbookRead {
  const tabs = new Map(TABS.map((name, i) => [name, valueRanges[i] ?? []]));
  const spreadsheet = valuesSpreadsheet(tabs);
  try {
    const tab = readConfigTab(spreadsheet);
    const units = readUnitsTab(spreadsheet);
    const config = configFromTabs(tab?.config ?? {}, units);
    const active = units.filter((u) => u.active).map((u) => u.ma);
    const reporting = new Set(active);
    const points = readArchive(spreadsheet, quarters).filter((p) => reporting.has(p.unit));
    return { ok: true, data: { level: config.cap, name: config.ten_don_vi, units: active, points } };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/** Reads one workbook: one values.batchGet, retried under the read quota. */
export async function readWorkbook(
  apis: GoogleApis,
  requests: Requests,
  unit: Pick<UnitState, 'spreadsheetId'>,
  quarters: ReadonlySet<string>,
): Promise<WorkbookRead> {
  if (!unit.spreadsheetId) return { ok: false, reason: 'chưa có bảng tính (chưa cấp phát xong)' };
  const spreadsheetId = unit.spreadsheetId;
  try {
    const response = await requests.call('sheetsRead', () =>
      apis.sheets.spreadsheets.values.batchGet({
        spreadsheetId,
        ranges: WORKBOOK_RANGES,
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'SERIAL_NUMBER',
        majorDimension: 'ROWS',
      }),
    );
    const ranges = response.data.valueRanges ?? [];
    return parseWorkbookValues(
      TABS.map((_, i) => (ranges[i]?.values ?? []) as unknown[][]),
      quarters,
    );
  } catch (error) {
    return { ok: false, reason: failureReason(error) };
  }
}
