import type { EmulatorContext } from '../../core/context';
import { Emulated } from '../../core/context';
import { domainOf, effectiveUser, findFile, isConsumer } from '../../core/files';
import { contains, intersects, rectOf, sheetData, spreadsheetData } from './model';
import { RangeImpl } from './range';
import { signatureError } from './signature';
import type { ProtectionData, Rect, SpreadsheetData } from './types';
import { emailOf, UserImpl } from './user';

export const PROTECTED_TEXT =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
/** The warning of a warning-only protection. // unverified: confirm on a real account */
export const WARNING_ONLY_TEXT =
  "You're trying to edit part of this sheet that shouldn't be changed accidentally.";
/** // unverified: confirm on a real account */
const NO_PERMISSION = 'You do not have permission to perform that action.';
/** // unverified: confirm on a real account */
const REMOVED = 'This protection has been removed.';
/** // unverified: confirm on a real account */
const NOT_SHEET_PROTECTION = 'Unprotected ranges can only be set on a sheet protection.';

/** Whether `email` may edit the cells `p` protects (the owner always may). */
function mayEdit(ctx: EmulatorContext, p: ProtectionData, email: string): boolean {
  if (email === ctx.state.owner || p.warningOnly || p.editors.includes(email)) return true;
  return p.domainEdit && !isConsumer(ctx.state.owner) && domainOf(email) === domainOf(ctx.state.owner);
}

function covers(p: ProtectionData, rect: Rect): boolean {
  if (p.type === 'RANGE') return intersects(p.rect, rect);
  // A block wholly inside one unprotected range is free (a block spanning two is treated as protected).
  return p.rect.sheetId === rect.sheetId && !p.unprotected.some((u) => contains(u, rect));
}

/** What happens when `email` edits `rect`: any protection blocking them wins; warning-only ones warn. */
export function editVerdict(
  ctx: EmulatorContext,
  ss: SpreadsheetData,
  rect: Rect,
  email: string,
): 'ok' | 'warning' | 'blocked' {
  let verdict: 'ok' | 'warning' = 'ok';
  for (const p of ss.protections) {
    if (!covers(p, rect)) continue;
    if (!mayEdit(ctx, p, email)) return 'blocked';
    if (p.warningOnly) verdict = 'warning';
  }
  return verdict;
}

/** Script writes run with the effective user's rights: a protection that blocks them fails the call. */
export function assertScriptCanEdit(ctx: EmulatorContext, ss: SpreadsheetData, rect: Rect): void {
  if (editVerdict(ctx, ss, rect, effectiveUser(ctx)) === 'blocked') throw ctx.fail(PROTECTED_TEXT);
}

/**
 * A new protection "mirrors the spreadsheet's permissions": its editors are the file's editors (the
 * owner is not listed) and domain editing follows a domain-wide edit link.
 */
export function createProtection(
  ctx: EmulatorContext,
  ss: SpreadsheetData,
  type: 'SHEET' | 'RANGE',
  rect: Rect,
): ProtectionData {
  const file = findFile(ctx, ss.id);
  const domainShared =
    !!file &&
    (file.sharing.access === 'DOMAIN' || file.sharing.access === 'DOMAIN_WITH_LINK') &&
    file.sharing.permission === 'EDIT';
  const p: ProtectionData = {
    id: ctx.newId('prot'),
    type,
    rect: { ...rect },
    editors: (file?.editors ?? []).filter((e) => e !== ctx.state.owner),
    description: '',
    warningOnly: false,
    domainEdit: domainShared && !isConsumer(ctx.state.owner),
    unprotected: [],
  };
  ss.protections.push(p);
  return p;
}

