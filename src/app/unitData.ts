/** Reading what the units entered, from their tabs: every tab in one Sheets API read. */
import type { DataPoint, UnitQuarterValues } from '../domain/dataPoints';
import { quarterKey } from '../domain/periods';
import type { ParsedUnitTab } from '../domain/unitTab';
import { NARRATIVES, parseUnitTab, UNIT_TAB } from '../domain/unitTab';
import { readColumnBlocks, tabColumns } from '../workspace/sheetsApi';
import type { UnitRecord } from '../workspace/unitsTab';
import type { Workbook } from './workbook';

const NARRATIVE_CODES = new Set<string>(NARRATIVES.map((n) => n.code));

function isEmpty(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/**
 * The cells of the tabs of `units` (columns A to the tab's width, from row 1), read in one call
 * whatever their number: a job over all units costs the same as over one, nothing per unit or
 * indicator. A missing tab fails the read; the units whose tab is gone are then named.
 */
export function readUnitGrids(workbook: Workbook, units: UnitRecord[]): unknown[][][] {
  const ranges = units.map((u) => tabColumns(u.tabName, UNIT_TAB.width));
  let failure: unknown;
  try {
    return readColumnBlocks(workbook.spreadsheet, ranges, UNIT_TAB.width);
  } catch (error) {
    failure = error;
  }
  const tabs = new Set(workbook.spreadsheet.getSheets().map((s) => s.getName()));
  const missing = units.filter((u) => !tabs.has(u.tabName));
  if (missing.length === 0) throw failure;
  throw new Error(
    `Không tìm thấy trang ${missing.map((u) => `"${u.tabName}" của đơn vị ${u.ma}`).join(', ')}; hãy chạy Khởi tạo.`,
  );
}

function readTabs(workbook: Workbook, units: UnitRecord[]): Map<UnitRecord, ParsedUnitTab> {
  const grids = readUnitGrids(workbook, units);
  return new Map(units.map((unit, i) => [unit, parseUnitTab(grids[i] ?? [])]));
}

/** A unit's tab (one call). */
export function readUnit(workbook: Workbook, unit: UnitRecord): ParsedUnitTab {
  return readTabs(workbook, [unit]).get(unit)!;
}

/**
 * Tabs already read by this run (one Workbook per run, loadWorkbook): the jobs that read every tab
 * (roll-up, checks, reports, the quarterly summary with its report and its figures) only read, so a
 * second need of the same run reuses the first read. A job that rewrites unit tabs (setup, the new
 * year) reads them before it writes and never again.
 */
const readByRun = new WeakMap<Workbook, Map<UnitRecord, ParsedUnitTab>>();

/** Every active unit's tab, read once per run. */
export function readUnitTabs(workbook: Workbook): Map<UnitRecord, ParsedUnitTab> {
  let tabs = readByRun.get(workbook);
  if (!tabs) {
    tabs = readTabs(
      workbook,
      workbook.units.filter((u) => u.active),
    );
    readByRun.set(workbook, tabs);
  }
  return tabs;
}

/** Indicator values of one quarter (narratives excluded); missing values are absent, never 0. */
export function quarterValues(tab: ParsedUnitTab, quarter: number): UnitQuarterValues {
  const values: UnitQuarterValues = {};
  for (const [code, perQuarter] of Object.entries(tab.values)) {
    const value = perQuarter[quarter - 1];
    if (NARRATIVE_CODES.has(code) || isEmpty(value)) continue;
    values[code] = typeof value === 'number' ? value : String(value);
  }
  return values;
}

/** Everything typed for the quarter, narratives included, as data points for Lưu trữ. */
export function quarterPoints(
  workbook: Workbook,
  unit: UnitRecord,
  tab: ParsedUnitTab,
  quarter: number,
): DataPoint[] {
  const period = quarterKey({ year: workbook.settings.nam, quarter });
  return Object.entries(tab.values)
    .filter(([, perQuarter]) => !isEmpty(perQuarter[quarter - 1]))
    .map(([code, perQuarter]) => {
      const value = perQuarter[quarter - 1];
      return { unit: unit.ma, period, code, value: typeof value === 'number' ? value : String(value) };
    });
}
