import crypto from 'node:crypto';
import type { EmulatorContext } from '../core/context';
import { Emulated } from '../core/context';
import { domainOf, effectiveUser, isConsumer } from '../core/files';
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
 * Session.getActiveUser(), facts §1.4. Rule chosen:
 * - a person who runs the script themselves (editor, menu, dialog) authorised it: their email;
 * - the owner is always known to their own script;
 * - otherwise (simple triggers, installable triggers acting for someone else) the email shows only
 *   when the person is in the owner's Workspace domain; consumer accounts (gmail.com) never see
 *   each other, so the answer is ''.
 */
export function activeUserEmail(ctx: EmulatorContext): string {
  const execution = currentExecution(ctx);
  const { user } = execution;
  const owner = ctx.state.owner;
  if (!user) return '';
  if (execution.kind === 'manual' || execution.kind === 'menu' || user === owner) return user;
  return !isConsumer(owner) && domainOf(user) === domainOf(owner) ? user : '';
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
    return new UserImpl(this._ctx, effectiveUser(this._ctx));
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
