/**
 * Who may edit what (docs/architecture.md §7). Every protection this script makes carries a description
 * starting with PREFIX, so re-running setup replaces its own protections and leaves anyone else's alone.
 */
import type { TabInfo } from './sheetsBatch';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Protection = GoogleAppsScript.Spreadsheet.Protection;
type Request = GoogleAppsScript.Sheets.Schema.Request;
type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;

const PREFIX = 'Hội LHPN: ';

/** Limits a protection to exactly these people (the owner always keeps access). */
function restrictTo(protection: Protection, editors: readonly string[]): void {
  // Google's own pattern: hand the User objects back, no per-editor call.
  protection.removeEditors(protection.getEditors());
  if (editors.length > 0) protection.addEditors([...editors]);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

/**
 * Whether this script closed the tab to all but `admins` and the owner. A tab left open by a run cut
 * off midway, or protected by someone else for themselves, does not count: what it says is not
 * trusted to decide who is an admin.
 */
export function isGuardedFor(
  sheet: Sheet,
  admins: readonly string[],
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): boolean {
  try {
    const allowed = new Set(
      [...admins, spreadsheet.getOwner()?.getEmail() ?? ''].map((e) => e.toLowerCase()),
    );
    return sheet
      .getProtections(SpreadsheetApp.ProtectionType.SHEET)
      .some(
        (p) =>
          p.getDescription().startsWith(PREFIX) &&
          !p.canDomainEdit() &&
          p.getEditors().every((user) => allowed.has(user.getEmail().toLowerCase())),
      );
  } catch {
    // Google refuses to show a protection to someone who may not edit it: the tab is closed to them.
    return true;
  }
}

/** Whether the tab as a whole is protected (by this script or anyone). */
export function isSheetProtected(sheet: Sheet): boolean {
  return sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length > 0;
}

/** The whole tab for admins only, except the given ranges, which its other protections govern. */
export function protectSheet(
  sheet: Sheet,
  description: string,
  admins: readonly string[],
  open: Range[] = [],
): void {
  const protection = sheet.protect();
  protection.setDescription(PREFIX + description);
  restrictTo(protection, admins);
  protection.setUnprotectedRanges(open);
}

export function protectRange(range: Range, description: string, editors: readonly string[]): void {
  const protection = range.protect();
  protection.setDescription(PREFIX + description);
  restrictTo(protection, editors);
}

/** This script's range protections on a tab, every one (a run cut off midway may have left two alike). */
export function ownRangeProtectionList(sheet: Sheet): Protection[] {
  return sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .filter((protection) => protection.getDescription().startsWith(PREFIX));
}

/** This script's range protections on a tab, by description (without the prefix). */
export function ownRangeProtections(sheet: Sheet): Map<string, Protection> {
  const found = new Map<string, Protection>();
  for (const protection of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    const description = protection.getDescription();
    if (description.startsWith(PREFIX)) found.set(description.slice(PREFIX.length), protection);
  }
  return found;
}

// The same protections as Sheets API requests (sheetsBatch.ts), for jobs that set up many tabs at once.

/**
 * Removes what is about to be replaced on a tab: its whole-tab protection (protect() would take any
 * over) and, unless `ownRanges` is false, this script's range protections; anyone else's stay.
 */
export function removeProtectionRequests(tab: TabInfo, ownRanges = true): Request[] {
  return tab.protections
    .filter((p) => p.sheet || (ownRanges && p.description.startsWith(PREFIX)))
    .map((p) => ({ deleteProtectedRange: { protectedRangeId: p.id } }));
}

/** The whole tab for these editors only (the owner and the caller always keep access), except `open`. */
export function sheetProtectionRequest(
  sheetId: number,
  description: string,
  editors: readonly string[],
  open: GridRange[] = [],
): Request {
  return {
    addProtectedRange: {
      protectedRange: {
        range: { sheetId },
        description: PREFIX + description,
        editors: { users: [...editors], domainUsersCanEdit: false },
        ...(open.length > 0 ? { unprotectedRanges: open } : {}),
      },
    },
  };
}

export function rangeProtectionRequest(
  range: GridRange,
  description: string,
  editors: readonly string[],
): Request {
  return {
    addProtectedRange: {
      protectedRange: {
        range,
        description: PREFIX + description,
        editors: { users: [...editors], domainUsersCanEdit: false },
      },
    },
  };
}
