import type { EmulatorContext } from '../../core/context';
import { isDate } from '../../core/context';

/** Apps Script's overload-resolution error: "The parameters (String) don't match the method signature for …". */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  // unverified: confirm the names below on a real account ("String" and "number" are seen in real runs)
  if (typeof value === 'boolean') return 'Boolean';
  if (value === undefined) return 'undefined';
  if (isDate(value)) return 'Date';
  if (Array.isArray(value)) return `${value.length ? typeName(value[0]) : 'Object'}[]`;
  return 'Object';
}

/** Classes of the Base service, named without the "SpreadsheetApp." prefix. */
const BASE_CLASSES = new Set(['Ui', 'Menu', 'PromptResponse', 'User']);

export function signatureError(ctx: EmulatorContext, method: string, args: unknown[]): Error {
  const qualified = BASE_CLASSES.has(method.split('.')[0] ?? '') ? method : `SpreadsheetApp.${method}`;
  return ctx.fail(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${qualified}.`,
  );
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
