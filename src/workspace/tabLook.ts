/**
 * How a shared tab looks (its header, frozen columns, widths, rules and formats) as plain data, so
 * that the same look is applied at once through SpreadsheetApp by a job that writes one tab, or as
 * Sheets API requests by setup, which applies every tab's look with the tabs' protections in one
 * batchUpdate instead of some forty SpreadsheetApp calls. SharedTabs is setup's one read of the
 * tabs, which spares it asking SpreadsheetApp for each tab's handle, size and content.
 */
import { sheetProtectionRequest } from './protection';
import type { TabInfo, WorkbookStructure } from './sheetsBatch';
import { apiColor, applyGroups, readStructure } from './sheetsBatch';
import { writeBlocks } from './sheetsApi';
import type { TabExtent } from './tabs';
import { appendRows, ensureSheet, recordsOf, replaceContent } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Request = GoogleAppsScript.Sheets.Schema.Request;
type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;

/** A block of cells, 1-based; `rows` left out runs to the end of the grid. */
export interface CellBlock {
  row: number;
  column: number;
  rows?: number;
  columns?: number;
}

export interface TabLook {
  /** The width of the header row: bold, grey, frozen (styleHeader). */
  header?: number;
  frozenColumns?: number;
  columnWidths?: Array<{ column: number; pixels: number }>;
  /** Bold or not, cell by cell down from the block's first cell (one column). */
  boldDown?: { block: CellBlock; bold: boolean[] };
  checkboxes?: CellBlock;
  list?: { block: CellBlock; values: string[]; help: string };
  /** Text ('@') or a date-time pattern. */
  numberFormats?: Array<{ block: CellBlock; pattern: string }>;
}

const HEADER_BACKGROUND = '#d9d9d9';

/** The grid Google gives a new tab (insertSheet's, and addSheet's default). */
const NEW_GRID = { rows: 1000, columns: 26 };
const NEW_GRID_PROPERTIES = { rowCount: NEW_GRID.rows, columnCount: NEW_GRID.columns };

/**
 * Setup's view of the shared tabs: what each held when it began (one read of them all, so writing a
 * tab asks SpreadsheetApp nothing about its size), the missing ones made in one call, and the looks
 * it collects, applied with the protections (setup.ts).
 */
export class SharedTabs {
  readonly looks = new Map<string, TabLook>();
  private sheets: Sheet[] = [];
  /** Content written into known tabs, waiting for writeDeferred. */
  private deferred: Array<{ tab: string; rows: unknown[][] }> = [];

  private constructor(
    private readonly structure: WorkbookStructure,
    private readonly tops: ReadonlySet<string>,
  ) {}

  /**
   * The tabs' grids, the values of `whole` and the first row of `tops` (two calls), and the tabs of
   * `order` that are missing added at the end in that order, empty and for `admins` only, in one
   * more call.
   */
  static open(
    spreadsheet: Spreadsheet,
    whole: readonly string[],
    tops: readonly string[],
    order: readonly string[],
    admins: readonly string[],
  ): SharedTabs {
    const topSet = new Set(tops);
    const structure = readStructure(spreadsheet, [...whole, ...tops], (tab) =>
      topSet.has(tab) ? '1:1' : '',
    );
    const missing = order.filter((name) => !structure.tabs.has(name));
    const count = structure.tabs.size;
    const made = missing.map((title, k) => ({
      sheetId: structure.nextSheetId + k,
      title,
      index: count + k,
      ...NEW_GRID,
      protections: [],
    }));
    // A tab is made closed to all but admins (addSheet and its protection in one all-or-nothing
    // call), and one a cut-off run left open is closed first too: nothing of it is writable by an
    // officer at any moment of setup.
    const open = order
      .map((name) => structure.tabs.get(name))
      .filter((tab): tab is TabInfo => tab !== undefined && !tab.protections.some((p) => p.sheet));
    applyGroups(spreadsheet, [
      [
        ...made.flatMap(({ sheetId, title, index }) => [
          { addSheet: { properties: { sheetId, title, index, gridProperties: NEW_GRID_PROPERTIES } } },
          sheetProtectionRequest(sheetId, `trang ${title}`, admins),
        ]),
        ...open.map((tab) => sheetProtectionRequest(tab.sheetId, `trang ${tab.title}`, admins)),
      ],
    ]);
    for (const tab of made) {
      structure.tabs.set(tab.title, tab);
      structure.values.set(tab.title, []);
      topSet.delete(tab.title);
    }
    structure.nextSheetId += made.length;
    const shared = new SharedTabs(structure, topSet);
    // Every handle now, before setup adds unit tabs ahead of the record tabs and shifts their places.
    shared.sheets = spreadsheet.getSheets();
    return shared;
  }

