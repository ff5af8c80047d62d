/**
 * A unit's entry tab: the Sheets API requests that build it from its layout (src/domain/unitTab.ts),
 * whatever the number of indicators or units, and the quarter locks submission sets and lifts.
 */
import type { Indicator } from '../domain/catalogue';
import { entryNote } from '../domain/catalogue';
import type { InputRule, UnitTabLayout } from '../domain/unitTab';
import { MAX_MAGNITUDE } from '../domain/numberText';
import { inputRule, UNIT_TAB } from '../domain/unitTab';
import {
  ownRangeProtections,
  protectRange,
  rangeProtectionRequest,
  removeProtectionRequests,
  sheetProtectionRequest,
} from './protection';
import type { TabInfo } from './sheetsBatch';
import { apiColor, apiValue, cellsRequest, columnWidthRequest, gridRequest } from './sheetsBatch';
import type { UnitRecord } from './unitsTab';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Request = GoogleAppsScript.Sheets.Schema.Request;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;
type CellFormat = GoogleAppsScript.Sheets.Schema.CellFormat;
type DataValidationRule = GoogleAppsScript.Sheets.Schema.DataValidationRule;
type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;

const COLOR = {
  input: '#fff2cc',
  section: '#d9e1f2',
  header: '#d9d9d9',
  control: '#e2efda',
  plain: '#ffffff',
};
const QUARTERS = 4;

/** A rule as the Sheets API takes it; strict: a value it refuses is not stored. */
function apiRule(rule: InputRule): DataValidationRule {
  const values = (list: readonly string[]) => list.map((v) => ({ userEnteredValue: v }));
  switch (rule.kind) {
    case 'whole':
    case 'money':
      // The import's bound too: a 400-digit paste would otherwise be stored as Infinity.
      return {
        condition: { type: 'NUMBER_BETWEEN', values: values(['0', String(MAX_MAGNITUDE)]) },
        inputMessage: rule.help,
        strict: true,
      };
    case 'percent':
      return {
        condition: { type: 'NUMBER_BETWEEN', values: values(['0', '100']) },
        inputMessage: rule.help,
        strict: true,
      };
    case 'list':
      return {
        condition: { type: 'ONE_OF_LIST', values: values(rule.values) },
        inputMessage: rule.help,
        strict: true,
        showCustomUi: true,
      };
  }
}

/** The submit boxes accept a hand-typed "x" or "có" too (isTicked), so the checkbox rule is not strict. */
const CHECKBOX: DataValidationRule = { condition: { type: 'BOOLEAN' } };

/** How an input shows: counts as 1.412, money with up to two decimals, anything else as typed. */
function numberFormatFor(indicator: Indicator | undefined): string | null {
  if (!indicator) return null;
  const rule = inputRule(indicator);
  if (rule.kind === 'list') return null;
  return rule.kind === 'whole' ? '#,##0' : '#,##0.##';
}

/** Rows below the content, so a catalogue that grows by a few indicators fits without a new grid. */
export const UNIT_TAB_ROOM_ROWS = 10;

