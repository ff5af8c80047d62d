import type { EmulatorContext } from '../../core/context';
import { Emulated } from '../../core/context';
import { SpreadsheetImpl } from './book';
import type { EmbeddedChartBuilderImpl, EmbeddedChartImpl } from './charts';
import { getCharts, insertChart, newChartBuilder, removeChart, updateChart } from './charts';
import type { ConditionalFormatRuleImpl } from './conditional';
import { rulesOf, storeRules } from './conditional';
import { assertGridGrowth, assertGridResize } from './limits';
import { lastColumn, lastRow, rectOf, sheetData, shiftReferences, spreadsheetData } from './model';
import { assertScriptCanEdit, createProtection, ProtectionImpl } from './protection';
import type { RangeImpl } from './range';
import { clearKeys, FORMAT_KEYS, makeRange, normalizeColor, rangeFromA1 } from './range';
import { checkSignature } from './signature';
import type { Rect, SheetData, SpreadsheetData } from './types';

/** Column width of a new sheet, in pixels. */
const DEFAULT_COLUMN_WIDTH = 100;

export function duplicateNameError(ctx: EmulatorContext, name: string): Error {
  return ctx.fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
}

/** Sheet names are unique regardless of case. */
export function nameTaken(ss: SpreadsheetData, name: string, except?: SheetData): boolean {
  return ss.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase());
}

