import { recordBoundCopy } from './boundCopy';
import type { EmulatorContext } from '../core/context';
import { Emulated, makeEnum } from '../core/context';
import { effectiveUser, findFile, hasAccess, MIME, registerContentHandler } from '../core/files';
import { activeSheetOf, SpreadsheetImpl } from './sheets/book';
import { createDriver } from './sheets/driver';
import { SheetImpl } from './sheets/sheet';
import { BOOLEAN_CRITERIA, ConditionalFormatRuleBuilderImpl } from './sheets/conditional';
import { checkSignature } from './sheets/signature';
import type { AccountLocale } from './sheets/locales';
import type { SpreadsheetState } from './sheets/types';
import { UiImpl } from './sheets/ui';
import { CRITERIA, DataValidationBuilderImpl } from './sheets/validation';

/**
 * SpreadsheetApp: the bound spreadsheet, its sheets and ranges, validation, protection, the Ui, and
 * a driver that plays the people using the spreadsheet. Implementation in ./sheets/.
 */
export type { SpreadsheetState } from './sheets/types';
export type { EditResult } from './sheets/driver';

export function createSpreadsheetState(accountLocales: Record<string, AccountLocale> = {}): SpreadsheetState {
  return {
    spreadsheets: {},
    accountLocales,
    activeSpreadsheetId: null,
    alerts: [],
    dialogs: [],
    toasts: [],
    uiQueue: [],
    triggerErrors: [],
  };
}

/** // unverified: the text most often reported for an id that does not open; confirm on a real account */
const OPEN_FAILED =
  'Unexpected error while getting the method or property openById on object SpreadsheetApp.';
const NO_UI = 'Cannot call SpreadsheetApp.getUi() from this context.';

class SpreadsheetAppImpl extends Emulated {
  readonly DataValidationCriteria: Record<string, string>;
  readonly ProtectionType: Record<string, string>;
  readonly BooleanCriteria: Record<string, string>;

  constructor(ctx: EmulatorContext) {
    super(ctx, 'SpreadsheetApp');
    this.DataValidationCriteria = makeEnum(ctx, 'SpreadsheetApp.DataValidationCriteria', CRITERIA);
    this.ProtectionType = makeEnum(ctx, 'SpreadsheetApp.ProtectionType', ['RANGE', 'SHEET']);
    this.BooleanCriteria = makeEnum(ctx, 'SpreadsheetApp.BooleanCriteria', BOOLEAN_CRITERIA);
  }

  _active(): SpreadsheetImpl | null {
    const id = this._ctx.state.spreadsheet.activeSpreadsheetId;
    return id ? new SpreadsheetImpl(this._ctx, id) : null;
  }

  getActiveSpreadsheet(): SpreadsheetImpl | null {
    return this._active();
  }
  getActive(): SpreadsheetImpl | null {
    return this._active();
  }
  getActiveSheet(): SheetImpl | null {
    const active = this._active();
    return active ? new SheetImpl(this._ctx, active._id, activeSheetOf(active._ss()).id) : null;
  }
  openById(id: string): SpreadsheetImpl {
    checkSignature(this._ctx, 'SpreadsheetApp.openById', [id], [['string']]);
    // A simple trigger may not open other files: core/scopes.ts refuses the call in authMode LIMITED.
    const file = findFile(this._ctx, id);
    const known =
      !!file &&
      file.mimeType === MIME.spreadsheet &&
      !file.trashed &&
      !!this._ctx.state.spreadsheet.spreadsheets[id];
    if (!file || !known || !hasAccess(this._ctx, file, effectiveUser(this._ctx)))
      throw this._ctx.fail(OPEN_FAILED);
    return new SpreadsheetImpl(this._ctx, id);
  }
  /** Writes are applied at once in the emulator; flush only counts (it has a cost on Google). */
  flush(): void {}
  /**
   * No person's editor to show anything in: a time-driven trigger (LesterCovax/crypto-sheets#50,
   * davepar/gcalendarsync#50) or a run from the script editor (benlcollins/SheetSizer#1) throws
   * Google's text, seen in those real runs. The editor case is the stricter reading: a run from the
   * editor of a bound script can reach an open Sheet tab. Outside any execution (a test poking the
   * service) the Ui is there.
   */
  getUi(): UiImpl {
    const id = this._ctx.state.spreadsheet.activeSpreadsheetId;
    const kind = this._ctx.runtime.current()?.kind;
    if (!id || kind === 'timeTrigger' || kind === 'manual') throw this._ctx.fail(NO_UI);
    return new UiImpl(this._ctx, id);
  }
  newDataValidation(): DataValidationBuilderImpl {
    return new DataValidationBuilderImpl(this._ctx);
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilderImpl {
    return new ConditionalFormatRuleBuilderImpl(this._ctx);
  }
}

export function installSpreadsheet(ctx: EmulatorContext) {
  const state = ctx.state.spreadsheet;
  // File.makeCopy of a spreadsheet copies its sheets (and a bound script: boundCopy.ts); the copy
  // starts without menus. No conversions.
  registerContentHandler(ctx, MIME.spreadsheet, {
    copy(fromId, toId) {
      const source = state.spreadsheets[fromId];
      if (source) state.spreadsheets[toId] = { ...structuredClone(source), id: toId, menus: [] };
      recordBoundCopy(ctx, fromId, toId);
    },
    convert: () => null,
  });
  return { globals: { SpreadsheetApp: new SpreadsheetAppImpl(ctx) }, driver: createDriver(ctx) };
}
