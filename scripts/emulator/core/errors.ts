/**
 * Errors as Apps Script raises them. Product code runs in a vm context (another realm), so the
 * emulator creates its errors with that realm's Error constructor: `e instanceof Error` then holds
 * inside the bundle, as it does on Google.
 */
export type ErrorFactory = (message: string) => Error;

export function makeErrorFactory(RealmError: ErrorConstructor): ErrorFactory {
  return (message: string) => {
    const error = new RealmError(message);
    error.name = 'Exception';
    return error;
  };
}

/**
 * An Advanced service's error as Apps Script raises it: `GoogleJsonResponseException: API call to
 * <api>.<call> failed with error: <text>` (seen for Sheets in real runs; the shape Apps Script gives
 * every advanced service). `api` as the call is named: "sheets.spreadsheets", "docs.documents".
 */
export function advancedServiceError(fail: ErrorFactory, api: string, call: string, text: string): Error {
  const error = fail(`API call to ${api}.${call} failed with error: ${text}`);
  error.name = 'GoogleJsonResponseException';
  return error;
}

/** The Google APIs' 404 and 403 texts, seen in real runs of the Sheets API. */
export const API_NOT_FOUND = 'Requested entity was not found.';
export const API_NO_PERMISSION = 'The caller does not have permission';

/** Names that inspection tools (jest, util.inspect, Promise resolution) probe on any object. */
const INTROSPECTION = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'constructor',
  'prototype',
  'inspect',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '_isMockFunction',
]);

export function isIntrospection(prop: string | symbol): boolean {
  return typeof prop === 'symbol' || INTROSPECTION.has(prop);
}

/**
 * A stand-in for an API member the emulator does not implement: calling it, or reading anything
 * from it (an enum such as `DocumentApp.GlyphType.X`), throws `Not emulated: Class.member`.
 */
export function notEmulated(className: string, member: string, fail: ErrorFactory): unknown {
  const message = `Not emulated: ${className}.${member}`;
  return new Proxy(function notEmulatedMember() {}, {
    apply() {
      throw fail(message);
    },
    construct() {
      throw fail(message);
    },
    get(_target, prop) {
      if (isIntrospection(prop)) return undefined;
      throw fail(message);
    },
  });
}

/**
 * Apps Script's type names in "The parameters (…) don't match the method signature for X."
 * ("String" and "number" are seen in real runs; the others are unverified: confirm on a real account).
 * Emulated objects give their class name (`Folder`, `Blob`). Duck-typed so that this module does
 * not depend on context.ts, which depends on it.
 */
export function apiTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  if (Array.isArray(value)) return 'Object[]';
  const className = typeof value === 'object' ? (value as { _className?: unknown })._className : undefined;
  return typeof className === 'string' ? className : 'Object';
}

/** Google's answer to arguments of the wrong types (docs/apps-script-facts.md §2.12). */
export function parameterMismatch(
  ctx: { fail: ErrorFactory },
  method: string,
  args: unknown[],
  typeName: (value: unknown) => string = apiTypeName,
): Error {
  return ctx.fail(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
  );
}