/** The cells of the tab, `height` rows: content, look, notes and rules of each cell. */
function unitTabCells(layout: UnitTabLayout, height: number): CellData[][] {
  const byRow = new Map(layout.rows.map((r) => [r.row, r]));
  const rules = new Map<string, DataValidationRule>();
  const ruleFor = (indicator: Indicator): DataValidationRule => {
    const input = inputRule(indicator);
    const key = `${input.kind}|${input.help}`;
    if (!rules.has(key)) rules.set(key, apiRule(input));
    return rules.get(key)!;
  };
  const cells: CellData[][] = [];
  for (let r = 1; r <= height; r++) {
    const info = byRow.get(r);
    const isHeader = r === UNIT_TAB.headerRow;
    const isControl = r === UNIT_TAB.statusRow || r === UNIT_TAB.submitRow;
    const bold = isHeader || info?.kind === 'section' || r === 1;
    const line: CellData[] = [];
    for (let c = 1; c <= UNIT_TAB.width; c++) {
      const isQuarter = c >= UNIT_TAB.firstQuarterColumn && c < UNIT_TAB.noteColumn;
      let background: string = COLOR.plain;
      if (isHeader) background = COLOR.header;
      else if (info?.kind === 'section') background = COLOR.section;
      else if (isControl && isQuarter) background = COLOR.control;
      else if (info && c >= UNIT_TAB.firstQuarterColumn) background = COLOR.input;
      const pattern = isQuarter && info?.kind === 'indicator' ? numberFormatFor(info.indicator) : null;
      const format: CellFormat = {
        ...(background !== COLOR.plain ? { backgroundColor: apiColor(background) } : {}),
        ...(bold ? { textFormat: { bold: true } } : {}),
        ...(pattern ? { numberFormat: { type: 'NUMBER', pattern } } : {}),
        // Status texts ("Chưa nộp (hạn 10/04/2026)") wrap rather than hide behind the next column.
        ...(r === UNIT_TAB.statusRow && isQuarter ? { wrapStrategy: 'WRAP' } : {}),
      };
      let rule: DataValidationRule | null = null;
      if (isQuarter && r === UNIT_TAB.submitRow) rule = CHECKBOX;
      else if (isQuarter && r > UNIT_TAB.submitRow && info?.indicator) rule = ruleFor(info.indicator);
      const value = apiValue(layout.grid[r - 1]?.[c - 1]);
      const note = c === 2 && info?.indicator ? entryNote(info.indicator) : '';
      line.push({
        ...(value ? { userEnteredValue: value } : {}),
        ...(Object.keys(format).length > 0 ? { userEnteredFormat: format } : {}),
        ...(note ? { note } : {}),
        ...(rule ? { dataValidation: rule } : {}),
      });
    }
    cells.push(line);
  }
  return cells;
}

/**
 * The requests that make a unit's tab from its layout (src/domain/unitTab.ts): the tab when it is
 * new, its grid sized to the content, content, look, notes and rules in one block, column widths, and
 * its protections replaced. They go in one batchUpdate, so the tab is never left unprotected.
 */
export function unitTabRequests(input: {
  tab: TabInfo | { sheetId: number; index: number | null };
  unit: UnitRecord;
  layout: UnitTabLayout;
  /** What the tab holds now (values, as read): rows and columns typed beyond the layout stay. */
  existing: readonly unknown[][];
  admins: readonly string[];
  submitted: readonly number[];
  year: number;
}): Request[] {
  const { tab, unit, layout, admins } = input;
  const { sheetId } = tab;
  const height = Math.max(layout.grid.length, input.existing.length);
  const columns = Math.max(UNIT_TAB.width, ...input.existing.map((r) => r.length));
  const requests: Request[] = [];
  const grid = { rows: height + UNIT_TAB_ROOM_ROWS, columns };
  if ('protections' in tab) {
    requests.push(...removeProtectionRequests(tab));
    requests.push(gridRequest(sheetId, grid.rows, grid.columns, UNIT_TAB.frozenRows, UNIT_TAB.frozenColumns));
  } else {
    requests.push({
      addSheet: {
        properties: {
          sheetId,
          title: unit.tabName,
          ...(tab.index === null ? {} : { index: tab.index }),
          gridProperties: {
            rowCount: grid.rows,
            columnCount: grid.columns,
            frozenRowCount: UNIT_TAB.frozenRows,
            frozenColumnCount: UNIT_TAB.frozenColumns,
          },
        },
      },
    });
  }
  requests.push(cellsRequest(sheetId, unitTabCells(layout, height), UNIT_TAB.width));
  requests.push(
    columnWidthRequest(sheetId, 1, 1, 110),
    columnWidthRequest(sheetId, 2, 1, 380),
    columnWidthRequest(sheetId, UNIT_TAB.firstQuarterColumn, QUARTERS, 110),
    columnWidthRequest(sheetId, UNIT_TAB.noteColumn, 1, 220),
  );
  // Officers of the unit edit its input cells, notes and submit controls; nobody else but admins
  // edits anything on the tab; a submitted quarter is for admins only.
  const band: GridRange = {
    sheetId,
    startRowIndex: UNIT_TAB.submitRow - 1,
    endRowIndex: layout.grid.length,
    startColumnIndex: UNIT_TAB.firstQuarterColumn - 1,
    endColumnIndex: UNIT_TAB.firstQuarterColumn - 1 + QUARTERS + 1,
  };
  requests.push(sheetProtectionRequest(sheetId, `trang đơn vị ${unit.ma}`, admins, [band]));
  requests.push(rangeProtectionRequest(band, `ô nhập của đơn vị ${unit.ma}`, [...admins, ...unit.email]));
  for (const quarter of input.submitted) {
    const column = quarterColumn(quarter) - 1;
    requests.push(
      rangeProtectionRequest(
        { ...band, startColumnIndex: column, endColumnIndex: column + 1 },
        lockDescription(unit, quarter, input.year),
        admins,
      ),
    );
  }
  return requests;
}

