/** Reading what a unit entered for a quarter, from its tab (one read per tab). */
import { errorText } from '../domain/serviceErrors';
import type { DataPoint, UnitQuarterValues } from '../domain/dataPoints';
import { quarterKey } from '../domain/periods';
import type { ParsedUnitTab } from '../domain/unitTab';
import { NARRATIVES, parseUnitTab, UNIT_TAB } from '../domain/unitTab';
import type { UnitRecord } from '../workspace/unitsTab';
import type { Workbook } from './workbook';

const NARRATIVE_CODES = new Set<string>(NARRATIVES.map((n) => n.code));
const LAST_COLUMN = String.fromCharCode(64 + UNIT_TAB.width);

function isEmpty(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/**
 * A unit's tab, read with two calls (the range by its A1 address, its values): a job over all
 * units costs a constant per unit, nothing per indicator.
 */
export function readUnit(workbook: Workbook, unit: UnitRecord): ParsedUnitTab {
  let range: GoogleAppsScript.Spreadsheet.Range | null;
  try {
    range = workbook.spreadsheet.getRange(`'${unit.tabName.replace(/'/g, "''")}'!A:${LAST_COLUMN}`);
  } catch (error) {
    // Only a missing tab means "run Khởi tạo"; an outage is Google's, translated at the boundary.
    if (!/Range not found/i.test(errorText(error))) throw error;
    range = null;
  }
  if (!range)
    throw new Error(`Không tìm thấy trang "${unit.tabName}" của đơn vị ${unit.ma}; hãy chạy Khởi tạo.`);
  return parseUnitTab(range.getValues());
}

/** Every active unit's tab. */
export function readUnitTabs(workbook: Workbook): Map<UnitRecord, ParsedUnitTab> {
  return new Map(workbook.units.filter((u) => u.active).map((unit) => [unit, readUnit(workbook, unit)]));
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
