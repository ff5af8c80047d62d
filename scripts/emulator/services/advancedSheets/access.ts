/**
 * What every Advanced Sheets call shares: its errors as Apps Script raises them
 * (`GoogleJsonResponseException: API call to sheets.spreadsheets.… failed with error: …`, seen in
 * real runs), the spreadsheet it names, opened for the effective user, and the write cache.
 */
import type { EmulatorContext } from '../../core/context';
import { advancedServiceError, API_NO_PERMISSION, API_NOT_FOUND } from '../../core/errors';
import { canEdit, effectiveUser, findFile, hasAccess } from '../../core/files';
import type { SpreadsheetData } from '../sheets/types';

/** `call` as the API names it after "sheets.spreadsheets.": "batchUpdate", "values.batchGet". */
export function apiFail(ctx: EmulatorContext, call: string, text: string): Error {
  return advancedServiceError(ctx.fail, 'sheets.spreadsheets', call, text);
}

/** The spreadsheet `spreadsheetId` names, if the effective user may read it (and edit it, when `write`). */
export function openForCall(
  ctx: EmulatorContext,
  call: string,
  spreadsheetId: unknown,
  write: boolean,
): SpreadsheetData {
  const ss =
    typeof spreadsheetId === 'string' ? ctx.state.spreadsheet.spreadsheets[spreadsheetId] : undefined;
  const file = ss ? findFile(ctx, ss.id) : null;
  if (!ss || !file || file.trashed) throw apiFail(ctx, call, API_NOT_FOUND);
  const user = effectiveUser(ctx);
  const allowed = write ? canEdit(ctx, file, user) : hasAccess(ctx, file, user);
  if (!allowed) throw apiFail(ctx, call, API_NO_PERMISSION);
  // Named as the script calls it: Sheets.Spreadsheets.batchUpdate, Sheets.Spreadsheets.Values.get.
  assertFlushed(ctx, call.replace(/^values\./, 'Values.'), ss.id);
  return ss;
}

/**
 * SpreadsheetApp buffers writes and the Advanced service does not see them until they are flushed
 * (public answers advise SpreadsheetApp.flush() before an Advanced Sheets call; unverified): the
 * emulator refuses the call rather than guess which state Google would act on.
 */
function assertFlushed(ctx: EmulatorContext, call: string, spreadsheetId: string): void {
  const execution = ctx.runtime.current()?.id ?? 0;
  if (ctx.log.pendingCells(execution, spreadsheetId) > 0) {
    throw new Error(
      `Emulator: Sheets.Spreadsheets.${call} while SpreadsheetApp writes to this spreadsheet are not flushed; call SpreadsheetApp.flush() first`,
    );
  }
}