  /** Every tab as read (the shared tabs made since included), with the values of those asked for. */
  get workbook(): WorkbookStructure {
    return this.structure;
  }

  /** Whether a tab of that name existed when setup began (or was made by `open`). */
  has(name: string): boolean {
    return this.structure.tabs.has(name);
  }

  /**
   * The tab, when it existed or was made by `open`: every handle comes from one getSheets, in the
   * order of the read (a handle stays the tab's when tabs are added later).
   */
  sheet(name: string): Sheet | null {
    const tab = this.structure.tabs.get(name);
    return tab ? (this.sheets[tab.index] ?? null) : null;
  }

  /** The tab's grid and the extent of its values, when the tab exists and its values were read whole. */
  known(name: string): TabExtent | null {
    const tab = this.structure.tabs.get(name);
    const values = this.structure.values.get(name);
    if (!tab || !values || this.tops.has(name)) return null;
    return {
      rows: tab.rows,
      columns: tab.columns,
      lastRow: values.length,
      lastColumn: values[0]?.length ?? 0,
      defer: (rows) => {
        // A date goes through SpreadsheetApp, which stores it in the spreadsheet's time zone.
        if (rows.some((row) => row.some((v) => Object.prototype.toString.call(v) === '[object Date]')))
          return false;
        this.deferred.push({ tab: name, rows });
        return true;
      },
    };
  }

  /**
   * The content written into the known tabs since the last call, all in one call (read as typed,
   * as SpreadsheetApp would): setup calls it before anything reads those tabs back.
   */
  writeDeferred(spreadsheet: Spreadsheet): void {
    writeBlocks(spreadsheet, this.deferred);
    this.deferred = [];
  }

  /** A whole-read tab's records (readRecords), or null when it was not read (absent or not asked). */
  records(name: string): unknown[][] | null {
    const values = this.structure.values.get(name);
    return values && !this.tops.has(name) ? recordsOf(values) : null;
  }

  /** Whether the tab holds a value (null: not known; a tab read by its first row only, if that is empty). */
  holdsAnything(name: string): boolean | null {
    const values = this.structure.values.get(name);
    if (!values) return null;
    return values.some((row) => row.some((v) => v !== '')) || (this.tops.has(name) ? null : false);
  }

  /**
   * Writes `rows` into the tab when it is known to be empty: true when written, false when it holds
   * something, null when that is not known (the caller asks SpreadsheetApp).
   */
  startEmpty(name: string, rows: unknown[][]): boolean | null {
    const held = this.holdsAnything(name);
    if (held !== false) return held === null ? null : false;
    replaceContent(this.sheet(name)!, rows, this.known(name));
    return true;
  }

  /** Whether the tab holds a value below its first row (null: not known). */
  holdsRows(name: string): boolean | null {
    const values = this.structure.values.get(name);
    if (!values || this.tops.has(name)) return null;
    return values.slice(1).some((row) => row.some((v) => v !== ''));
  }
}

/**
 * A record tab that only grows (Lưu trữ, Nhật ký) made with its header when it is missing or empty;
 * over setup's read, its header written without asking its size and its look given with the others.
 */
export function ensureHeader(
  spreadsheet: Spreadsheet,
  name: string,
  header: readonly string[],
  shared?: SharedTabs,
): void {
  const started = shared?.startEmpty(name, [[...header]]) ?? null;
  if (started === false) return;
  if (started === null) {
    const sheet = ensureSheet(spreadsheet, name);
    if (sheet.getLastRow() > 0) return;
    appendRows(sheet, [[...header]], 0);
    giveLook(sheet, name, { header: header.length }, shared);
    return;
  }
  giveLook(null, name, { header: header.length }, shared);
}

/** Records the look when setup collects them, else applies it now. */
export function giveLook(sheet: Sheet | null, tab: string, look: TabLook, shared?: SharedTabs): void {
  if (shared) shared.looks.set(tab, { ...shared.looks.get(tab), ...look });
  else applyLook(sheet!, look);
}

function rangeOf(sheet: Sheet, b: CellBlock): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(b.row, b.column, b.rows ?? sheet.getMaxRows() - b.row + 1, b.columns ?? 1);
}

