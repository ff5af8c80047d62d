import type { EmulatorContext } from '../core/context';

// Placeholder: replaced by the spreadsheet service implementation.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SpreadsheetState {}

export function createSpreadsheetState(): SpreadsheetState {
  return {};
}

export function installSpreadsheet(ctx: EmulatorContext): { globals: Record<string, unknown>; driver: Record<string, never> } {
  void ctx;
  return { globals: {}, driver: {} };
}
