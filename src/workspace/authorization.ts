/**
 * What Google says about the scopes the person running the script granted
 * (ScriptApp.getAuthorizationInfo, https://developers.google.com/apps-script/reference/script/script-app),
 * Google's own consent prompt (ScriptApp.requireScopes), and, in script properties, what each person
 * had granted the last time they used the menu, so an admin can see who Google will ask again.
 */
import { scriptProperties } from './properties';
import type { AuthorizationRecord } from '../domain/authorization';
import { MANIFEST_SCOPES } from '../domain/authorization';

/** The scopes of the manifest the person running the script has granted. */
export function grantedScopes(): string[] {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, [...MANIFEST_SCOPES]);
  return info.getAuthorizedScopes() ?? [];
}

/**
 * Ends the execution with Google's consent prompt for `scopes` ("ends the current execution and
 * renders an authorization prompt", ScriptApp.requireScopes); the person then runs the item again.
 */
export function askForScopes(scopes: readonly string[]): void {
  ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [...scopes]);
}

/** One property per person: two people using the menu at once never overwrite each other. */
const RECORD_PREFIX = 'quyen_da_cap:';
/** The manifest's scopes as of the last Khởi tạo, to tell when an update added one. */
const SET_UP_SCOPES = 'quyen_cua_ma';
/** The scopes the last update added, which everyone who uses the menu is asked for once more. */
const ADDED_SCOPES = 'quyen_moi';

function readJson<T>(text: string | null): T | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** Scopes are kept without their common prefix: a record per person must stay small (500 KB a store). */
const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';

/** Writes what `email` has granted under `version`, only when it changed (a read per menu click). */
export function recordAuthorization(email: string, version: string, granted: readonly string[]): void {
  const properties = scriptProperties();
  const key = RECORD_PREFIX + email;
  const short = granted.map((s) => (s.startsWith(SCOPE_PREFIX) ? s.slice(SCOPE_PREFIX.length) : s));
  const text = JSON.stringify({ version, granted: short.sort() });
  if (properties.getProperty(key) !== text) properties.setProperty(key, text);
}

export function readAuthorizationRecords(): AuthorizationRecord[] {
  const all = scriptProperties().getProperties();
  return Object.keys(all)
    .filter((key) => key.startsWith(RECORD_PREFIX))
    .flatMap((key) => {
      const value = readJson<Partial<AuthorizationRecord>>(all[key] ?? null);
      return value && Array.isArray(value.granted)
        ? [
            {
              email: key.slice(RECORD_PREFIX.length),
              version: String(value.version ?? ''),
              granted: value.granted.map((s) =>
                String(s).includes('/') ? String(s) : SCOPE_PREFIX + String(s),
              ),
            },
          ]
        : [];
    });
}

/** The scopes recorded at the last Khởi tạo, or null before the first one that recorded them. */
export function readSetUpScopes(): string[] | null {
  const value = readJson<unknown>(scriptProperties().getProperty(SET_UP_SCOPES));
  return Array.isArray(value) ? value.map(String) : null;
}

/**
 * The properties that note this version's scopes, unless `recorded` (readSetUpScopes) already holds
 * them; `added` (when an update added some) become everyone's to grant.
 */
export function setUpScopesNote(
  recorded: readonly string[] | null,
  added: readonly string[],
): Record<string, string> {
  const text = JSON.stringify(MANIFEST_SCOPES);
  return {
    ...(recorded === null || JSON.stringify(recorded) !== text ? { [SET_UP_SCOPES]: text } : {}),
    ...(added.length > 0 ? { [ADDED_SCOPES]: JSON.stringify(added) } : {}),
  };
}

/** The scopes the last update that added any added; [] when none did. */
export function readAddedScopes(): string[] {
  const value = readJson<unknown>(scriptProperties().getProperty(ADDED_SCOPES));
  return Array.isArray(value) ? value.map(String) : [];
}
