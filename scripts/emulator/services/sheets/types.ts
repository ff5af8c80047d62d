import type { PropertiesState } from '../properties';
import type { AccountLocale } from './locales';

/**
 * The spreadsheet service's state: plain JSON data. Facades (Spreadsheet, Sheet, Range, …) are thin
 * views that find their data here by id on every call.
 */

import type { ChartData } from './charts';

/** A stored cell value. Dates are serial numbers (days since 1899-12-30) with a date number format. */
export type CellValue = number | string | boolean;

/** A data validation rule as Apps Script describes it (criteria + values). */
export interface RuleData {
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** The format a conditional format rule applies; null leaves that attribute alone. */
export interface ConditionalFormatData {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
}

/** A conditional format rule of a sheet (Sheet.setConditionalFormatRules); its ranges are on that sheet. */
export interface ConditionalRuleData {
  ranges: Array<{
    row: number;
    col: number;
    numRows: number;
    numCols: number;
    shape: 'cells' | 'columns' | 'rows';
  }>;
  /** A SpreadsheetApp.BooleanCriteria name. */
  criteria: string;
  args: unknown[];
  format: ConditionalFormatData;
}

export interface Cell {
  v?: CellValue;
  /** A formula, with its leading '='. */
  f?: string;
  numberFormat?: string;
  note?: string;
  background?: string;
  fontWeight?: string;
  fontStyle?: string;
  fontColor?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
  validation?: RuleData;
}

export interface SheetData {
  /** The gid (Sheet.getSheetId()). */
  id: number;
  name: string;
  /** Sparse grid, 0-based: rows[r][c]; holes are null (they serialize as null). */
  rows: Array<Array<Cell | null> | null>;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  /** Column number -> width in pixels (only the columns whose width was set). */
  widths: Record<string, number>;
  hidden: boolean;
  tabColor: string | null;
  /** Conditional format rules, in order (the first whose condition holds formats a cell); absent = none. */
  conditionalRules?: ConditionalRuleData[];
  /** Embedded charts, in the order inserted (charts.ts); absent = none. */
  charts?: ChartData[];
}

/** A block of cells of one sheet, 1-based. */
export interface Rect {
  sheetId: number;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface NamedRangeData {
  id: string;
  name: string;
  rect: Rect;
}

export interface ProtectionData {
  id: string;
  type: 'SHEET' | 'RANGE';
  /** The protected range; for a sheet protection, the sheet (kept only for its sheetId). */
  rect: Rect;
  editors: string[];
  description: string;
  warningOnly: boolean;
  domainEdit: boolean;
  unprotected: Rect[];
}

/** A menu item; null is a separator. Items of a sub-menu are listed as "Sub-menu > Item". */
export type MenuEntry = { caption: string; functionName: string } | null;

export interface MenuData {
  name: string;
  items: MenuEntry[];
}

export interface SpreadsheetData {
  id: string;
  sheets: SheetData[];
  activeSheetId: number;
  nextSheetId: number;
  timeZone: string;
  locale: string;
  namedRanges: NamedRangeData[];
  protections: ProtectionData[];
  /** Custom menus added to the UI (cleared when a user opens the spreadsheet again). */
  menus: MenuData[];
}

export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
export type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';

/** What a person answers to the next alert or prompt. */
export interface UiAnswer {
  button: ButtonName;
  text?: string;
  /** How long the person takes to answer (ms); default: the state's alertAnswerDelayMs. */
  afterMs?: number;
}

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  answer: ButtonName;
  text?: string;
  user: string;
  /** When it opened; the script stayed suspended until answeredAt. */
  at: number;
  answeredAt: number;
}

export interface DialogRecord {
  kind: 'modal' | 'modeless' | 'sidebar';
  title: string;
  content: string;
  width: number | null;
  height: number | null;
  user: string;
  at: number;
}

export interface ToastRecord {
  spreadsheetId: string;
  message: string;
  title: string;
  timeoutSeconds: number;
  at: number;
}

export interface TriggerErrorRecord {
  trigger: 'onEdit' | 'onOpen' | 'ON_EDIT' | 'ON_OPEN';
  user: string;
  message: string;
  at: number;
}

export interface SpreadsheetState {
  spreadsheets: Record<string, SpreadsheetData>;
  /** Each account's locale and time zone, which the spreadsheets it creates start with (absent: en_US). */
  accountLocales?: Record<string, AccountLocale>;
  /** The spreadsheet the script is bound to (SpreadsheetApp.getActiveSpreadsheet()). */
  activeSpreadsheetId: string | null;
  alerts: AlertRecord[];
  dialogs: DialogRecord[];
  toasts: ToastRecord[];
  uiQueue: UiAnswer[];
  /** How long a person takes to answer an alert or prompt (ms); unset: ui.ts's default, 20 s. */
  alertAnswerDelayMs?: number;
  triggerErrors: TriggerErrorRecord[];
  /**
   * Copies of the bound spreadsheet (File.makeCopy, a person's File › Make a copy), each with its
   * own bound script: what that script started with (see services/boundCopy.ts).
   */
  boundCopies?: Record<string, BoundCopy>;
}

/** A copy's own bound script as the copy made it: the original's properties (stricter reading). */
export interface BoundCopy {
  from: string;
  properties: PropertiesState;
}