export class SheetImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    readonly _ssId: string,
    readonly _sheetId: number,
  ) {
    super(ctx, 'Sheet');
  }

  _ss(): SpreadsheetData {
    return spreadsheetData(this._ctx, this._ssId);
  }
  _sheet(): SheetData {
    return sheetData(this._ctx, this._ss(), this._sheetId);
  }
  _rows(row: number, numRows: number): Rect {
    return { sheetId: this._sheetId, row, col: 1, numRows, numCols: this._sheet().maxCols };
  }
  _columns(col: number, numCols: number): Rect {
    return { sheetId: this._sheetId, row: 1, col, numRows: this._sheet().maxRows, numCols };
  }
  _whole(): RangeImpl {
    const sheet = this._sheet();
    return makeRange(this._ctx, this._ssId, sheet, 1, 1, sheet.maxRows, sheet.maxCols);
  }
  _checkRows(row: number, count: number, max: number): void {
    if (row < 1 || count < 1 || row + count - 1 > max) throw this._ctx.fail('Those rows are out of bounds.');
  }
  _checkColumns(col: number, count: number, max: number): void {
    if (col < 1 || count < 1 || col + count - 1 > max)
      throw this._ctx.fail('Those columns are out of bounds.');
  }
  /** Inserts empty rows before row `at`; what refers to the rows below moves down. */
  _insertRows(at: number, count: number): void {
    const sheet = this._sheet();
    assertGridGrowth(this._ctx, this._ss(), count * sheet.maxCols);
    assertScriptCanEdit(this._ctx, this._ss(), this._rows(Math.max(at - 1, 1), 1));
    if (at - 1 < sheet.rows.length) sheet.rows.splice(at - 1, 0, ...new Array<null>(count).fill(null));
    sheet.maxRows += count;
    shiftReferences(this._ss(), sheet.id, 'row', at, count);
  }

  getName(): string {
    return this._sheet().name;
  }
  setName(name: string): this {
    const ss = this._ss();
    const sheet = this._sheet();
    const newName = String(name);
    if (nameTaken(ss, newName, sheet)) throw duplicateNameError(this._ctx, newName);
    sheet.name = newName;
    return this;
  }
  getSheetId(): number {
    return this._sheetId;
  }
  getIndex(): number {
    return this._ss().sheets.indexOf(this._sheet()) + 1;
  }
  getParent(): SpreadsheetImpl {
    return new SpreadsheetImpl(this._ctx, this._ssId);
  }
  activate(): this {
    this._ss().activeSheetId = this._sheet().id;
    return this;
  }

  getRange(...args: unknown[]): RangeImpl {
    const shapes = [
      ['string'],
      ['number', 'number'],
      ['number', 'number', 'number'],
      ['number', 'number', 'number', 'number'],
    ];
    checkSignature(this._ctx, 'Sheet.getRange', args, shapes);
    const sheet = this._sheet();
    if (typeof args[0] === 'string') {
      return rangeFromA1(this._ctx, this._ssId, args[0], (name) =>
        name === null || name === sheet.name ? sheet : undefined,
      );
    }
    const [row, col, numRows = 1, numCols = 1] = args as number[];
    return makeRange(this._ctx, this._ssId, sheet, row!, col!, numRows, numCols);
  }
  getDataRange(): RangeImpl {
    const sheet = this._sheet();
    return makeRange(
      this._ctx,
      this._ssId,
      sheet,
      1,
      1,
      Math.max(lastRow(sheet), 1),
      Math.max(lastColumn(sheet), 1),
    );
  }
  getLastRow(): number {
    return lastRow(this._sheet());
  }
  getLastColumn(): number {
    return lastColumn(this._sheet());
  }
  getMaxRows(): number {
    return this._sheet().maxRows;
  }
  getMaxColumns(): number {
    return this._sheet().maxCols;
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this._checkRows(rowIndex, numRows, this._sheet().maxRows + numRows - 1);
    this._insertRows(rowIndex, numRows);
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this._checkRows(afterPosition, howMany, this._sheet().maxRows + howMany - 1);
    this._insertRows(afterPosition + 1, howMany);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    const sheet = this._sheet();
    this._checkColumns(afterPosition, howMany, sheet.maxCols + howMany - 1);
    assertGridGrowth(this._ctx, this._ss(), howMany * sheet.maxRows);
    assertScriptCanEdit(this._ctx, this._ss(), this._columns(afterPosition, 1));
    const at = afterPosition + 1;
    for (const cells of sheet.rows) {
      if (cells && at - 1 < cells.length) cells.splice(at - 1, 0, ...new Array<null>(howMany).fill(null));
    }
    sheet.widths = Object.fromEntries(
      Object.entries(sheet.widths).map(([col, width]) => [
        String(Number(col) >= at ? Number(col) + howMany : col),
        width,
      ]),
    );
    sheet.maxCols += howMany;
    shiftReferences(this._ss(), sheet.id, 'col', at, howMany);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    const sheet = this._sheet();
    this._checkRows(rowPosition, howMany, sheet.maxRows);
    if (sheet.maxRows - howMany <= sheet.frozenRows) {
      throw this._ctx.fail('Sorry, it is not possible to delete all non-frozen rows.');
    }
    assertScriptCanEdit(this._ctx, this._ss(), this._rows(rowPosition, howMany));
    sheet.rows.splice(rowPosition - 1, howMany);
    sheet.maxRows -= howMany;
    shiftReferences(this._ss(), sheet.id, 'row', rowPosition, -howMany);
  }
  appendRow(rowContents: unknown[]): this {
    checkSignature(this._ctx, 'Sheet.appendRow', [rowContents], [['array']]);
    const sheet = this._sheet();
    const row = lastRow(sheet) + 1;
    const values = Array.from(rowContents);
    if (values.length === 0) return this;
    // The grid grows to take the row, as on Google.
    assertGridResize(
      this._ctx,
      this._ss(),
      sheet,
      Math.max(sheet.maxRows, row),
      Math.max(sheet.maxCols, values.length),
    );
    sheet.maxRows = Math.max(sheet.maxRows, row);
    sheet.maxCols = Math.max(sheet.maxCols, values.length);
    makeRange(this._ctx, this._ssId, sheet, row, 1, 1, values.length)._write((_i, j) => values[j]);
    return this;
  }
  clear(options?: Record<string, unknown>): this {
    this._whole()._clear(clearKeys(options));
    return this;
  }
  clearContents(): this {
    this._whole()._clear(['content']);
    return this;
  }
  clearFormats(): this {
    this._whole()._clear(FORMAT_KEYS);
    return this;
  }

  setFrozenRows(rows: number): void {
    this._sheet().frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._sheet().frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this._sheet().frozenCols = columns;
  }
  getFrozenColumns(): number {
    return this._sheet().frozenCols;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    const sheet = this._sheet();
    this._checkColumns(columnPosition, 1, sheet.maxCols);
    sheet.widths[String(columnPosition)] = width;
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    const sheet = this._sheet();
    this._checkColumns(startColumn, numColumns, sheet.maxCols);
    for (let c = startColumn; c < startColumn + numColumns; c++) sheet.widths[String(c)] = width;
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    const sheet = this._sheet();
    this._checkColumns(columnPosition, 1, sheet.maxCols);
    return sheet.widths[String(columnPosition)] ?? DEFAULT_COLUMN_WIDTH;
  }

  hideSheet(): this {
    const sheet = this._sheet();
    if (!sheet.hidden && this._ss().sheets.filter((s) => !s.hidden).length === 1) {
      // unverified: confirm on a real account
      throw this._ctx.fail("You can't hide all the sheets in a document.");
    }
    sheet.hidden = true;
    return this;
  }
  showSheet(): this {
    this._sheet().hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._sheet().hidden;
  }
  setTabColor(color: string | null): this {
    this._sheet().tabColor = normalizeColor(this._ctx, color);
    return this;
  }

  /** Copies of the sheet's rules, in order. */
  getConditionalFormatRules(): ConditionalFormatRuleImpl[] {
    return rulesOf(this._ctx, this._ssId, this._sheet());
  }
  /** Replaces all the sheet's rules (rules whose ranges are on another sheet are refused). */
  setConditionalFormatRules(rules: ConditionalFormatRuleImpl[]): void {
    storeRules(this._ctx, this._ssId, this._sheetId, rules);
  }
  clearConditionalFormatRules(): void {
    storeRules(this._ctx, this._ssId, this._sheetId, []);
  }

  // Embedded charts (charts.ts).
  newChart(): EmbeddedChartBuilderImpl {
    return newChartBuilder(this._ctx, this._ssId);
  }
  insertChart(chart: EmbeddedChartImpl): void {
    insertChart(this._ctx, this._ssId, this._sheetId, chart);
  }
  updateChart(chart: EmbeddedChartImpl): void {
    updateChart(this._ctx, this._ssId, this._sheetId, chart);
  }
  removeChart(chart: EmbeddedChartImpl): void {
    removeChart(this._ctx, this._ssId, this._sheetId, chart);
  }
  getCharts(): EmbeddedChartImpl[] {
    return getCharts(this._ctx, this._ssId, this._sheetId);
  }

  /** "If the sheet is already protected, this method returns … its existing protection settings." */
  protect(): ProtectionImpl {
    const ss = this._ss();
    const sheet = this._sheet();
    const existing = ss.protections.find((p) => p.type === 'SHEET' && p.rect.sheetId === sheet.id);
    const p = existing ?? createProtection(this._ctx, ss, 'SHEET', rectOf(sheet));
    return new ProtectionImpl(this._ctx, this._ssId, p.id);
  }
  getProtections(type: string): ProtectionImpl[] {
    const sheet = this._sheet();
    return this._ss()
      .protections.filter((p) => p.type === String(type) && p.rect.sheetId === sheet.id)
      .map((p) => new ProtectionImpl(this._ctx, this._ssId, p.id));
  }
}
