import type { EmulatorContext } from '../../core/context';
import { Emulated } from '../../core/context';
import { findFile, grantRole } from '../../core/files';
import type { FileRecord } from '../../core/files';
import { isIanaTimeZone } from '../../core/time';
import { translateFormula } from './formulas';
import {
  conventionsOf,
  DEFAULT_ACCOUNT_LOCALE,
  DEFAULT_ACCOUNT_TIME_ZONE,
  isEmulatedLocale,
} from './locales';
import { sheetData, spreadsheetData } from './model';
import { ProtectionImpl } from './protection';
import { RangeImpl, rangeFromA1 } from './range';
import { assertCanAddSheet } from './limits';
import { duplicateNameError, nameTaken, SheetImpl } from './sheet';
import { checkSignature, signatureError } from './signature';
import type { NamedRangeData, SheetData, SpreadsheetData } from './types';
import { emailOf, UserImpl } from './user';

/** Size of a new sheet (facts §1.6). */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

export function newSheetData(id: number, name: string): SheetData {
  return {
    id,
    name,
    rows: [],
    maxRows: NEW_SHEET_ROWS,
    maxCols: NEW_SHEET_COLUMNS,
    frozenRows: 0,
    frozenCols: 0,
    widths: {},
    hidden: false,
    tabColor: null,
  };
}

/**
 * A new spreadsheet in its creator's locale and time zone (Emulator option `accountLocales`; an
 * account that set nothing is en_US in New York), with one tab named as the locale names tabs.
 * Sources: https://support.google.com/docs/answer/58515 (locale and time zone are settings of each
 * spreadsheet); https://support.google.com/a/answer/61452 (Docs editors take the creator's zone).
 */
export function newSpreadsheetData(ctx: EmulatorContext, id: string, creator: string): SpreadsheetData {
  const account = ctx.state.spreadsheet.accountLocales?.[creator];
  const locale = account?.locale ?? DEFAULT_ACCOUNT_LOCALE;
  return {
    id,
    sheets: [newSheetData(0, `${conventionsOf(locale).sheetPrefix}1`)],
    activeSheetId: 0,
    nextSheetId: 1,
    timeZone: account?.timeZone ?? DEFAULT_ACCOUNT_TIME_ZONE,
    locale,
    namedRanges: [],
    protections: [],
    menus: [],
  };
}

export function activeSheetOf(ss: SpreadsheetData): SheetData {
  return ss.sheets.find((s) => s.id === ss.activeSheetId) ?? ss.sheets[0]!;
}

