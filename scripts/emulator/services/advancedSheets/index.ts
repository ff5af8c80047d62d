/**
 * The Advanced Sheets service (the Sheets API v4 from Apps Script,
 * https://developers.google.com/apps-script/advanced/sheets). It exists only where the manifest enables
 * it (`dependencies.enabledAdvancedServices`: `{ "userSymbol": "Sheets", "serviceId": "sheets",
 * "version": "v4" }`, https://developers.google.com/apps-script/manifest/dependencies), under its
 * userSymbol; otherwise the product's `Sheets` is a ReferenceError ("Sheets is not defined"), as on
 * Google. `Sheets.Spreadsheets.batchUpdate` and `get` are in spreadsheets.ts, `Sheets.Spreadsheets.Values`
 * in values.ts; anything else is `Not emulated`.
 */
import type { EmulatorContext } from '../../core/context';
import { Emulated } from '../../core/context';
import { SpreadsheetsCollection } from './spreadsheets';

class SheetsServiceImpl extends Emulated {
  readonly Spreadsheets: SpreadsheetsCollection;

  constructor(ctx: EmulatorContext) {
    super(ctx, 'Sheets');
    this.Spreadsheets = new SpreadsheetsCollection(ctx);
  }
}

/** The userSymbol the manifest gives the Sheets API v4, or null when it is not enabled. */
export function sheetsUserSymbol(manifest: Record<string, unknown>): string | null {
  const dependencies = manifest.dependencies as { enabledAdvancedServices?: unknown } | undefined;
  const services = Array.isArray(dependencies?.enabledAdvancedServices)
    ? (dependencies.enabledAdvancedServices as Array<Record<string, unknown>>)
    : [];
  const sheets = services.find((s) => s.serviceId === 'sheets');
  if (!sheets) return null;
  // Only v4 is emulated; the manifest page lists the version per service.
  if (sheets.version !== 'v4' || typeof sheets.userSymbol !== 'string' || sheets.userSymbol === '')
    throw new Error('Emulator: only the Sheets API v4 with a userSymbol is emulated');
  return sheets.userSymbol;
}

export function installAdvancedSheets(ctx: EmulatorContext): {
  globals: Record<string, unknown>;
  driver: Record<string, never>;
} {
  const symbol = sheetsUserSymbol(ctx.project.manifest);
  return { globals: symbol ? { [symbol]: new SheetsServiceImpl(ctx) } : {}, driver: {} };
}
