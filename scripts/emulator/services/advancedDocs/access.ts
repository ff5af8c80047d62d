/**
 * What every Advanced Docs call shares: its errors as Apps Script raises them
 * (`GoogleJsonResponseException: API call to docs.documents.… failed with error: …`, the shape Apps
 * Script gives every advanced service's errors, as seen for Sheets in real runs; unverified for Docs),
 * the document it names, opened for the effective user, and DocumentApp's unsaved edits.
 */
import type { EmulatorContext } from '../../core/context';
import { advancedServiceError, API_NO_PERMISSION, API_NOT_FOUND } from '../../core/errors';
import { MIME, canEdit, effectiveUser, findFile, hasAccess } from '../../core/files';
import type { DocRecord } from '../docs/store';

/** `call` as the API names it after "docs.documents.": "get", "batchUpdate", "create". */
export function apiFail(ctx: EmulatorContext, call: string, text: string): Error {
  return advancedServiceError(ctx.fail, 'docs.documents', call, text);
}

/** The document `documentId` names, if the effective user may read it (and edit it, when `write`). */
export function openForCall(
  ctx: EmulatorContext,
  call: string,
  documentId: unknown,
  write: boolean,
): { id: string; record: DocRecord } {
  const id = typeof documentId === 'string' ? documentId : '';
  const record = ctx.state.document.docs[id];
  const file = record ? findFile(ctx, id) : null;
  if (!record || !file || file.trashed || file.mimeType !== MIME.document)
    throw apiFail(ctx, call, API_NOT_FOUND);
  const user = effectiveUser(ctx);
  const allowed = write ? canEdit(ctx, file, user) : hasAccess(ctx, file, user);
  if (!allowed) throw apiFail(ctx, call, API_NO_PERMISSION);
  assertSaved(call, id, record);
  return { id, record };
}

/**
 * DocumentApp keeps a Document's edits until saveAndClose (or the end of the execution: "Saves the
 * current Document. Causes pending updates to be flushed and applied", Document.saveAndClose
 * reference; Apps Script keeps a "shadow document" until then, docs/apps-script-facts.md §3.4). The
 * Docs API works on the stored document, so it would not see them, and a later save
 * would write the handle's copy over the API's changes. Which of the two Google keeps is not
 * documented (unverified): the emulator refuses the call rather than guess, the stricter reading.
 */
function assertSaved(call: string, documentId: string, record: DocRecord): void {
  if (record.savedContent !== null) {
    throw new Error(
      `Emulator: Docs.Documents.${call} on ${documentId} while DocumentApp edits to it are not saved; call saveAndClose() first`,
    );
  }
}
