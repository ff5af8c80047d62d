import type { EmulatorContext } from '../../core/context';

/**
 * SpreadsheetApp buffers writes and the Advanced service does not see them until they are flushed
 * (public answers advise SpreadsheetApp.flush() before an Advanced Sheets call; unverified): the
 * emulator refuses the call rather than guess which state Google would act on.
 */
export function assertFlushed(ctx: EmulatorContext, call: string, spreadsheetId: string): void {
  const execution = ctx.runtime.current()?.id ?? 0;
  if (ctx.log.pendingCells(execution, spreadsheetId) > 0) {
    throw new Error(
      `Emulator: Sheets.${call} while SpreadsheetApp writes to this spreadsheet are not flushed; call SpreadsheetApp.flush() first`,
    );
  }
}
