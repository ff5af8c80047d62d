import { BlobImpl } from '../../core/blob';
import type { EmulatorContext } from '../../core/context';
import { Emulated } from '../../core/context';
import { renderChartPng } from './chartImage';
import { rectOf, sheetData, spreadsheetData } from './model';
import { assertScriptCanEdit } from './protection';
import { RangeImpl } from './range';
import { checkSignature, signatureError } from './signature';
import type { Rect, SheetData } from './types';

/**
 * Embedded charts: Sheet.newChart() → EmbeddedChartBuilder → build() → Sheet.insertChart /
 * updateChart, and EmbeddedChart.getAs('image/png'), which draws the chart from its ranges
 * (chartImage.ts). Sources:
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart
 * https://developers.google.com/apps-script/reference/charts/chart-type
 */

/** The Charts.ChartType members emulated (the others throw Not emulated). */
export const CHART_TYPES = ['BAR', 'COLUMN', 'COMBO', 'LINE'] as const;
export type ChartTypeName = (typeof CHART_TYPES)[number];

export interface ChartPosition {
  row: number;
  col: number;
  offsetX: number;
  offsetY: number;
}

/** A chart as stored on its sheet (SheetData.charts): plain JSON. */
export interface ChartData {
  /** Unique across the spreadsheet (getChartId). */
  id: number;
  type: ChartTypeName;
  /** Source ranges, in the order added; they may be on other sheets of the spreadsheet. */
  ranges: Rect[];
  /** setOption values, nested by their dotted paths ("vAxes.0.title" → {vAxes: {0: {title}}}). */
  options: Record<string, unknown>;
  position: ChartPosition;
  /** setNumHeaders; -1: Sheets guesses whether the first row is a header. */
  numHeaders: number;
}

/** A chart being built: `id` is the chart modify() came from, null for newChart(). */
type Draft = Omit<ChartData, 'id' | 'type'> & { id: number | null; type: ChartTypeName | null };

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Options come from the product's realm: keep them as plain JSON. */
function plain(ctx: EmulatorContext, value: unknown): unknown {
  if (typeof value === 'function' || typeof value === 'symbol')
    throw ctx.fail(`Not emulated: chart option value of type ${typeof value}`);
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

function optionAt(options: Record<string, unknown>, path: string): unknown {
  let node: unknown = options;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[key];
  }
  return node ?? null;
}

function setOptionAt(options: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = options;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node = (node[key] = next !== null && typeof next === 'object' ? next : {}) as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

function sameRect(a: Rect, b: Rect): boolean {
  return (
    a.sheetId === b.sheetId &&
    a.row === b.row &&
    a.col === b.col &&
    a.numRows === b.numRows &&
    a.numCols === b.numCols
  );
}

export function chartsOf(sheet: SheetData): ChartData[] {
  return (sheet.charts ??= []);
}

/** ChartOptions: read-only ("The returned options are immutable"). */
export class ChartOptionsImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    readonly _options: Record<string, unknown>,
  ) {
    super(ctx, 'ChartOptions');
  }
  /** A configured option by its dotted path, or null when not set. // unverified: null for unset */
  get(option: string): unknown {
    checkSignature(this._ctx, 'ChartOptions.get', [option], [['string']]);
    return clone(optionAt(this._options, option));
  }
}

/** Where the chart is anchored (EmbeddedChart.getContainerInfo). */
export class ContainerInfoImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    readonly _position: ChartPosition,
  ) {
    super(ctx, 'ContainerInfo');
  }
  getAnchorRow(): number {
    return this._position.row;
  }
  getAnchorColumn(): number {
    return this._position.col;
  }
  getOffsetX(): number {
    return this._position.offsetX;
  }
  getOffsetY(): number {
    return this._position.offsetY;
  }
}

export class EmbeddedChartBuilderImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    readonly _ssId: string,
    public _draft: Draft,
  ) {
    super(ctx, 'EmbeddedChartBuilder');
  }

  /** "Does not add the range if it has already been added to the chart." */
  addRange(range: unknown): this {
    if (!(range instanceof RangeImpl))
      throw signatureError(this._ctx, 'EmbeddedChartBuilder.addRange', [range]);
    if (range._ssId !== this._ssId)
      throw this._ctx.fail('Not emulated: a chart range from another spreadsheet');
    const rect = range._rect();
    if (!this._draft.ranges.some((r) => sameRect(r, rect))) this._draft.ranges.push(rect);
    return this;
  }
  removeRange(range: unknown): this {
    if (!(range instanceof RangeImpl))
      throw signatureError(this._ctx, 'EmbeddedChartBuilder.removeRange', [range]);
    const rect = range._rect();
    this._draft.ranges = this._draft.ranges.filter((r) => !sameRect(r, rect));
    return this;
  }
  clearRanges(): this {
    this._draft.ranges = [];
    return this;
  }
  getRanges(): RangeImpl[] {
    return rangesOf(this._ctx, this._ssId, this._draft.ranges);
  }
  setChartType(type: unknown): this {
    if (typeof type !== 'string' || !(CHART_TYPES as readonly string[]).includes(type))
      throw signatureError(this._ctx, 'EmbeddedChartBuilder.setChartType', [type]);
    this._draft.type = type as ChartTypeName;
    return this;
  }
  getChartType(): string | null {
    return this._draft.type;
  }
  /** Sets an option, dotted paths included ("animation.duration" in Google's example). */
  setOption(option: string, value: unknown): this {
    if (typeof option !== 'string' || option === '')
      throw signatureError(this._ctx, 'EmbeddedChartBuilder.setOption', [option, value]);
    setOptionAt(this._draft.options, option, plain(this._ctx, value));
    return this;
  }
  setNumHeaders(headers: number): this {
    checkSignature(this._ctx, 'EmbeddedChartBuilder.setNumHeaders', [headers], [['number']]);
    this._draft.numHeaders = Math.trunc(headers);
    return this;
  }
  /** Anchor cell (1-based) and pixel offsets from its top-left corner. */
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    checkSignature(this._ctx, 'EmbeddedChartBuilder.setPosition', args, [
      ['number', 'number', 'number', 'number'],
    ]);
    // unverified: Google's answer to an anchor outside the grid; the stricter reading refuses it.
    if (anchorRowPos < 1 || anchorColPos < 1)
      throw this._ctx.fail('Not emulated: a chart anchored before A1');
    this._draft.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this;
  }
  /** "This method does not automatically draw the chart on top of the spreadsheet." */
  build(): EmbeddedChartImpl {
    // unverified: what Google says for a chart without a type; Sheets' chart JSON requires one.
    if (!this._draft.type)
      throw this._ctx.fail('Not emulated: EmbeddedChartBuilder.build without a chart type');
    return new EmbeddedChartImpl(this._ctx, this._ssId, { ...clone(this._draft), type: this._draft.type });
  }
}

/** An EmbeddedChart: a copy of the chart as it was when read (getCharts) or built. */
export class EmbeddedChartImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    readonly _ssId: string,
    readonly _data: Omit<ChartData, 'id'> & { id: number | null },
  ) {
    super(ctx, 'EmbeddedChart');
  }

  /** "A stable identifier … or null if the chart is not in a spreadsheet" (a built, uninserted one). */
  getChartId(): number | null {
    return this._data.id;
  }
  getRanges(): RangeImpl[] {
    return rangesOf(this._ctx, this._ssId, this._data.ranges);
  }
  getOptions(): ChartOptionsImpl {
    return new ChartOptionsImpl(this._ctx, clone(this._data.options));
  }
  getNumHeaders(): number {
    return this._data.numHeaders;
  }
  getContainerInfo(): ContainerInfoImpl {
    return new ContainerInfoImpl(this._ctx, { ...this._data.position });
  }
  /** "Changes made to the chart are not saved until Sheet.updateChart(chart) is called." */
  modify(): EmbeddedChartBuilderImpl {
    return new EmbeddedChartBuilderImpl(this._ctx, this._ssId, clone(this._data));
  }
  /** The chart drawn from the current values of its ranges. Only PNG is emulated. */
  getAs(contentType: string): BlobImpl {
    checkSignature(this._ctx, 'EmbeddedChart.getAs', [contentType], [['string']]);
    if (contentType !== 'image/png')
      throw this._ctx.fail(`Not emulated: EmbeddedChart.getAs(${contentType})`);
    const png = renderChartPng(this._ctx, spreadsheetData(this._ctx, this._ssId), this._data);
    // unverified: the blob's name; the stricter reading gives none.
    return new BlobImpl(this._ctx, png, 'image/png', null);
  }
  /** A chart's blob is its PNG image. // unverified: confirm on a real account */
  getBlob(): BlobImpl {
    return this.getAs('image/png');
  }
}

