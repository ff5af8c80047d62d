import type { EmulatorContext } from '../../core/context';
import type { SheetData, SpreadsheetData } from './types';

/**
 * Size limits of a spreadsheet, checked before the change that would pass them (nothing changes).
 * Called with one line from each place that creates grid cells or tabs, and from the conversion of
 * what is written into a cell.
 */

/**
 * "10 million cells" per spreadsheet, across all tabs, counting empty grid cells (Best Practices,
 * https://developers.google.com/apps-script/guides/support/best-practices; doubled from 5 M on
 * 14 March 2022, Tanaike gist cc4380692790150cc090114553e38a0e).
 */
export const MAX_CELLS = 10_000_000;
/** Seen in real runs, from Apps Script and the Sheets API alike (public production logs). */
const CELLS_TEXT =
  'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

/** 50,000 characters per cell; the text is Sheets' own (integrately.com's error list, production logs). */
export const MAX_CELL_CHARS = 50_000;
const CHARS_TEXT = 'Your input contains more than the maximum of 50000 characters in a single cell.';

/**
 * Tabs: "200 sheets per workbook" on Google's old limits page, still cited by Airbyte's docs; unverified
 * as current, so the number is a setting (emu.limits.setMaxSheets) and the text is the emulator's.
 */
const sheetsText = (max: number) =>
  `This action would increase the number of sheets in the workbook above the limit of ${max} sheets.`; // unverified

function gridCells(ss: SpreadsheetData): number {
  return ss.sheets.reduce((sum, s) => sum + s.maxRows * s.maxCols, 0);
}

/** Before the grid grows by `addedCells` (rows or columns inserted, appendRow growing the sheet). */
export function assertGridGrowth(ctx: EmulatorContext, ss: SpreadsheetData, addedCells: number): void {
  if (addedCells > 0 && gridCells(ss) + addedCells > MAX_CELLS) throw ctx.fail(CELLS_TEXT);
}

/** Before a sheet's grid becomes `maxRows` × `maxCols`. */
export function assertGridResize(
  ctx: EmulatorContext,
  ss: SpreadsheetData,
  sheet: SheetData,
  maxRows: number,
  maxCols: number,
): void {
  assertGridGrowth(ctx, ss, maxRows * maxCols - sheet.maxRows * sheet.maxCols);
}

/** Before a new tab (1000 × 26 by default, or a template's size) joins the spreadsheet. */
export function assertCanAddSheet(ctx: EmulatorContext, ss: SpreadsheetData, sheet: SheetData): void {
  const maxSheets = ctx.state.limits?.maxSheets ?? 200;
  if (ss.sheets.length + 1 > maxSheets) throw ctx.fail(sheetsText(maxSheets));
  assertGridGrowth(ctx, ss, sheet.maxRows * sheet.maxCols);
}

/**
 * Before a value or formula is stored. Google reports an over-long write at the call that flushes it
 * (seen in real runs: "Sheets reports a bad write on the NEXT sheet call"); the emulator throws at the
 * write itself and stores nothing.
 */
export function assertCellText(ctx: EmulatorContext, input: unknown): void {
  if (typeof input === 'string' && input.length > MAX_CELL_CHARS) throw ctx.fail(CHARS_TEXT);
}
