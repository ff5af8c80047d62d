/**
 * Messages to the person at the Sheet. Jobs also run where there is no Sheet UI (time-driven
 * triggers, the script editor, the command line): there Google refuses getUi(), and the job's
 * return value and Nhật ký carry the result instead.
 */
type Ui = GoogleAppsScript.Base.Ui;

/** The Sheet's UI, or null where Google refuses it. */
function sheetUi(): Ui | null {
  try {
    return SpreadsheetApp.getUi();
  } catch {
    return null;
  }
}

/**
 * Shows a message and waits for OK; with no Sheet UI (a run from the script editor) the message goes
 * to the execution log, which the editor shows. An alert suspends the script until the person closes
 * it (https://developers.google.com/apps-script/guides/dialogs), so never call it holding the script
 * lock: use withScriptLockThenTell (lock.ts).
 */
export function tellUser(title: string, message: string): void {
  const ui = sheetUi();
  try {
    if (ui) {
      ui.alert(title, message, ui.ButtonSet.OK);
      return;
    }
  } catch {
    // The job is done; an alert Google fails to show must not turn it into an error.
  }
  console.log(`${title}: ${message}`);
}

/** Asks for a line of text; null when cancelled or when there is no UI. Never under the lock either. */
export function askUser(title: string, question: string): string | null {
  const ui = sheetUi();
  if (!ui) return null;
  const response = ui.prompt(title, question, ui.ButtonSet.OK_CANCEL);
  return response.getSelectedButton() === ui.Button.OK ? response.getResponseText().trim() : null;
}

export function toast(message: string, title: string): void {
  SpreadsheetApp.getActiveSpreadsheet().toast(message, title, 10);
}
