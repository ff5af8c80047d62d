import { conventionsOf } from './locales';
import path from 'node:path';
import type { EChartsOption, SeriesOption } from 'echarts';
import type { EmulatorContext } from '../../core/context';
import type { ErrorFactory } from '../../core/errors';
import type { ChartData, ChartTypeName } from './charts';
import { DEFAULT_CHART_SIZE } from './charts';
import { cellAt } from './model';
import type { Cell, SpreadsheetData } from './types';
import { displayValue } from './values';

/**
 * A chart drawn as Sheets draws it for EmbeddedChart.getAs('image/png'): its data read from its
 * ranges now, laid out with Apache ECharts (server-side SVG) and rasterised with resvg, in Tinos
 * (metric-compatible with Times New Roman, full Vietnamese coverage). The look is close to Google's,
 * not identical; what matters is the data, the type, the titles, the legend and the number formats.
 */

/** The data a chart shows: the first column is the domain, each other column a series. */
export interface ChartTable {
  categories: string[];
  series: Array<{ name: string; values: Array<number | null>; format: string | undefined }>;
}

type Column = Array<Cell | undefined>;

/**
 * The columns of the chart's ranges side by side (ChartMergeStrategy MERGE_COLUMNS, the default),
 * headers per setNumHeaders or, left unset, a first row of text over numbers (Sheets guesses;
 * // unverified: the exact rule of the guess).
 */
export function chartTable(
  ctx: EmulatorContext,
  ss: SpreadsheetData,
  chart: Pick<ChartData, 'ranges' | 'numHeaders'>,
): ChartTable {
  const columns: Column[] = [];
  const locale = conventionsOf(ss.locale);
  for (const rect of chart.ranges) {
    const sheet = ss.sheets.find((s) => s.id === rect.sheetId);
    if (!sheet) continue;
    for (let c = rect.col; c < rect.col + rect.numCols; c++) {
      const column: Column = [];
      for (let r = rect.row; r < rect.row + rect.numRows; r++) column.push(cellAt(sheet, r, c));
      columns.push(column);
    }
  }
  if (columns.length === 0) return { categories: [], series: [] };
  const text = (cell: Cell | undefined) => {
    // Charts over formula cells are not emulated (the product charts values it wrote).
    if (cell?.f !== undefined) throw ctx.fail('Not emulated: chart of a formula cell');
    return displayValue(cell?.v, cell?.numberFormat, ctx.fail, locale);
  };
  const dataColumns = columns.length > 1 ? columns.slice(1) : columns;
  const headers =
    chart.numHeaders >= 0
      ? chart.numHeaders
      : dataColumns.every((col) => typeof col[0]?.v === 'string') &&
          dataColumns.some((col) => col.slice(1).some((cell) => typeof cell?.v === 'number'))
        ? 1
        : 0;
  const rows = Math.max(...columns.map((col) => col.length)) - headers;
  const categories =
    columns.length > 1
      ? Array.from({ length: rows }, (_, i) => text(columns[0]![headers + i]))
      : Array.from({ length: rows }, (_, i) => String(i + 1));
  const series = dataColumns.map((col, j) => {
    const cells = col.slice(headers);
    const firstNumber = cells.find((cell) => typeof cell?.v === 'number');
    return {
      name:
        col
          .slice(0, headers)
          .map(text)
          .filter((t) => t !== '')
          .join(' ') || `Chuỗi ${j + 1}`,
      values: Array.from({ length: rows }, (_, i) => {
        const v = cells[i]?.v;
        return typeof v === 'number' ? v : null;
      }),
      format: firstNumber?.numberFormat,
    };
  });
  return { categories, series };
}

/** Google's default series colours in Sheets charts. */
const PALETTE = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1', '#ff7043', '#9e9d24'];
const FONT = 'Tinos';
const FONT_DIR = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
const FONT_FILES = [
  path.join(FONT_DIR, '400Regular/Tinos_400Regular.ttf'),
  path.join(FONT_DIR, '700Bold/Tinos_700Bold.ttf'),
];

type Options = Record<string, unknown>;