function quarterColumn(quarter: number): number {
  return UNIT_TAB.firstQuarterColumn + quarter - 1;
}

function lockDescription(unit: UnitRecord, quarter: number, year: number): string {
  return `đã nộp Quý ${['I', 'II', 'III', 'IV'][quarter - 1]}/${year} – ${unit.ma}`;
}

/** Locks a submitted quarter's column (values and submit control) for everyone but admins. */
export function lockQuarter(
  sheet: Sheet,
  unit: UnitRecord,
  admins: readonly string[],
  lastRow: number,
  quarter: number,
  year: number,
): void {
  const range = sheet.getRange(
    UNIT_TAB.submitRow,
    quarterColumn(quarter),
    lastRow - UNIT_TAB.submitRow + 1,
    1,
  );
  protectRange(range, lockDescription(unit, quarter, year), admins);
}

/** Whether a submitted quarter's lock (admins only) is on the tab. */
export function isQuarterLocked(sheet: Sheet, unit: UnitRecord, quarter: number, year: number): boolean {
  return ownRangeProtections(sheet).has(lockDescription(unit, quarter, year));
}

export function unlockQuarter(sheet: Sheet, unit: UnitRecord, quarter: number, year: number): void {
  ownRangeProtections(sheet)
    .get(lockDescription(unit, quarter, year))
    ?.remove();
}

/** Empties a unit tab's quarter columns and notes below the header, and unticks its submit boxes. */
export function clearYearRequests(sheetId: number, rows: number): GoogleAppsScript.Sheets.Schema.Request[] {
  const columns = {
    startColumnIndex: UNIT_TAB.firstQuarterColumn - 1,
    endColumnIndex: UNIT_TAB.firstQuarterColumn - 1 + 5,
  };
  const requests: GoogleAppsScript.Sheets.Schema.Request[] = [
    {
      repeatCell: {
        range: {
          sheetId,
          startRowIndex: UNIT_TAB.submitRow - 1,
          endRowIndex: UNIT_TAB.submitRow,
          startColumnIndex: columns.startColumnIndex,
          endColumnIndex: columns.startColumnIndex + 4,
        },
        cell: { userEnteredValue: { boolValue: false } },
        fields: 'userEnteredValue',
      },
    },
  ];
  if (rows >= UNIT_TAB.firstDataRow) {
    requests.push({
      repeatCell: {
        range: { sheetId, startRowIndex: UNIT_TAB.firstDataRow - 1, endRowIndex: rows, ...columns },
        cell: {},
        fields: 'userEnteredValue',
      },
    });
  }
  return requests;
}
