/**
 * Messages to the person at the Sheet. Jobs also run where there is no Sheet UI (time-driven
 * triggers, the script editor, the command line): there Google refuses getUi(), and the job's
 * return value and Nhật ký carry the result instead.
 */
export function tellUser(title: string, message: string): void {
  try {
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, message, ui.ButtonSet.OK);
  } catch {
    // No UI in this context: nothing to show.
  }
}

/** Asks for a line of text; null when cancelled or when there is no UI. */
export function askUser(title: string, question: string): string | null {
  let ui: GoogleAppsScript.Base.Ui;
  try {
    ui = SpreadsheetApp.getUi();
  } catch {
    return null;
  }
  const response = ui.prompt(title, question, ui.ButtonSet.OK_CANCEL);
  return response.getSelectedButton() === ui.Button.OK ? response.getResponseText().trim() : null;
}

export function toast(message: string, title: string): void {
  SpreadsheetApp.getActiveSpreadsheet().toast(message, title, 10);
}
