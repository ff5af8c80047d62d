import type { EmulatorContext } from '../../core/context';
import { Emulated } from '../../core/context';
import type { RangeShape } from './a1';
import { a1Notation, parseA1 } from './a1';
import { cellAt, cellFor, forEachStoredCell, sheetData, spreadsheetData } from './model';
import { assertScriptCanEdit, createProtection, ProtectionImpl } from './protection';
import { SheetImpl } from './sheet';
import { signatureError } from './signature';
import type { Cell, Rect, SheetData, SpreadsheetData } from './types';
import { conventionsOf } from './locales';
import { DataValidationImpl } from './validation';
import { DEFAULT_NUMBER_FORMAT, displayValue } from './values';
import type { Content } from './writes';
import {
  assertScriptWriteValid,
  contentValue,
  inputContext,
  prepareInput,
  readValue,
  storeContent,
} from './writes';

/** Cell attributes set and read cell by cell (formats, notes, rules). */
export type AttributeKey = Exclude<keyof Cell, 'v' | 'f'>;
export const FORMAT_KEYS: AttributeKey[] = [
  'numberFormat',
  'background',
  'fontWeight',
  'fontStyle',
  'fontColor',
  'wrap',
  'horizontalAlignment',
];

const NAMED_COLORS: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
};

/** Colours come back as lower-case #rrggbb, as Google returns them. */
export function normalizeColor(ctx: EmulatorContext, color: unknown): string | null {
  if (color === null || color === undefined || color === '') return null;
  const text = String(color).trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  const named = NAMED_COLORS[text];
  if (!named) throw ctx.fail(`Not emulated: colour ${String(color)}`);
  return named;
}

/** Only bold is stored; 'normal' and null reset the weight. */
function storedWeight(weight: unknown): string | null {
  return weight === 'bold' ? 'bold' : null;
}

