import crypto from 'node:crypto';
import type { EmulatorContext } from '../core/context';
import { Emulated } from '../core/context';
import { sameWorkspaceDomain } from '../core/files';
import type { Execution } from '../core/runtime';

/** The execution under way; outside any (a test poking a service) the owner, as from the editor. */
export function currentExecution(
  ctx: EmulatorContext,
): Pick<Execution, 'user' | 'effectiveUser' | 'authMode' | 'kind'> {
  return (
    ctx.runtime.current() ?? {
      user: ctx.state.owner,
      effectiveUser: ctx.state.owner,
      authMode: 'FULL',
      kind: 'manual',
    }
  );
}

/**
 * The email Google reveals of the person behind `execution` (Session.getActiveUser(), and `e.user`
 * of the trigger's event object, which follows the same rules). '' when Google hides it.
 *
 * - Editor (Run button) and menus / google.script.run: the person authorised the script and runs it
 *   themselves, so their email is known. Session reference: the email is withheld only "in any
 *   context that allows a script to run without that user's authorization"; a menu item or a dialog's
 *   server call needs the clicker's own authorization (Authorization guide,
 *   https://developers.google.com/apps-script/guides/services/authorization).
 * - Simple trigger (onOpen, onEdit): withheld — the reference names exactly these — "However, these
 *   restrictions generally do not apply if the developer runs the script themselves or belongs to the
 *   same Google Workspace domain as the user": the script's owner, and people of the owner's
 *   Workspace domain, are known; a gmail.com account never shares a domain.
 *   (https://developers.google.com/apps-script/reference/base/session#getActiveUser())
 * - Installable trigger (edit, open): the same rule against the trigger's creator, whose authority
 *   it runs with. Real event-object dump (tanaikech.github.io, 2022-01-04, "Detecting Operations to
 *   Google Spreadsheet by Owner, Specific Users, and Anonymous Users"): the creator editing gets
 *   their email in `e.user` and getActiveUser; any other (consumer) editor gets "" in both, while
 *   getEffectiveUser gives the creator. The events guide
 *   (https://developers.google.com/apps-script/guides/triggers/events) gives `user` "if available".
 *   The same-domain case is the reference's wording, not observed. Anonymous editors (link sharing)
 *   are not modelled: every driver edit names a person.
 * - Time-driven trigger: no one acted; the code runs on the creator's authorization, and the
 *   active user is the creator. // unverified: a third-party table (appscript.dev, "Understand
 *   execution context and identity") and the reference's "user who created the trigger" for
 *   getEffectiveUser; confirm on a real account.
 */
export function revealedEmail(
  ctx: EmulatorContext,
  execution: Pick<Execution, 'user' | 'effectiveUser' | 'kind'>,
): string {
  const { user, kind } = execution;
  if (!user) return '';
  switch (kind) {
    case 'manual':
    case 'menu':
    case 'timeTrigger':
      return user;
    case 'simpleTrigger':
      return knownTo(user, ctx.state.owner) ? user : '';
    case 'installableTrigger':
      return knownTo(user, execution.effectiveUser) ? user : '';
  }
}

function knownTo(person: string, authority: string): boolean {
  return person.toLowerCase() === authority.toLowerCase() || sameWorkspaceDomain(person, authority);
}

/** Session.getActiveUser() of the execution under way. */
export function activeUserEmail(ctx: EmulatorContext): string {
  return revealedEmail(ctx, currentExecution(ctx));
}

/**
 * Session.getEffectiveUser(): "If the script is running under an installable trigger, this returns
 * the account of the user who created the trigger. In most other scenarios, this returns the same
 * account as getActiveUser()" (Session reference). So in a simple trigger it is the active user as
 * Google reveals them: '' for a hidden editor. // unverified: stricter reading of "the same account"
 */
export function effectiveUserEmail(ctx: EmulatorContext): string {
  const execution = currentExecution(ctx);
  return execution.kind === 'simpleTrigger' ? activeUserEmail(ctx) : execution.effectiveUser;
}

class UserImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    private readonly _email: string,
  ) {
    super(ctx, 'User');
  }

  getEmail(): string {
    return this._email;
  }
}

class SessionImpl extends Emulated {
  constructor(ctx: EmulatorContext) {
    super(ctx, 'Session');
  }

  getActiveUser(): UserImpl {
    return new UserImpl(this._ctx, activeUserEmail(this._ctx));
  }

  getEffectiveUser(): UserImpl {
    return new UserImpl(this._ctx, effectiveUserEmail(this._ctx));
  }

  getScriptTimeZone(): string {
    return this._ctx.state.scriptTimeZone;
  }

  /** The product's users are Vietnamese; Google answers with the user's language setting. */
  getActiveUserLocale(): string {
    return 'vi';
  }

  /** Stable per person and script, opaque, and revealing nothing about the email, like Google's key. */
  getTemporaryActiveUserKey(): string {
    const seed = `${currentExecution(this._ctx).user}|${this._ctx.state.owner}`;
    return crypto.createHash('sha256').update(seed).digest('base64').slice(0, 43);
  }
}

export function installSession(ctx: EmulatorContext): { globals: { Session: SessionImpl }; driver: null } {
  return { globals: { Session: new SessionImpl(ctx) }, driver: null };
}
