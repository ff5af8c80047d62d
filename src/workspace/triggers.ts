/** The handler of the installable edit trigger (main.ts exports it under this name). */
export const EDIT_HANDLER = 'onEditInstalled';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Submissions and the audit log write to tabs officers cannot edit, so they run in an installable
 * edit trigger, with the authority of the admin who installed it. Installing twice is harmless.
 */
export function ensureEditTrigger(spreadsheet: Spreadsheet): void {
  const exists = ScriptApp.getProjectTriggers().some(
    (t) => t.getHandlerFunction() === EDIT_HANDLER && t.getEventType() === ScriptApp.EventType.ON_EDIT,
  );
  if (!exists) ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(spreadsheet).onEdit().create();
}
