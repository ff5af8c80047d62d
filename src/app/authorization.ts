/**
 * The check every menu entry starts with (main.ts wraps each one): the scopes the entry needs
 * must have been granted by the person who chose it, or they read in Vietnamese what to approve
 * before Google's consent prompt opens, rather than Google's English refusal halfway through.
 */
import { ENTRY_SCOPES, missingScopes, missingScopesMessage, SCOPE } from '../domain/authorization';
import { versionText } from '../domain/version';
import { MENU_ITEMS } from '../domain/menu';
import {
  askForScopes,
  grantedScopes,
  readAddedScopes,
  recordAuthorization,
} from '../workspace/authorization';
import { translatingFailures } from '../workspace/lock';
import { withPropertiesRead } from '../workspace/properties';
import { currentUserEmail } from '../workspace/session';
import { tellUser } from '../workspace/ui';
import { isTriggerEvent } from './reminders';

export type MenuEntry = keyof typeof ENTRY_SCOPES;

const TITLE = 'Cần cấp quyền';

function captionOf(entry: MenuEntry): string {
  return MENU_ITEMS.find((item) => item?.functionName === entry)?.caption ?? entry;
}

/** The person's granted scopes, once those `entry` needs are among them; otherwise it asks and stops. */
function requireEntryScopes(entry: MenuEntry): string[] {
  const granted = grantedScopes();
  // After an update that added scopes, everyone is asked for them once, whatever they choose.
  const missing = missingScopes([...ENTRY_SCOPES[entry], ...readAddedScopes()], granted);
  if (missing.length === 0) return granted;
  const message = missingScopesMessage(captionOf(entry), missing);
  // An alert needs both (SpreadsheetApp.getUi, Ui.alert); without them Google's prompt comes first.
  if (!missing.includes(SCOPE.containerUi) && !missing.includes(SCOPE.spreadsheets)) tellUser(TITLE, message);
  askForScopes(missing);
  // requireScopes returns only where nobody can be prompted (authMode other than FULL).
  throw new Error(message);
}

/**
 * `fn` preceded by the check of `entry`'s scopes. A time-driven trigger's run (its event object)
 * is not checked: nobody is there to approve, and installing the schedule checked its scopes.
 */
export function menuEntry<A extends unknown[], R>(
  entry: MenuEntry,
  fn: (...args: A) => R,
): (...args: A) => R {
  return (...args: A): R => {
    if (isTriggerEvent(args[0])) return fn(...args);
    // The check's own calls may fail on Google's side too: the person reads Vietnamese either way.
    // The entry's own records and the job's are read in one call.
    return translatingFailures(captionOf(entry).replace(/…$/, ''), () =>
      withPropertiesRead(() => {
        const granted = requireEntryScopes(entry);
        const result = fn(...args);
        recordUse(granted);
        return result;
      }),
    );
  };
}

/**
 * Who used the menu and with what (after the entry: a first Khởi tạo starts the records afresh);
 * Kiểm tra cài đặt lists who an update's new scopes are still to be asked of. Best effort: the job
 * is done, and a record Google fails to keep must not tell the person it failed.
 */
function recordUse(granted: string[]): void {
  try {
    const email = currentUserEmail();
    if (email) recordAuthorization(email, versionText(), granted);
  } catch (error) {
    console.log(`Không ghi được việc dùng menu: ${String(error)}`);
  }
}