export class SpreadsheetImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    readonly _id: string,
  ) {
    super(ctx, 'Spreadsheet');
  }

  _ss(): SpreadsheetData {
    return spreadsheetData(this._ctx, this._id);
  }
  _file(): FileRecord {
    const file = findFile(this._ctx, this._id);
    if (!file) throw new Error(`The spreadsheet ${this._id} has no Drive file`);
    return file;
  }
  _sheetArg(method: string, sheet: unknown): SheetData {
    if (!(sheet instanceof SheetImpl) || sheet._ssId !== this._id)
      throw signatureError(this._ctx, `Spreadsheet.${method}`, [sheet]);
    return sheetData(this._ctx, this._ss(), sheet._sheetId);
  }
  _view(sheet: SheetData): SheetImpl {
    return new SheetImpl(this._ctx, this._id, sheet.id);
  }
  _named(name: string): NamedRangeData | undefined {
    return this._ss().namedRanges.find((n) => n.name === name);
  }

  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._file().name;
  }
  rename(newName: string): void {
    this._file().name = String(newName);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  getOwner(): UserImpl {
    return new UserImpl(this._ctx, this._file().owner);
  }
  /** The owner and the editors. // unverified: confirm on a real account that the owner is listed */
  getEditors(): UserImpl[] {
    const file = this._file();
    return [file.owner, ...file.editors].map((e) => new UserImpl(this._ctx, e));
  }
  addEditor(emailAddress: unknown): this {
    const email = emailOf(emailAddress);
    if (email === null) throw signatureError(this._ctx, 'Spreadsheet.addEditor', [emailAddress]);
    grantRole(this._ctx, this._file(), email, 'EDIT');
    return this;
  }
  addEditors(emailAddresses: string[]): this {
    checkSignature(this._ctx, 'Spreadsheet.addEditors', [emailAddresses], [['array']]);
    for (const email of Array.from(emailAddresses)) grantRole(this._ctx, this._file(), String(email), 'EDIT');
    return this;
  }

  getSheets(): SheetImpl[] {
    return this._ss().sheets.map((s) => this._view(s));
  }
  getNumSheets(): number {
    return this._ss().sheets.length;
  }
  /** "If multiple sheets have the same name, the leftmost one is returned." */
  getSheetByName(name: string): SheetImpl | null {
    const sheet = this._ss().sheets.find((s) => s.name === name);
    return sheet ? this._view(sheet) : null;
  }
  getSheetById(id: number): SheetImpl | null {
    const sheet = this._ss().sheets.find((s) => s.id === id);
    return sheet ? this._view(sheet) : null;
  }
  getActiveSheet(): SheetImpl {
    return this._view(activeSheetOf(this._ss()));
  }
  setActiveSheet(sheet: unknown): SheetImpl {
    const data = this._sheetArg('setActiveSheet', sheet);
    this._ss().activeSheetId = data.id;
    return this._view(data);
  }

  /** Overloads of facts §2.5: ([name], [index], [options]); the new sheet becomes the active one. */
  insertSheet(...args: unknown[]): SheetImpl {
    const ss = this._ss();
    const rest = [...args];
    const name = typeof rest[0] === 'string' ? (rest.shift() as string) : null;
    const index = typeof rest[0] === 'number' ? (rest.shift() as number) : null;
    const options =
      rest[0] !== null && typeof rest[0] === 'object' ? (rest.shift() as { template?: unknown }) : null;
    if (rest.length > 0) throw signatureError(this._ctx, 'Spreadsheet.insertSheet', args);
    if (index !== null && (index < 0 || index > ss.sheets.length)) {
      throw this._ctx.fail('Not emulated: Spreadsheet.insertSheet with an index beyond the last sheet');
    }
    let sheetName = name;
    const prefix = conventionsOf(ss.locale).sheetPrefix;
    for (let n = ss.sheets.length + 1; sheetName === null; n++) {
      if (!nameTaken(ss, `${prefix}${n}`)) sheetName = `${prefix}${n}`;
    }
    if (nameTaken(ss, sheetName)) throw duplicateNameError(this._ctx, sheetName);
    const sheet = newSheetData(ss.nextSheetId++, sheetName);
    if (options?.template !== undefined) {
      const template = this._sheetArg('insertSheet', options.template);
      Object.assign(sheet, structuredClone({ ...template, id: sheet.id, name: sheet.name, hidden: false }));
    }
    // Without an index the sheet goes right after the active one. // unverified: confirm on a real account
    const position = index ?? ss.sheets.indexOf(activeSheetOf(ss)) + 1;
    assertCanAddSheet(this._ctx, ss, sheet);
    ss.sheets.splice(position, 0, sheet);
    ss.activeSheetId = sheet.id;
    return this._view(sheet);
  }
  deleteSheet(sheet: unknown): void {
    const ss = this._ss();
    const data = this._sheetArg('deleteSheet', sheet);
    // unverified: confirm on a real account (facts §2.5)
    if (ss.sheets.length === 1) throw this._ctx.fail("You can't remove all the sheets in a document.");
    const index = ss.sheets.indexOf(data);
    ss.sheets.splice(index, 1);
    ss.protections = ss.protections.filter((p) => p.rect.sheetId !== data.id);
    ss.namedRanges = ss.namedRanges.filter((n) => n.rect.sheetId !== data.id);
    if (ss.activeSheetId === data.id) ss.activeSheetId = ss.sheets[Math.max(index - 1, 0)]!.id;
  }

  getSpreadsheetTimeZone(): string {
    return this._ss().timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    // unverified: confirm the text on a real account
    if (!isIanaTimeZone(String(timezone))) throw this._ctx.fail('Invalid argument: timeZone');
    this._ss().timeZone = String(timezone);
  }
  getSpreadsheetLocale(): string {
    return this._ss().locale;
  }
  /**
   * "Sets the spreadsheet locale" (Spreadsheet reference). Formulas keep their meaning and are shown
   * in the new locale's syntax, as after File > Settings. A locale the emulator has no conventions
   * for is refused (Google accepts more; what it says for a bad code is unknown).
   */
  setSpreadsheetLocale(locale: string): void {
    checkSignature(this._ctx, 'Spreadsheet.setSpreadsheetLocale', [locale], [['string']]);
    if (!isEmulatedLocale(locale)) throw this._ctx.fail(`Not emulated: the spreadsheet locale ${locale}`);
    const ss = this._ss();
    const [from, to] = [conventionsOf(ss.locale), conventionsOf(locale)];
    for (const sheet of ss.sheets) {
      for (const cells of sheet.rows) {
        for (const cell of cells ?? []) {
          if (cell?.f !== undefined) cell.f = translateFormula(cell.f, from, to) ?? cell.f;
        }
      }
    }
    ss.locale = locale;
  }

  /** A1 notation, with a sheet name or on the active sheet. */
  getRange(a1Notation: string): RangeImpl {
    checkSignature(this._ctx, 'Spreadsheet.getRange', [a1Notation], [['string']]);
    const ss = this._ss();
    return rangeFromA1(this._ctx, this._id, a1Notation, (name) =>
      name === null ? activeSheetOf(ss) : ss.sheets.find((s) => s.name === name),
    );
  }
  getRangeByName(name: string): RangeImpl | null {
    const named = this._named(name);
    return named ? new NamedRangeImpl(this._ctx, this._id, named.id)._range() : null;
  }
  /** Names a range; an existing name is moved to the new range. */
  setNamedRange(name: string, range: unknown): void {
    if (!(range instanceof RangeImpl))
      throw signatureError(this._ctx, 'Spreadsheet.setNamedRange', [name, range]);
    const existing = this._named(name);
    if (existing) existing.rect = range._rect();
    else this._ss().namedRanges.push({ id: this._ctx.newId('nr'), name: String(name), rect: range._rect() });
  }
  getNamedRanges(): NamedRangeImpl[] {
    return this._ss().namedRanges.map((n) => new NamedRangeImpl(this._ctx, this._id, n.id));
  }
  removeNamedRange(name: string): void {
    const ss = this._ss();
    // unverified: confirm on a real account what removing an unknown name says
    if (!this._named(name)) throw this._ctx.fail('Range not found');
    ss.namedRanges = ss.namedRanges.filter((n) => n.name !== name);
  }
  getProtections(type: string): ProtectionImpl[] {
    return this._ss()
      .protections.filter((p) => p.type === String(type))
      .map((p) => new ProtectionImpl(this._ctx, this._id, p.id));
  }

  /** Recorded for tests: the message, title and timeout (default 5 s) a person would see. */
  toast(msg: unknown, title?: unknown, timeoutSeconds?: number): void {
    this._ctx.state.spreadsheet.toasts.push({
      spreadsheetId: this._id,
      message: String(msg),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
      at: this._ctx.clock.now(),
    });
  }
}

