/**
 * Every service call the product makes, counted by `Class.method`, with a cost model that turns the
 * counts into an estimate of the time the same job would take on Google (docs/apps-script-facts.md §5.6).
 */
export interface CallRecord {
  name: string; // e.g. "Range.getValues"
  cells?: number; // cells read or written, when the method reports it
}

/** Milliseconds per call. Derived from docs/apps-script-facts.md §5; calibrate on a real account. */
const COST_MS: Record<string, number> = {
  'SpreadsheetApp.getActiveSpreadsheet': 5,
  'SpreadsheetApp.openById': 300,
  'SpreadsheetApp.flush': 300,
  'Spreadsheet.getSheetByName': 5,
  'Spreadsheet.getSheets': 10,
  'Spreadsheet.insertSheet': 150,
  'Spreadsheet.deleteSheet': 150,
  'Sheet.getRange': 1,
  'Sheet.getDataRange': 5,
  'Sheet.getLastRow': 20,
  'Sheet.getLastColumn': 20,
  'Range.getValues': 150,
  'Range.getDisplayValues': 150,
  'Range.getValue': 150,
  'Range.setValues': 50,
  'Range.setValue': 10,
  'Range.setDataValidation': 50,
  'Range.setDataValidations': 50,
  'Range.protect': 150,
  'Sheet.protect': 150,
  'PropertiesService.getScriptProperties': 1,
  'Properties.getProperty': 30,
  'Properties.setProperty': 62,
  'Properties.getProperties': 30,
  'Properties.setProperties': 62,
  'Properties.deleteProperty': 62,
  'Cache.get': 3,
  'Cache.put': 93,
  'Cache.getAll': 5,
  'Cache.putAll': 95,
  'LockService.getScriptLock': 1,
  'Lock.waitLock': 30,
  'Lock.tryLock': 30,
  'Lock.releaseLock': 10,
  'DocumentApp.create': 1000,
  'DocumentApp.openById': 500,
  'Document.saveAndClose': 500,
  'Body.replaceText': 50,
  'Body.appendTable': 100,
  'File.makeCopy': 1500,
  'File.getAs': 2000,
  'File.addEditor': 500,
  'File.addViewer': 500,
  'DriveApp.getFileById': 200,
  'DriveApp.getFolderById': 200,
  'DriveApp.createFolder': 500,
  'MailApp.sendEmail': 1000,
  'MailApp.getRemainingDailyQuota': 50,
  'ScriptApp.newTrigger': 5,
  'ScriptApp.getProjectTriggers': 100,
  'ScriptApp.deleteTrigger': 200,
  'ClockTriggerBuilder.create': 300,
  'SpreadsheetTriggerBuilder.create': 300,
  'Ui.alert': 2000,
  'Ui.prompt': 2000,
  // Charts and images: not measured yet (unverified guesses, of the order of a Drive conversion).
  'Sheet.insertChart': 300,
  'Sheet.updateChart': 300,
  'EmbeddedChart.getAs': 1000,
  'Body.insertImage': 200,
};

/** Calls not in the table: cheap getters and builders, which Apps Script answers locally. */
const DEFAULT_COST_MS = 2;

export class CallLog {
  private readonly records: CallRecord[] = [];

  record(entry: CallRecord): void {
    this.records.push(entry);
  }

  /** Counts per `Class.method`, optionally only for one class ("Range") or service prefix. */
  counts(prefix?: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.records) {
      if (prefix && !r.name.startsWith(prefix)) continue;
      out[r.name] = (out[r.name] ?? 0) + 1;
    }
    return out;
  }

  count(name: string): number {
    return this.records.filter((r) => r.name === name).length;
  }

  total(): number {
    return this.records.length;
  }

  entries(): readonly CallRecord[] {
    return this.records;
  }

  clear(): void {
    this.records.length = 0;
  }

  /** Estimated milliseconds on Google for the calls logged so far. */
  estimateMs(): number {
    let ms = 0;
    for (const r of this.records) {
      ms += COST_MS[r.name] ?? DEFAULT_COST_MS;
      // Large reads and writes cost more than small ones (about 1 ms per 100 cells).
      if (r.cells) ms += r.cells / 100;
    }
    return Math.round(ms);
  }
}