function at(options: Options, ...keys: string[]): unknown {
  let node: unknown = options;
  for (const key of keys) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Options)[key];
  }
  return node ?? undefined;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** Gviz legend: a position string or {position}; 'right' by default, 'none' hides it. */
function legend(options: Options): EChartsOption['legend'] {
  const position = str(at(options, 'legend')) ?? str(at(options, 'legend', 'position')) ?? 'right';
  const base = { textStyle: { fontFamily: FONT, fontSize: 12 } };
  switch (position) {
    case 'none':
      return { show: false };
    case 'top':
      return { ...base, top: 34 };
    case 'bottom':
      return { ...base, bottom: 4 };
    default:
      return { ...base, right: 8, top: 'middle', orient: 'vertical' };
  }
}

/**
 * How a series is drawn: a combo chart's series.N.type, else its seriesType ('line' by default in
 * Gviz); 'bars' and 'line' are emulated.
 */
function seriesKind(type: ChartTypeName, options: Options, j: number, fail: ErrorFactory): 'line' | 'bars' {
  if (type === 'LINE') return 'line';
  if (type !== 'COMBO') return 'bars';
  const kind = str(at(options, 'series', String(j), 'type')) ?? str(at(options, 'seriesType')) ?? 'line';
  if (kind !== 'line' && kind !== 'bars') throw fail(`Not emulated: combo chart series type ${kind}`);
  return kind;
}

/**
 * The echarts option of a chart. Options drawn: title, legend, colors, series.N.color,
 * series.N.targetAxisIndex (a second value axis), series.N.dataLabel 'value', series.N.type and
 * seriesType (combo), vAxes.N.title and vAxes.N.viewWindow.min/max (hAxis.* for a bar chart's value
 * axis, hAxis.title for the others' category axis), width and height. `vAxis.title` is not drawn: a public real-run report found that
 * Sheets ignores it for EmbeddedChartBuilder and draws vAxes.0.title
 * (https://gist.github.com/tanaikech/4125cc280e15c0fc726cb2fe4f35a3f7). Other options are kept and
 * returned by getOptions but not drawn.
 */
