/**
 * Copying the spreadsheet a script is bound to. Google copies a container-bound script with its
 * file: the copy gets its own bound project with the same code
 * (https://developers.google.com/apps-script/guides/bound: a bound script "cannot be detached from
 * the file"; a copy carries the script, and installable triggers are not copied: seen in real runs,
 * docs/apps-script-facts.md §6.1; triggers belong to the account that made them in that project,
 * https://developers.google.com/apps-script/guides/triggers/installable).
 * Whether script, document and user properties are copied is not documented; the emulator takes the
 * stricter reading for a product that must keep nothing of the original's owner: they are copied
 * (unverified: confirm on a real account). Consent is given per project, so nobody has granted the
 * copy's project anything yet (the emulator's default: everyone grants all when first asked).
 *
 * The emulator runs one script project: after switching to the copy's, the original's project
 * (its triggers, its properties) no longer runs here.
 */
import type { EmulatorContext } from '../core/context';
import { findFile } from '../core/files';
import type { PropertiesState } from './properties';
import type { SpreadsheetState } from './sheets/types';

/** Called by File.makeCopy of a spreadsheet: a copy of the bound one carries a copy of its script. */
export function recordBoundCopy(ctx: EmulatorContext, fromId: string, toId: string): void {
  const state: SpreadsheetState = ctx.state.spreadsheet;
  if (fromId !== state.activeSpreadsheetId) return;
  state.boundCopies ??= {};
  state.boundCopies[toId] = { from: fromId, properties: structuredClone(ctx.state.properties) };
}

function replaceContents(target: PropertiesState, source: PropertiesState): void {
  for (const kind of ['script', 'user', 'document'] as const) {
    const store = target[kind] as Record<string, unknown>;
    for (const key of Object.keys(store)) delete store[key];
    Object.assign(store, structuredClone(source[kind]));
  }
}

/** From now on the emulator runs the script bound to `copyId`, as the copy made it. */
export function runBoundCopy(ctx: EmulatorContext, copyId: string): void {
  const state: SpreadsheetState = ctx.state.spreadsheet;
  const copy = state.boundCopies?.[copyId];
  if (!copy) throw new Error(`${copyId} is not a copy of the spreadsheet the script is bound to`);
  state.activeSpreadsheetId = copyId;
  // The copier owns the copy and its script: the Sheet's owner, the script's owner.
  ctx.state.owner = findFile(ctx, copyId)!.owner;
  replaceContents(ctx.state.properties, copy.properties);
  // Installable triggers stay with the original project and the accounts that made them.
  ctx.state.script.triggers.length = 0;
  ctx.state.script.failures.length = 0;
  if (ctx.state.scopes) ctx.state.scopes.granted = {};
}