function rangesOf(ctx: EmulatorContext, ssId: string, rects: Rect[]): RangeImpl[] {
  const ss = spreadsheetData(ctx, ssId);
  return rects
    .filter((r) => ss.sheets.some((s) => s.id === r.sheetId))
    .map((r) => new RangeImpl(ctx, ssId, r.sheetId, r.row, r.col, r.numRows, r.numCols));
}

/** Google's default chart size in Sheets, in pixels. // unverified: confirm on a real account */
export const DEFAULT_CHART_SIZE = { width: 600, height: 371 } as const;

/** What Sheet.newChart() starts from: no ranges, no type, anchored at A1. */
export function newChartBuilder(ctx: EmulatorContext, ssId: string): EmbeddedChartBuilderImpl {
  return new EmbeddedChartBuilderImpl(ctx, ssId, {
    id: null,
    type: null,
    ranges: [],
    options: {},
    position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
    numHeaders: -1,
  });
}

function chartArg(ctx: EmulatorContext, method: string, chart: unknown): EmbeddedChartImpl {
  if (!(chart instanceof EmbeddedChartImpl)) throw signatureError(ctx, method, [chart]);
  return chart;
}

function sheetOf(ctx: EmulatorContext, ssId: string, sheetId: number): SheetData {
  return sheetData(ctx, spreadsheetData(ctx, ssId), sheetId);
}

/**
 * A sheet whose charts the acting user may change: the whole sheet must be editable to them.
 * // unverified: the stricter reading (Google's rule for charts on a partly protected sheet is undocumented)
 */
function editableSheet(ctx: EmulatorContext, ssId: string, sheetId: number): SheetData {
  const ss = spreadsheetData(ctx, ssId);
  const sheet = sheetData(ctx, ss, sheetId);
  assertScriptCanEdit(ctx, ss, rectOf(sheet));
  return sheet;
}

/** Sheet.insertChart: the chart gets an id unique across the workspace (hence the spreadsheet). */
export function insertChart(ctx: EmulatorContext, ssId: string, sheetId: number, value: unknown): void {
  const chart = chartArg(ctx, 'Sheet.insertChart', value);
  // unverified: what Google does with a chart that came from modify() of a chart still on a sheet.
  if (chart._data.id !== null) throw ctx.fail('Not emulated: Sheet.insertChart of a chart already inserted');
  chartsOf(editableSheet(ctx, ssId, sheetId)).push({ ...clone(chart._data), id: ctx.state.nextId++ });
}

/** Sheet.updateChart: replaces the chart with the same id on this sheet. */
export function updateChart(ctx: EmulatorContext, ssId: string, sheetId: number, value: unknown): void {
  const chart = chartArg(ctx, 'Sheet.updateChart', value);
  const charts = chartsOf(editableSheet(ctx, ssId, sheetId));
  const index = charts.findIndex((c) => c.id === chart._data.id);
  // unverified: confirm the text on a real account (a chart never inserted, removed, or on another sheet).
  if (chart._data.id === null || index < 0) throw ctx.fail('The chart does not exist on this sheet.');
  charts[index] = { ...clone(chart._data), id: chart._data.id };
}

/** Sheet.removeChart: "Removes a chart from the parent sheet." */
export function removeChart(ctx: EmulatorContext, ssId: string, sheetId: number, value: unknown): void {
  const chart = chartArg(ctx, 'Sheet.removeChart', value);
  const charts = chartsOf(editableSheet(ctx, ssId, sheetId));
  const index = charts.findIndex((c) => c.id === chart._data.id);
  // unverified: same text as updateChart.
  if (chart._data.id === null || index < 0) throw ctx.fail('The chart does not exist on this sheet.');
  charts.splice(index, 1);
}

/** Sheet.getCharts: copies, in the order inserted. */
export function getCharts(ctx: EmulatorContext, ssId: string, sheetId: number): EmbeddedChartImpl[] {
  return chartsOf(sheetOf(ctx, ssId, sheetId)).map((c) => new EmbeddedChartImpl(ctx, ssId, clone(c)));
}
