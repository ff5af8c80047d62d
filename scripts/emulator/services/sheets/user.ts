import type { EmulatorContext } from '../../core/context';
import { Emulated } from '../../core/context';

/** Base.User as SpreadsheetApp hands it out (owner, editors, e.user). */
export class UserImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    readonly _email: string,
  ) {
    super(ctx, 'User');
  }
  getEmail(): string {
    return this._email;
  }
}

/** An email from what Apps Script accepts for "emailAddress or user": a string or a User. */
export function emailOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (
    value &&
    typeof value === 'object' &&
    typeof (value as { getEmail?: unknown }).getEmail === 'function'
  ) {
    return String((value as { getEmail(): unknown }).getEmail());
  }
  return null;
}
