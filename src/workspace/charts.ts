/**
 * The charts of Tổng hợp: a block of cells below the roll-up table, written in one write, and one
 * embedded chart per purpose drawn from it, updated in place on every run. And the same charts as
 * pictures in a report, where its template holds {{BIEU_DO}}.
 */
import type { ChartBlock, ChartPurpose, ChartSpec } from '../domain/charts';
import { BLOCK_MARKER, BLOCK_WIDTH, chartPurpose } from '../domain/charts';
import { PAGE } from '../domain/report/template';
import { containerOf, literalPattern, paragraphOf } from './reportDocument';
import { ensureGrid, ensureSheet, TAB } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/** The tag a template holds where the charts go; it stands alone on its line. */
export const CHART_TAG = 'BIEU_DO';

/** Sheets' default column width, in pixels: the second chart stands to the right of the first. */
const COLUMN_PX = 100;

export interface PlacedChart {
  spec: ChartSpec;
  chart: EmbeddedChart;
}

/** The block's first row: where a previous run wrote it, else two rows below what the tab holds. */
function blockStart(sheet: Sheet): number {
  const last = sheet.getLastRow();
  if (last === 0) return 1;
  const column = sheet.getRange(1, 1, last, 1).getValues();
  const at = column.findIndex((row) => String(row[0]).startsWith(BLOCK_MARKER));
  return at >= 0 ? at + 1 : last + 2;
}

/** Writes the block (clearing what an older, longer one left below it) in one write per attribute. */
function writeBlock(sheet: Sheet, start: number, block: ChartBlock): void {
  const height = Math.max(block.rows.length, sheet.getLastRow() - start + 1);
  const blank = (value: string) => Array<string>(BLOCK_WIDTH).fill(value);
  const rows = [...block.rows, ...Array.from({ length: height - block.rows.length }, () => blank(''))];
  const formats = [...block.formats, ...Array.from({ length: height - block.rows.length }, () => blank('@'))];
  const weights = rows.map((_, i) =>
    Array<GoogleAppsScript.Spreadsheet.FontWeight>(BLOCK_WIDTH).fill(
      block.headings.includes(i) ? 'bold' : 'normal',
    ),
  );
  ensureGrid(sheet, start + height - 1, BLOCK_WIDTH);
  const range = sheet.getRange(start, 1, height, BLOCK_WIDTH);
  range.setValues(rows);
  range.setNumberFormats(formats);
  range.setFontWeights(weights);
}

/** The chart's ranges, type, place and options; `start` is the block's first row. */
function configure(
  builder: Builder,
  sheet: Sheet,
  start: number,
  spec: ChartSpec,
  anchor: { row: number; column: number },
): EmbeddedChart {
  builder
    .clearRanges()
    .addRange(sheet.getRange(start + spec.firstRow, 1, spec.numRows, spec.numColumns))
    .setNumHeaders(1)
    .setPosition(anchor.row, anchor.column, 0, 0)
    .setOption('title', spec.title)
    .setOption('width', spec.width)
    .setOption('height', spec.height);
  const label = spec.dataLabels ? 'value' : 'none';
  if (spec.type === 'COMBO') {
    // Members as columns from zero, the rate as a line on a 0–100% axis of its own.
    builder
      .setChartType(Charts.ChartType.COMBO)
      .setOption('legend', { position: 'bottom' })
      .setOption('seriesType', 'bars')
      .setOption('series', {
        0: { targetAxisIndex: 0, dataLabel: label },
        1: { targetAxisIndex: 1, type: 'line', dataLabel: label },
      })
      .setOption('vAxes', {
        0: { title: 'Hội viên', viewWindow: { min: 0, max: spec.valueMax } },
        1: { title: 'Tỷ lệ tập hợp', viewWindow: { min: 0, max: 1 } },
      });
  } else {
    builder
      .setChartType(Charts.ChartType.BAR)
      .setOption('legend', { position: 'none' })
      .setOption('hAxis', { title: 'Tỷ lệ đạt so với chỉ tiêu' })
      .setOption('series', { 0: { dataLabel: label } });
  }
  return builder.build();
}

/**
 * The block and its charts on Tổng hợp: each purpose's chart updated in place (an extra copy, made by
 * hand, is removed), a new one inserted, one with nothing to show removed. Returns the charts in the
 * block's order, as they now are.
 */
export function writeCharts(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  block: ChartBlock,
): PlacedChart[] {
  const sheet = ensureSheet(spreadsheet, TAB.summary);
  const start = blockStart(sheet);
  writeBlock(sheet, start, block);
  const anchorRow = start + block.rows.length + 1;
  const existing = new Map<ChartPurpose, EmbeddedChart[]>();
  for (const chart of sheet.getCharts()) {
    const purpose = chartPurpose(chart.getOptions().get('title'));
    if (purpose) existing.set(purpose, [...(existing.get(purpose) ?? []), chart]);
  }
  block.charts.forEach((spec, i) => {
    const [current, ...extra] = existing.get(spec.purpose) ?? [];
    extra.forEach((chart) => sheet.removeChart(chart));
    const anchor = { row: anchorRow, column: 1 + i * Math.ceil((block.charts[0]!.width + 40) / COLUMN_PX) };
    const built = configure(current ? current.modify() : sheet.newChart(), sheet, start, spec, anchor);
    if (current) sheet.updateChart(built);
    else sheet.insertChart(built);
    existing.delete(spec.purpose);
  });
  for (const charts of existing.values()) charts.forEach((chart) => sheet.removeChart(chart));
  const now = sheet.getCharts();
  return block.charts.map((spec) => ({
    spec,
    chart: now.find((c) => chartPurpose(c.getOptions().get('title')) === spec.purpose)!,
  }));
}

export interface ChartImage {
  blob: GoogleAppsScript.Base.Blob;
  caption: string;
  /** Pixels. */
  width: number;
  height: number;
}

/** The text width of the default page, in pixels (Docs sizes images at 96 pixels to the inch). */
const TEXT_WIDTH_PX = Math.floor(((PAGE.widthPt - PAGE.marginLeftPt - PAGE.marginRightPt) * 4) / 3);

/**
 * The charts at the template's {{BIEU_DO}} line: each picture centred in a paragraph of its own,
 * its caption under it; the tag's line goes. A template without the tag is left as it is.
 */
export function insertChartImages(documentId: string, images: readonly ChartImage[]): void {
  const doc = DocumentApp.openById(documentId);
  const found = doc.getBody().findText(literalPattern(`{{${CHART_TAG}}}`));
  if (found) {
    const placeholder = paragraphOf(found.getElement());
    const container = containerOf(placeholder);
    let index = container.getChildIndex(placeholder);
    const A = DocumentApp.Attribute;
    for (const image of images) {
      const width = Math.min(image.width, TEXT_WIDTH_PX);
      const picture = container.insertImage(index++, image.blob);
      picture.setWidth(width).setHeight(Math.round((image.height * width) / image.width));
      picture.getParent().asParagraph().setAlignment(DocumentApp.HorizontalAlignment.CENTER);
      container.insertParagraph(index++, image.caption).setAttributes({
        [A.FONT_FAMILY]: PAGE.font,
        [A.FONT_SIZE]: 13,
        [A.ITALIC]: true,
        [A.BOLD]: false,
        [A.HORIZONTAL_ALIGNMENT]: DocumentApp.HorizontalAlignment.CENTER,
        [A.SPACING_AFTER]: 12,
      });
    }
    placeholder.removeFromParent();
  }
  doc.saveAndClose();
}