/** The look through SpreadsheetApp (a call or two per part). */
export function applyLook(sheet: Sheet, look: TabLook): void {
  if (look.header) {
    const header = sheet.getRange(1, 1, 1, look.header);
    header.setFontWeight('bold');
    header.setBackground(HEADER_BACKGROUND);
    sheet.setFrozenRows(1);
  }
  if (look.frozenColumns) sheet.setFrozenColumns(look.frozenColumns);
  for (const { column, pixels } of look.columnWidths ?? []) sheet.setColumnWidth(column, pixels);
  if (look.boldDown) {
    const { block, bold } = look.boldDown;
    sheet
      .getRange(block.row, block.column, bold.length, 1)
      .setFontWeights(bold.map((b) => [b ? 'bold' : 'normal']));
  }
  for (const { block, pattern } of look.numberFormats ?? []) rangeOf(sheet, block).setNumberFormat(pattern);
  if (look.checkboxes)
    rangeOf(sheet, look.checkboxes).setDataValidation(
      SpreadsheetApp.newDataValidation().requireCheckbox().build(),
    );
  if (look.list) {
    rangeOf(sheet, look.list.block).setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList(look.list.values, true)
        .setHelpText(look.list.help)
        .build(),
    );
  }
}

function gridRange(sheetId: number, b: CellBlock): GridRange {
  return {
    sheetId,
    startRowIndex: b.row - 1,
    ...(b.rows !== undefined ? { endRowIndex: b.row - 1 + b.rows } : {}),
    startColumnIndex: b.column - 1,
    endColumnIndex: b.column - 1 + (b.columns ?? 1),
  };
}

/**
 * The same look as Sheets API requests. A rule built by SpreadsheetApp's builder lets invalid input
 * in unless told otherwise, which is the API's default (`strict` false).
 */
export function lookRequests(sheetId: number, look: TabLook): Request[] {
  const requests: Request[] = [];
  const frozen: Record<string, number> = {};
  if (look.header) {
    requests.push({
      repeatCell: {
        range: gridRange(sheetId, { row: 1, column: 1, rows: 1, columns: look.header }),
        cell: {
          userEnteredFormat: { textFormat: { bold: true }, backgroundColor: apiColor(HEADER_BACKGROUND) },
        },
        fields: 'userEnteredFormat(textFormat.bold,backgroundColor)',
      },
    });
    frozen.frozenRowCount = 1;
  }
  if (look.frozenColumns) frozen.frozenColumnCount = look.frozenColumns;
  const keys = Object.keys(frozen);
  if (keys.length > 0) {
    requests.push({
      updateSheetProperties: {
        properties: { sheetId, gridProperties: frozen },
        fields: keys.map((k) => `gridProperties.${k}`).join(','),
      },
    });
  }
  for (const { column, pixels } of look.columnWidths ?? []) {
    requests.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: column - 1, endIndex: column },
        properties: { pixelSize: pixels },
        fields: 'pixelSize',
      },
    });
  }
  if (look.boldDown) {
    const { block, bold } = look.boldDown;
    requests.push({
      updateCells: {
        range: gridRange(sheetId, { ...block, rows: bold.length, columns: 1 }),
        rows: bold.map((b) => ({ values: [{ userEnteredFormat: { textFormat: { bold: b } } }] })),
        fields: 'userEnteredFormat.textFormat.bold',
      },
    });
  }
  for (const { block, pattern } of look.numberFormats ?? []) {
    requests.push({
      repeatCell: {
        range: gridRange(sheetId, block),
        cell: {
          userEnteredFormat: {
            numberFormat: pattern === '@' ? { type: 'TEXT' } : { type: 'DATE_TIME', pattern },
          },
        },
        fields: 'userEnteredFormat.numberFormat',
      },
    });
  }
  if (look.checkboxes) {
    requests.push({
      setDataValidation: {
        range: gridRange(sheetId, look.checkboxes),
        rule: { condition: { type: 'BOOLEAN' } },
      },
    });
  }
  if (look.list) {
    requests.push({
      setDataValidation: {
        range: gridRange(sheetId, look.list.block),
        rule: {
          condition: { type: 'ONE_OF_LIST', values: look.list.values.map((v) => ({ userEnteredValue: v })) },
          inputMessage: look.list.help,
          showCustomUi: true,
        },
      },
    });
  }
  return requests;
}
