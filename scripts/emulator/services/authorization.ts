/**
 * Granular consent: since 2025 the consent screen lets a person untick scopes
 * (https://developers.google.com/apps-script/concepts/scopes, "granular OAuth permissions"), and a
 * script asks what it was given with ScriptApp.getAuthorizationInfo(authMode[, oAuthScopes]) and
 * stops with ScriptApp.requireAllScopes / requireScopes
 * (https://developers.google.com/apps-script/reference/script/script-app,
 * https://developers.google.com/apps-script/reference/script/authorization-info).
 * ScriptApp's methods delegate here; the driver plays the person at the consent screen.
 */
import type { EmulatorContext } from '../core/context';
import { Emulated, makeEnum } from '../core/context';
import { parameterMismatch } from '../core/errors';
import { effectiveUser } from '../core/files';
import type { AuthorizationPrompt, RefusedCall } from '../core/scopes';
import { consentedScopes, grantedScopes, projectScopes, scopesState, setGrantedScopes } from '../core/scopes';

const AUTH_MODES = ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const;
type AuthModeName = (typeof AUTH_MODES)[number];
export const AUTHORIZATION_STATUSES = ['REQUIRED', 'NOT_REQUIRED'] as const;

/**
 * // unverified: the text Google shows when requireScopes ends an execution (the page says only that
 * it "ends the current execution and renders an authorization prompt"); this is Apps Script's text
 * for an execution that needs authorization.
 */
const AUTHORIZATION_REQUIRED = 'Authorization is required to perform that action.';
/** // unverified: the shape of the URL; only its presence (or null) is documented. */
const AUTHORIZATION_URL = 'https://script.google.com/macros/d/emulated-script/authorize';

/** The arguments (authMode[, oAuthScopes]) as the methods' signatures accept them. */
function readArguments(
  ctx: EmulatorContext,
  method: string,
  args: unknown[],
  scopesRequired: boolean,
): { authMode: AuthModeName; scopes: string[] | null } {
  const [authMode, scopes] = args;
  const validMode = AUTH_MODES.includes(authMode as AuthModeName);
  const validScopes =
    scopes === undefined
      ? !scopesRequired
      : Array.isArray(scopes) && scopes.every((s) => typeof s === 'string');
  if (!validMode || !validScopes || args.length > 2) throw parameterMismatch(ctx, method, args);
  return { authMode: authMode as AuthModeName, scopes: (scopes as string[] | undefined) ?? null };
}

/** The scopes of `asked` the current person has not granted (in the order asked). */
function missingScopes(ctx: EmulatorContext, asked: readonly string[]): string[] {
  const granted = new Set(consentedScopes(ctx, effectiveUser(ctx)));
  return asked.filter((s) => !granted.has(s));
}

export class AuthorizationInfoImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    private readonly _authorized: string[] | null,
    private readonly _missing: string[],
  ) {
    super(ctx, 'AuthorizationInfo');
  }

  /** REQUIRED when some scope asked about is not granted (a ScriptApp.AuthorizationStatus value). */
  getAuthorizationStatus(): string {
    return this._missing.length > 0 ? 'REQUIRED' : 'NOT_REQUIRED';
  }

  /** "If no authorization is required, this method returns null." */
  getAuthorizationUrl(): string | null {
    return this._missing.length > 0 ? AUTHORIZATION_URL : null;
  }

  /** The granted scopes among those asked about (all the script's when none were named). */
  getAuthorizedScopes(): string[] | null {
    return this._authorized ? [...this._authorized] : null;
  }
}

/**
 * ScriptApp.getAuthorizationInfo(authMode[, oAuthScopes]). Only FULL asks anything of the person
 * ("no other authorization mode requires that users grant authorization", AuthorizationInfo page):
 * other modes answer NOT_REQUIRED with no list (unverified: null rather than an empty list).
 */
export function getAuthorizationInfo(ctx: EmulatorContext, args: unknown[]): AuthorizationInfoImpl {
  const { authMode, scopes } = readArguments(ctx, 'ScriptApp.getAuthorizationInfo', args, false);
  if (authMode !== 'FULL') return new AuthorizationInfoImpl(ctx, null, []);
  const asked = scopes ?? projectScopes(ctx);
  const missing = missingScopes(ctx, asked);
  return new AuthorizationInfoImpl(
    ctx,
    asked.filter((s) => !missing.includes(s)),
    missing,
  );
}

/**
 * Ends the execution with an authorization prompt for whatever is missing of `asked`. A scope the
 * project does not request can never be granted, so asking for one always ends the execution
 * (stricter reading; unverified).
 */
function requireGranted(ctx: EmulatorContext, authMode: AuthModeName, asked: readonly string[]): void {
  if (authMode !== 'FULL') return;
  const missing = missingScopes(ctx, asked);
  if (missing.length === 0) return;
  scopesState(ctx).prompts.push({
    at: ctx.clock.now(),
    user: effectiveUser(ctx),
    functionName: ctx.runtime.current()?.functionName ?? null,
    scopes: missing,
  });
  throw ctx.fail(AUTHORIZATION_REQUIRED);
}

/** ScriptApp.requireAllScopes(authMode): every scope the script requests must be granted. */
export function requireAllScopes(ctx: EmulatorContext, args: unknown[]): void {
  if (args.length !== 1) throw parameterMismatch(ctx, 'ScriptApp.requireAllScopes', args);
  const { authMode } = readArguments(ctx, 'ScriptApp.requireAllScopes', args, false);
  requireGranted(ctx, authMode, projectScopes(ctx));
}

/** ScriptApp.requireScopes(authMode, oAuthScopes): the scopes this part of the script relies on. */
export function requireScopes(ctx: EmulatorContext, args: unknown[]): void {
  const { authMode, scopes } = readArguments(ctx, 'ScriptApp.requireScopes', args, true);
  requireGranted(ctx, authMode, scopes ?? []);
}

export function authorizationStatusEnum(ctx: EmulatorContext): Record<string, string> {
  return makeEnum(ctx, 'ScriptApp.AuthorizationStatus', AUTHORIZATION_STATUSES);
}

export interface ConsentDriver {
  /**
   * `user` ticked only `scopes` on the consent screen (granular consent); until then a person has
   * granted everything the project requests.
   */
  grant(user: string, scopes: readonly string[]): void;
  /** What `user` has granted. */
  granted(user: string): string[];
  /** Authorization prompts shown by requireScopes / requireAllScopes, oldest first. */
  prompts(): AuthorizationPrompt[];
  /** Calls refused for a missing scope, oldest first, whether or not the script caught the error. */
  refusals(): RefusedCall[];
}

export function installAuthorization(ctx: EmulatorContext): {
  globals: Record<string, never>;
  driver: ConsentDriver;
} {
  return {
    globals: {},
    driver: {
      grant: (user, scopes) => setGrantedScopes(ctx, user, scopes),
      granted: (user) => [...grantedScopes(ctx, user)],
      prompts: () => scopesState(ctx).prompts.map((p) => ({ ...p, scopes: [...p.scopes] })),
      refusals: () => scopesState(ctx).refused.map((r) => ({ ...r, scopes: [...r.scopes] })),
    },
  };
}
