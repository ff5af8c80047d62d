/**
 * The Advanced Sheets service (`Sheets`, Sheets API v4), a global only when the manifest enables it
 * (`dependencies.enabledAdvancedServices`, serviceId "sheets", under its userSymbol), as in Apps Script:
 * https://developers.google.com/apps-script/guides/services/advanced. `Sheets.Spreadsheets.batchUpdate`
 * and `get` are emulated (spreadsheets.ts); `Values` and the rest are `Not emulated`.
 */
import type { EmulatorContext } from '../../core/context';
import { Emulated } from '../../core/context';
import { SpreadsheetsCollection } from './spreadsheets';

export class SheetsService extends Emulated {
  readonly Spreadsheets: SpreadsheetsCollection;

  constructor(ctx: EmulatorContext) {
    super(ctx, 'Sheets');
    this.Spreadsheets = new SpreadsheetsCollection(ctx);
  }
}

/** The user symbol the manifest gives the Sheets service, or null when it is not enabled. */
function enabledSymbol(manifest: Record<string, unknown>): string | null {
  const dependencies = manifest.dependencies as { enabledAdvancedServices?: unknown } | undefined;
  const services = Array.isArray(dependencies?.enabledAdvancedServices)
    ? (dependencies.enabledAdvancedServices as Array<{ serviceId?: unknown; userSymbol?: unknown }>)
    : [];
  const sheets = services.find((s) => s.serviceId === 'sheets');
  return sheets && typeof sheets.userSymbol === 'string' ? sheets.userSymbol : null;
}

export function installAdvancedSheets(ctx: EmulatorContext): {
  globals: Record<string, unknown>;
  driver: Record<string, never>;
} {
  const symbol = enabledSymbol(ctx.project.manifest);
  return { globals: symbol ? { [symbol]: new SheetsService(ctx) } : {}, driver: {} };
}
