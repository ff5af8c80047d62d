import type { FilesState } from './core/files';
import type { LimitsState } from './core/limits';
import type { CacheState } from './services/cache';
import type { DocumentState } from './services/document';
import type { LockState } from './services/lock';
import type { LoggerState } from './services/logger';
import type { MailState } from './services/mail';
import type { PropertiesState } from './services/properties';
import type { ScriptState } from './services/script';
import type { SpreadsheetState } from './services/spreadsheet';

/** The whole emulated Workspace of one workbook: plain data, saved as JSON in a workspace folder. */
export interface EmulatorState {
  version: 1;
  /** The emulated clock, ms since the epoch. */
  now: number;
  /** The owner of the spreadsheet and the script (the first admin). */
  owner: string;
  /** The manifest's timeZone (Session.getScriptTimeZone()). */
  scriptTimeZone: string;
  nextId: number;
  files: FilesState;
  spreadsheet: SpreadsheetState;
  document: DocumentState;
  script: ScriptState;
  mail: MailState;
  properties: PropertiesState;
  cache: CacheState;
  lock: LockState;
  logger: LoggerState;
  /** Limit settings and trigger run time used (optional: older saved workspaces lack it). */
  limits?: LimitsState;
}