export class ProtectionImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    readonly _ssId: string,
    readonly _id: string,
  ) {
    super(ctx, 'Protection');
  }

  _ss(): SpreadsheetData {
    return spreadsheetData(this._ctx, this._ssId);
  }
  _data(): ProtectionData {
    const p = this._ss().protections.find((x) => x.id === this._id);
    if (!p) throw this._ctx.fail(REMOVED);
    return p;
  }
  /** Settings can be read and changed only by someone the protection lets edit. */
  _editable(): ProtectionData {
    const p = this._data();
    if (!mayEdit(this._ctx, { ...p, warningOnly: false }, effectiveUser(this._ctx)))
      throw this._ctx.fail(NO_PERMISSION);
    return p;
  }
  _emails(method: string, values: unknown[]): string[] {
    return values.map((v) => {
      const email = emailOf(v);
      if (email === null) throw signatureError(this._ctx, `Protection.${method}`, [v]);
      // Stored lowercase, as Drive stores addresses (unverified for protections: confirm on a real account).
      return email.toLowerCase();
    });
  }
  _add(method: string, values: unknown[]): this {
    const p = this._editable();
    for (const email of this._emails(method, values)) if (!p.editors.includes(email)) p.editors.push(email);
    return this;
  }
  _remove(method: string, values: unknown[]): this {
    const p = this._editable();
    // "Neither the owner of the spreadsheet nor the current user can be removed."
    const keep = new Set([this._ctx.state.owner, effectiveUser(this._ctx)]);
    const gone = new Set(this._emails(method, values).filter((e) => !keep.has(e)));
    p.editors = p.editors.filter((e) => !gone.has(e));
    return this;
  }

  addEditor(emailOrUser: unknown): this {
    return this._add('addEditor', [emailOrUser]);
  }
  addEditors(emails: unknown[]): this {
    return this._add('addEditors', Array.from(emails));
  }
  removeEditor(emailOrUser: unknown): this {
    return this._remove('removeEditor', [emailOrUser]);
  }
  removeEditors(emailsOrUsers: unknown[]): this {
    return this._remove('removeEditors', Array.from(emailsOrUsers));
  }
  getEditors(): UserImpl[] {
    return this._editable().editors.map((e) => new UserImpl(this._ctx, e));
  }
  canEdit(): boolean {
    return mayEdit(this._ctx, this._data(), effectiveUser(this._ctx));
  }
  canDomainEdit(): boolean {
    return this._editable().domainEdit;
  }
  setDomainEdit(editable: boolean): this {
    const p = this._editable();
    // "Throws an exception if the spreadsheet does not belong to a Google Workspace domain."
    if (isConsumer(this._ctx.state.owner)) throw this._ctx.fail(NO_PERMISSION);
    p.domainEdit = !!editable;
    return this;
  }
  setDescription(description: string): this {
    this._editable().description = String(description);
    return this;
  }
  getDescription(): string {
    return this._data().description;
  }
  setWarningOnly(warningOnly: boolean): this {
    this._editable().warningOnly = !!warningOnly;
    return this;
  }
  isWarningOnly(): boolean {
    return this._data().warningOnly;
  }
  getProtectionType(): string {
    return this._data().type;
  }
  getRange(): RangeImpl {
    const p = this._data();
    const ss = this._ss();
    const rect = p.type === 'SHEET' ? rectOf(sheetData(this._ctx, ss, p.rect.sheetId)) : p.rect;
    return new RangeImpl(this._ctx, ss.id, rect.sheetId, rect.row, rect.col, rect.numRows, rect.numCols);
  }
  setUnprotectedRanges(ranges: unknown[]): this {
    const p = this._editable();
    if (p.type !== 'SHEET') throw this._ctx.fail(NOT_SHEET_PROTECTION);
    p.unprotected = Array.from(ranges).map((r) => {
      if (!(r instanceof RangeImpl))
        throw signatureError(this._ctx, 'Protection.setUnprotectedRanges', [ranges]);
      return r._rect();
    });
    return this;
  }
  getUnprotectedRanges(): RangeImpl[] {
    return this._data().unprotected.map(
      (u) => new RangeImpl(this._ctx, this._ssId, u.sheetId, u.row, u.col, u.numRows, u.numCols),
    );
  }
  remove(): void {
    this._editable();
    const ss = this._ss();
    ss.protections = ss.protections.filter((x) => x.id !== this._id);
  }
}