/** Checks a block of cells against the sheet, with Google's texts, and returns its view. */
export function makeRange(
  ctx: EmulatorContext,
  ssId: string,
  sheet: SheetData,
  row: number,
  col: number,
  numRows: number,
  numCols: number,
  shape: RangeShape = 'cells',
): RangeImpl {
  if (row < 1) throw ctx.fail('The starting row of the range is too small.');
  if (col < 1) throw ctx.fail('The starting column of the range is too small.');
  if (numRows < 1) throw ctx.fail('The number of rows in the range must be at least 1.');
  if (numCols < 1) throw ctx.fail('The number of columns in the range must be at least 1.');
  // unverified: Google may raise this on read/write instead of at getRange (facts §2.2).
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols) {
    throw ctx.fail('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return new RangeImpl(ctx, ssId, sheet.id, row, col, numRows, numCols, shape);
}

export class RangeImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    readonly _ssId: string,
    readonly _sheetId: number,
    readonly _row: number,
    readonly _col: number,
    readonly _numRows: number,
    readonly _numCols: number,
    readonly _shape: RangeShape = 'cells',
  ) {
    super(ctx, 'Range');
  }

  _ss(): SpreadsheetData {
    return spreadsheetData(this._ctx, this._ssId);
  }
  _sheet(): SheetData {
    return sheetData(this._ctx, this._ss(), this._sheetId);
  }
  _rect(): Rect {
    return {
      sheetId: this._sheetId,
      row: this._row,
      col: this._col,
      numRows: this._numRows,
      numCols: this._numCols,
    };
  }
  /** The sheet, after checking that the acting user may change these cells. */
  _mutable(): SheetData {
    const sheet = this._sheet();
    assertScriptCanEdit(this._ctx, this._ss(), this._rect());
    return sheet;
  }
  /** Reads cell by cell. Hot loops use locals: every `this.x` goes through the guard proxy. */
  _grid<T>(read: (cell: Cell | undefined, row: number, col: number) => T): T[][] {
    const { rows } = this._sheet();
    const [top, left, numRows, numCols] = [this._row, this._col, this._numRows, this._numCols];
    const out: T[][] = [];
    for (let i = 0; i < numRows; i++) {
      const cells = rows[top - 1 + i];
      const line: T[] = [];
      for (let j = 0; j < numCols; j++)
        line.push(read(cells?.[left - 1 + j] ?? undefined, top + i, left + j));
      out.push(line);
    }
    return out;
  }
  _topLeft(): Cell | undefined {
    return cellAt(this._sheet(), this._row, this._col);
  }
  /** Dimension errors of setValues and its siblings (setNotes, setBackgrounds, …). */
  _checkGrid(method: string, grid: unknown): unknown[][] {
    if (!Array.isArray(grid) || !grid.every((line) => Array.isArray(line))) {
      throw signatureError(this._ctx, `Range.${method}`, [grid]);
    }
    if (grid.length !== this._numRows) {
      throw this._ctx.fail(
        `The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${this._numRows}.`,
      );
    }
    for (const line of grid as unknown[][]) {
      if (line.length !== this._numCols) {
        throw this._ctx.fail(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this._numCols}.`,
        );
      }
    }
    return grid as unknown[][];
  }
  /** Writes values (all checked before any is stored, so a failed call changes nothing). */
  _write(valueAt: (i: number, j: number) => unknown): void {
    const sheet = this._mutable();
    const ss = this._ss();
    const [ctx, top, left, numRows, numCols] = [
      this._ctx,
      this._row,
      this._col,
      this._numRows,
      this._numCols,
    ];
    const pending: Content[][] = [];
    const reading = inputContext(ctx, ss);
    for (let i = 0; i < numRows; i++) {
      const line: Content[] = [];
      for (let j = 0; j < numCols; j++) {
        const content = prepareInput(ctx, ss, cellAt(sheet, top + i, left + j), valueAt(i, j), reading);
        assertScriptWriteValid(ctx, ss, sheet, top + i, left + j, content);
        line.push(content);
      }
      pending.push(line);
    }
    pending.forEach((line, i) =>
      line.forEach((content, j) => storeContent(sheet, top + i, left + j, content)),
    );
  }
  _setAttribute(key: AttributeKey, valueAt: (i: number, j: number) => unknown): this {
    const sheet = this._mutable();
    const [top, left, numRows, numCols] = [this._row, this._col, this._numRows, this._numCols];
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numCols; j++) {
        const value = valueAt(i, j);
        if (value === null || value === undefined) {
          const cell = cellAt(sheet, top + i, left + j);
          if (cell) delete cell[key];
        } else (cellFor(sheet, top + i, left + j) as Record<string, unknown>)[key] = value;
      }
    }
    return this;
  }
  _clear(keys: Array<AttributeKey | 'content'>): this {
    const sheet = this._mutable();
    forEachStoredCell(sheet, this._rect(), (cell) => {
      for (const key of keys) {
        if (key === 'content') {
          delete cell.v;
          delete cell.f;
        } else delete cell[key];
      }
    });
    return this;
  }
  /** What a cell shows: its value, or its formula's result, in its number format and the locale. */
  _display(): (cell: Cell | undefined, row: number, col: number) => string {
    const [ctx, ss, sheet] = [this._ctx, this._ss(), this._sheet()];
    const locale = conventionsOf(ss.locale);
    return (cell, row, col) =>
      displayValue(contentValue(ctx, ss, sheet, row, col, cell), cell?.numberFormat, ctx.fail, locale);
  }
  _ruleData(method: string, rule: unknown): unknown {
    if (rule === null) return null;
    if (!(rule instanceof DataValidationImpl)) throw signatureError(this._ctx, `Range.${method}`, [rule]);
    return structuredClone(rule._rule);
  }

  getRow(): number {
    return this._row;
  }
  getColumn(): number {
    return this._col;
  }
  getNumRows(): number {
    return this._numRows;
  }
  getNumColumns(): number {
    return this._numCols;
  }
  getLastRow(): number {
    return this._row + this._numRows - 1;
  }
  getLastColumn(): number {
    return this._col + this._numCols - 1;
  }
  getA1Notation(): string {
    return a1Notation(this._row, this._col, this._numRows, this._numCols, this._shape);
  }
  getSheet(): SheetImpl {
    this._sheet();
    return new SheetImpl(this._ctx, this._ssId, this._sheetId);
  }

  getValue(): unknown {
    return readValue(this._ctx, this._ss(), this._sheet(), this._row, this._col, this._topLeft());
  }
  getValues(): unknown[][] {
    this._ctx.noteCells(this._numRows * this._numCols);
    const [ctx, ss, sheet] = [this._ctx, this._ss(), this._sheet()];
    return this._grid((cell, row, col) => readValue(ctx, ss, sheet, row, col, cell));
  }
  getDisplayValue(): string {
    return this._display()(this._topLeft(), this._row, this._col);
  }
  getDisplayValues(): string[][] {
    this._ctx.noteCells(this._numRows * this._numCols);
    return this._grid(this._display());
  }
  getFormula(): string {
    return this._topLeft()?.f ?? '';
  }
  getFormulas(): string[][] {
    return this._grid((cell) => cell?.f ?? '');
  }
  setValue(value: unknown): this {
    this._write(() => value);
    return this;
  }
  setValues(values: unknown[][]): this {
    const grid = this._checkGrid('setValues', values);
    this._ctx.noteCells(this._numRows * this._numCols);
    this._write((i, j) => grid[i]![j]);
    return this;
  }

  clear(options?: Record<string, unknown>): this {
    return this._clear(clearKeys(options));
  }
  clearContent(): this {
    return this._clear(['content']);
  }
  clearFormat(): this {
    return this._clear(FORMAT_KEYS);
  }
  clearDataValidations(): this {
    return this._clear(['validation']);
  }

  setNumberFormat(format: string): this {
    return this._setAttribute('numberFormat', () => String(format));
  }
  setNumberFormats(formats: string[][]): this {
    const grid = this._checkGrid('setNumberFormats', formats);
    return this._setAttribute('numberFormat', (i, j) => String(grid[i]![j]));
  }
  getNumberFormat(): string {
    return this._topLeft()?.numberFormat ?? DEFAULT_NUMBER_FORMAT;
  }
  getNumberFormats(): string[][] {
    return this._grid((cell) => cell?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
  }
  setNote(note: string | null): this {
    return this._setAttribute('note', () => (note === null || note === '' ? null : String(note)));
  }
  setNotes(notes: Array<Array<string | null>>): this {
    const grid = this._checkGrid('setNotes', notes);
    return this._setAttribute('note', (i, j) => {
      const note = grid[i]![j];
      return note === null || note === '' ? null : String(note);
    });
  }
  getNote(): string {
    return this._topLeft()?.note ?? '';
  }
  getNotes(): string[][] {
    return this._grid((cell) => cell?.note ?? '');
  }
  setBackground(color: string | null): this {
    const normalized = normalizeColor(this._ctx, color);
    return this._setAttribute('background', () => normalized);
  }
  setBackgrounds(colors: Array<Array<string | null>>): this {
    const grid = this._checkGrid('setBackgrounds', colors);
    const ctx = this._ctx;
    return this._setAttribute('background', (i, j) => normalizeColor(ctx, grid[i]![j]));
  }
  getBackground(): string {
    return this._topLeft()?.background ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this._grid((cell) => cell?.background ?? '#ffffff');
  }
  setFontWeight(fontWeight: string | null): this {
    return this._setAttribute('fontWeight', () => storedWeight(fontWeight));
  }
  setFontWeights(fontWeights: Array<Array<string | null>>): this {
    const grid = this._checkGrid('setFontWeights', fontWeights);
    return this._setAttribute('fontWeight', (i, j) => storedWeight(grid[i]![j]));
  }
  getFontWeight(): string {
    return this._topLeft()?.fontWeight ?? 'normal';
  }
  getFontWeights(): string[][] {
    return this._grid((cell) => cell?.fontWeight ?? 'normal');
  }
  setFontStyle(fontStyle: string | null): this {
    return this._setAttribute('fontStyle', () => (fontStyle === 'italic' ? 'italic' : null));
  }
  setFontColor(color: string | null): this {
    const normalized = normalizeColor(this._ctx, color);
    return this._setAttribute('fontColor', () => normalized);
  }
  setWrap(isWrapEnabled: boolean): this {
    return this._setAttribute('wrap', () => (isWrapEnabled ? true : null));
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this._setAttribute('horizontalAlignment', () => alignment);
  }

  setDataValidation(rule: DataValidationImpl | null): this {
    const data = this._ruleData('setDataValidation', rule);
    return this._setAttribute('validation', () => structuredClone(data));
  }
  setDataValidations(rules: Array<Array<DataValidationImpl | null>>): this {
    const grid = this._checkGrid('setDataValidations', rules);
    const data = grid.map((line) => line.map((rule) => this._ruleData('setDataValidations', rule)));
    return this._setAttribute('validation', (i, j) => data[i]![j]);
  }
  getDataValidation(): DataValidationImpl | null {
    const rule = this._topLeft()?.validation;
    return rule ? new DataValidationImpl(this._ctx, structuredClone(rule)) : null;
  }
  getDataValidations(): Array<Array<DataValidationImpl | null>> {
    return this._grid((cell) =>
      cell?.validation ? new DataValidationImpl(this._ctx, structuredClone(cell.validation)) : null,
    );
  }

  protect(): ProtectionImpl {
    this._sheet();
    const p = createProtection(this._ctx, this._ss(), 'RANGE', this._rect());
    return new ProtectionImpl(this._ctx, this._ssId, p.id);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RangeImpl {
    return makeRange(
      this._ctx,
      this._ssId,
      this._sheet(),
      this._row + rowOffset,
      this._col + columnOffset,
      numRows ?? this._numRows,
      numColumns ?? this._numCols,
    );
  }
  activate(): this {
    this._sheet();
    this._ss().activeSheetId = this._sheetId;
    return this;
  }
}

/** What Range.clear(options) / Sheet.clear(options) remove. */
export function clearKeys(options: Record<string, unknown> | undefined): Array<AttributeKey | 'content'> {
  if (options === undefined) return ['content', ...FORMAT_KEYS];
  const keys: Array<AttributeKey | 'content'> = [];
  if (options.contentsOnly) keys.push('content');
  if (options.formatOnly) keys.push(...FORMAT_KEYS);
  if (options.validationsOnly) keys.push('validation');
  if (options.commentsOnly) keys.push('note');
  return keys;
}

const R1C1 = /^(?:.*!)?R(?:\[-?\d+\]|\d+)C(?:\[-?\d+\]|\d+)?(?::.*)?$/i;

/**
 * A range from A1 notation. `sheetFor` resolves the sheet name of the notation (null when there is
 * none); Google answers "Range not found" for anything it cannot resolve.
 */
export function rangeFromA1(
  ctx: EmulatorContext,
  ssId: string,
  text: string,
  sheetFor: (name: string | null) => SheetData | undefined,
): RangeImpl {
  if (R1C1.test(text.trim())) throw ctx.fail('Not emulated: R1C1 notation');
  const ref = parseA1(text);
  const sheet = ref ? sheetFor(ref.sheetName) : undefined;
  if (!ref || !sheet) throw ctx.fail('Range not found');
  const endRow = ref.endRow ?? sheet.maxRows;
  const endCol = ref.endCol ?? sheet.maxCols;
  return makeRange(ctx, ssId, sheet, ref.row, ref.col, endRow - ref.row + 1, endCol - ref.col + 1, ref.shape);
}