export class NamedRangeImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    readonly _ssId: string,
    readonly _id: string,
  ) {
    super(ctx, 'NamedRange');
  }
  _data(): NamedRangeData {
    const named = spreadsheetData(this._ctx, this._ssId).namedRanges.find((n) => n.id === this._id);
    // unverified: confirm on a real account
    if (!named) throw this._ctx.fail('Range not found');
    return named;
  }
  _range(): RangeImpl {
    const { rect } = this._data();
    sheetData(this._ctx, spreadsheetData(this._ctx, this._ssId), rect.sheetId);
    return new RangeImpl(this._ctx, this._ssId, rect.sheetId, rect.row, rect.col, rect.numRows, rect.numCols);
  }
  getName(): string {
    return this._data().name;
  }
  setName(name: string): this {
    this._data().name = String(name);
    return this;
  }
  getRange(): RangeImpl {
    return this._range();
  }
  setRange(range: unknown): this {
    if (!(range instanceof RangeImpl)) throw signatureError(this._ctx, 'NamedRange.setRange', [range]);
    this._data().rect = range._rect();
    return this;
  }
  remove(): void {
    const ss = spreadsheetData(this._ctx, this._ssId);
    ss.namedRanges = ss.namedRanges.filter((n) => n.id !== this._id);
  }
}
