import type { EmulatorContext } from '../../core/context';
import { isDate } from '../../core/context';
import { apiTypeName, parameterMismatch } from '../../core/errors';

/**
 * Type names in SpreadsheetApp's overload-resolution error: core/errors.ts apiTypeName, except that an
 * array is named by its first element ("String[]") and any object but a Date is "Object".
 * // unverified: confirm on a real account (only "String" and "number" are seen in real runs)
 */
function typeName(value: unknown): string {
  if (Array.isArray(value)) return `${value.length ? typeName(value[0]) : 'Object'}[]`;
  if (value !== null && typeof value === 'object' && !isDate(value)) return 'Object';
  return apiTypeName(value);
}

/** Classes of the Base service, named without the "SpreadsheetApp." prefix. */
const BASE_CLASSES = new Set(['Ui', 'Menu', 'PromptResponse', 'User']);

export function signatureError(ctx: EmulatorContext, method: string, args: unknown[]): Error {
  const qualified = BASE_CLASSES.has(method.split('.')[0] ?? '') ? method : `SpreadsheetApp.${method}`;
  return parameterMismatch(ctx, qualified, args, typeName);
}

/** Throws the signature error unless `args` matches one of `shapes` (typeof names, 'object', 'array'). */
export function checkSignature(
  ctx: EmulatorContext,
  method: string,
  args: unknown[],
  shapes: string[][],
): void {
  const kinds = args.map((a) => (Array.isArray(a) ? 'array' : a === null ? 'null' : typeof a));
  if (!shapes.some((shape) => shape.length === kinds.length && shape.every((k, i) => k === kinds[i]))) {
    throw signatureError(ctx, method, args);
  }
}