export function echartsOption(
  type: ChartTypeName,
  table: ChartTable,
  options: Options,
  format: (value: number, numberFormat: string | undefined) => string,
  fail: ErrorFactory,
): EChartsOption {
  const colors = Array.isArray(at(options, 'colors')) ? (at(options, 'colors') as string[]) : PALETTE;
  const axisOf = (j: number) => (num(at(options, 'series', String(j), 'targetAxisIndex')) === 1 ? 1 : 0);
  const kindOf = (j: number) => seriesKind(type, options, j, fail);
  const axes = table.series.some((_, j) => axisOf(j) === 1) ? [0, 1] : [0];
  const onAxis = (axis: number) => table.series.filter((_, j) => axisOf(j) === axis);
  const valueAxes = axes.map((axis) => {
    // Gviz: vAxes.N for the value axes, hAxis for a bar chart's (horizontal) one.
    const axisOptions = type === 'BAR' ? ['hAxis'] : ['vAxes', String(axis)];
    const window = (end: string) => num(at(options, ...axisOptions, 'viewWindow', end));
    return {
      type: 'value' as const,
      name: str(at(options, ...axisOptions, 'title')),
      nameLocation: 'middle' as const,
      nameGap: type === 'BAR' ? 30 : 52,
      nameTextStyle: { fontFamily: FONT, fontSize: 12 },
      // Lines fit the axis to the data; columns and bars start at zero (Gviz defaults).
      scale: table.series.every((_, j) => axisOf(j) !== axis || kindOf(j) === 'line'),
      min: window('min'),
      max: window('max'),
      axisLabel: { fontFamily: FONT, formatter: (v: number) => format(v, onAxis(axis)[0]?.format) },
      splitLine: { show: axis === 0 },
    };
  });
  const labelled = table.series.some((_, j) => at(options, 'series', String(j), 'dataLabel') === 'value');
  const categoryAxis = {
    type: 'category' as const,
    data: table.categories,
    name: type === 'BAR' ? undefined : str(at(options, 'hAxis', 'title')),
    nameLocation: 'middle' as const,
    nameGap: 40,
    // Gviz bar charts list the first row at the top.
    inverse: type === 'BAR',
    axisLabel: {
      fontFamily: FONT,
      interval: 0,
      hideOverlap: true,
      // Long labels wrap within their slot rather than hide one another.
      width:
        type === 'BAR'
          ? 230
          : Math.floor(
              ((num(options.width) ?? DEFAULT_CHART_SIZE.width) - 140) / Math.max(1, table.categories.length),
            ),
      overflow: 'break' as const,
    },
  };
  const series: SeriesOption[] = table.series.map((s, j) => {
    const color = str(at(options, 'series', String(j), 'color')) ?? colors[j % colors.length];
    const label =
      at(options, 'series', String(j), 'dataLabel') === 'value'
        ? {
            show: true,
            position: type === 'BAR' ? ('right' as const) : ('top' as const),
            fontFamily: FONT,
            formatter: (p: { value: unknown }) =>
              typeof p.value === 'number' ? format(p.value, s.format) : '',
          }
        : undefined;
    const axisIndex = axisOf(j);
    const common = { name: s.name, data: s.values, itemStyle: { color }, label };
    if (kindOf(j) === 'line')
      return {
        ...common,
        type: 'line',
        yAxisIndex: axisIndex,
        lineStyle: { color, width: 2 },
        symbolSize: 7,
        connectNulls: false,
      };
    return type === 'BAR'
      ? { ...common, type: 'bar', xAxisIndex: axisIndex, barMaxWidth: 28 }
      : { ...common, type: 'bar', yAxisIndex: axisIndex, barMaxWidth: 40 };
  });
  const shownLegend = legend(options);
  const title = str(at(options, 'title'));
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT },
    title: title
      ? {
          text: title,
          left: 'center',
          top: 8,
          textStyle: { fontFamily: FONT, fontSize: 15, fontWeight: 'bold' },
        }
      : undefined,
    legend: shownLegend,
    // Axis names stand outside the labels, so the grid leaves room for them.
    grid: {
      left: 16 + (type !== 'BAR' && valueAxes[0]?.name ? 28 : 0),
      right:
        (shownLegend as { orient?: string }).orient === 'vertical'
          ? 150
          : (labelled && type === 'BAR' ? 64 : 24) + (valueAxes[1]?.name ? 28 : 0),
      top: title ? 64 : 24,
      bottom:
        ((shownLegend as { bottom?: number }).bottom !== undefined ? 40 : 16) +
        ((type === 'BAR' ? valueAxes[0]?.name : categoryAxis.name) ? 28 : 0),
      containLabel: true,
    },
    xAxis: type === 'BAR' ? valueAxes : categoryAxis,
    yAxis: type === 'BAR' ? categoryAxis : valueAxes,
    series,
  };
}

interface Echarts {
  init(
    dom: null,
    theme: null,
    opts: { renderer: 'svg'; ssr: true; width: number; height: number },
  ): {
    setOption(option: EChartsOption): void;
    renderToSVGString(): string;
    dispose(): void;
  };
}
interface ResvgModule {
  Resvg: new (svg: string, options: Record<string, unknown>) => { render(): { asPng(): Buffer } };
}

/** The chart as PNG bytes, at its width × height in pixels (600 × 371 unless set). */
export function renderChartPng(
  ctx: EmulatorContext,
  ss: SpreadsheetData,
  chart: Omit<ChartData, 'id'>,
): Buffer {
  const width = num(chart.options.width) ?? DEFAULT_CHART_SIZE.width;
  const height = num(chart.options.height) ?? DEFAULT_CHART_SIZE.height;
  const option = echartsOption(
    chart.type,
    chartTable(ctx, ss, chart),
    chart.options,
    (value, numberFormat) => displayValue(value, numberFormat, ctx.fail, conventionsOf(ss.locale)),
    ctx.fail,
  );
  // Loaded on first use: most runs of the emulator never draw a chart.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const echarts = require('echarts') as Echarts;
  const { Resvg } = require('@resvg/resvg-js') as ResvgModule;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  instance.setOption(option);
  const svg = instance.renderToSVGString();
  instance.dispose();
  const resvg = new Resvg(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT },
    background: '#ffffff',
  });
  return Buffer.from(resvg.render().asPng());
}
