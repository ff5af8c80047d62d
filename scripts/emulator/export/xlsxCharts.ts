import type ExcelJS from 'exceljs';
import type { EmulatorContext } from '../core/context';
import { DEFAULT_CHART_SIZE } from '../services/sheets/charts';
import { renderChartPng } from '../services/sheets/chartImage';
import type { SheetData, SpreadsheetData } from '../services/sheets/types';

/** Sheets' default column width and row height, in pixels. */
const COLUMN_PX = 100;
const ROW_PX = 21;

/**
 * A sheet's embedded charts in the .xlsx as pictures of them (what Download > Microsoft Excel keeps
 * of a chart is not emulated; a picture shows the same figures), anchored at their cells.
 */
export function addChartImages(
  ctx: EmulatorContext,
  ss: SpreadsheetData,
  workbook: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  sheet: SheetData,
): void {
  for (const chart of sheet.charts ?? []) {
    const imageId = workbook.addImage({
      base64: renderChartPng(ctx, ss, chart).toString('base64'),
      extension: 'png',
    });
    const width = typeof chart.options.width === 'number' ? chart.options.width : DEFAULT_CHART_SIZE.width;
    const height =
      typeof chart.options.height === 'number' ? chart.options.height : DEFAULT_CHART_SIZE.height;
    const columnPx = sheet.widths[String(chart.position.col)] ?? COLUMN_PX;
    ws.addImage(imageId, {
      tl: {
        col: chart.position.col - 1 + chart.position.offsetX / columnPx,
        row: chart.position.row - 1 + chart.position.offsetY / ROW_PX,
      },
      ext: { width, height },
    });
  }
}
