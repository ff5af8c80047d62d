import type { EmulatorContext } from '../../core/context';
import { canEdit, contentHandler, findFile, hasAccess, MIME, registerFile } from '../../core/files';
import { runBoundCopy } from '../boundCopy';
import { parseA1 } from './a1';
import { activeSheetOf, newSpreadsheetData, SpreadsheetImpl } from './book';
import { effectiveRule } from './conditional';
import { cellAt, lastColumn, lastRow, spreadsheetData } from './model';
import { conventionsOf } from './locales';
import { editVerdict, PROTECTED_TEXT, WARNING_ONLY_TEXT } from './protection';
import { RangeImpl } from './range';
import type {
  AlertRecord,
  Cell,
  DialogRecord,
  MenuData,
  SheetData,
  SpreadsheetData,
  ToastRecord,
  TriggerErrorRecord,
  UiAnswer,
} from './types';
import { revealedEmail } from '../session';
import { runWhileNextAlertOpen } from './ui';
import { UserImpl } from './user';
import { validationMessage } from './validation';
import { isDateFormat, serialToMs } from './values';
import { contentValue, inputContext, prepareInput, storeContent, violatedRule } from './writes';

/** What a person sees after typing into a cell. */
export interface EditResult {
  accepted: boolean;
  warning?: string;
  message?: string;
}

/** A person without edit access to the file cannot type at all. // unverified: confirm the text */
const VIEW_ONLY_TEXT = 'You can only view this file.';

function canEditFile(ctx: EmulatorContext, ssId: string, email: string): boolean {
  const file = findFile(ctx, ssId);
  return !!file && canEdit(ctx, file, email);
}

/** The event's value texts: Apps Script passes the typed value as a string. // unverified for dates */
function eventText(cell: Cell | undefined): string | undefined {
  if (!cell || (cell.v === undefined && cell.f === undefined)) return undefined;
  if (cell.f !== undefined) return cell.f;
  if (typeof cell.v === 'boolean') return cell.v ? 'TRUE' : 'FALSE';
  return String(cell.v);
}

/** The function of "Item", "Sub-menu > Item", "Menu > Item" or "Menu > Sub-menu > Item". */
function findMenuItem(menus: MenuData[], caption: string): string | null {
  const wanted = caption
    .split('>')
    .map((p) => p.trim())
    .join(' > ');
  for (const menu of menus) {
    for (const item of menu.items) {
      if (item && (item.caption === wanted || `${menu.name} > ${item.caption}` === wanted))
        return item.functionName;
    }
  }
  return null;
}

/** The message of an error of any realm (the product's errors are not host Errors). */
function errorMessage(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error
    ? String(error.message)
    : String(error);
}

/** The hands of the people using the bound spreadsheet, and read-outs for tests. */
export function createDriver(ctx: EmulatorContext) {
  const state = ctx.state.spreadsheet;

  const bound = (): SpreadsheetData => {
    if (!state.activeSpreadsheetId) throw new Error('No bound spreadsheet: call createBound(name) first');
    return spreadsheetData(ctx, state.activeSpreadsheetId);
  };
  const sheetNamed = (ss: SpreadsheetData, name: string): SheetData => {
    const sheet = ss.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`No sheet named "${name}"`);
    return sheet;
  };
  const recordError = (trigger: TriggerErrorRecord['trigger'], user: string, error: unknown) => {
    state.triggerErrors.push({ trigger, user, message: errorMessage(error), at: ctx.clock.now() });
  };
  /**
   * `e.user`: the person as Google reveals them to this trigger, the rules of Session.getActiveUser()
   * (services/session.ts): a simple trigger against the script's owner, an installable one against
   * the trigger's creator.
   */
  const eventUser = (kind: 'simpleTrigger' | 'installableTrigger', user: string, authority: string) =>
    new UserImpl(ctx, revealedEmail(ctx, { kind, user, effectiveUser: authority }));
  const triggerOwner = (uid: string) =>
    ctx.state.script.triggers.find((t) => t.uid === uid)?.owner ?? ctx.state.owner;
  /** Runs the simple trigger, then lets ScriptApp run the installable ones; failures are recorded. */
  const fire = (
    simple: 'onEdit' | 'onOpen',
    type: 'ON_EDIT' | 'ON_OPEN',
    ss: SpreadsheetData,
    user: string,
    event: Record<string, unknown>,
  ) => {
    if (ctx.runtime.hasFunction(simple)) {
      try {
        const simpleEvent = { ...event, user: eventUser('simpleTrigger', user, ctx.state.owner) };
        ctx.runtime.invoke(simple, [simpleEvent], { user, authMode: 'LIMITED', kind: 'simpleTrigger' });
      } catch (error) {
        recordError(simple, user, error);
      }
    }
    try {
      ctx.runtime.emitSpreadsheetEvent({
        type,
        spreadsheetId: ss.id,
        user,
        makeEvent: (triggerUid) => ({
          ...event,
          authMode: 'FULL',
          triggerUid,
          user: eventUser('installableTrigger', user, triggerOwner(triggerUid)),
        }),
      });
    } catch (error) {
      recordError(type, user, error);
    }
  };

  return {
    /**
     * Creates the spreadsheet the script is bound to, owned by the workspace owner, in the owner's
     * locale and time zone (en_US, America/New_York unless `accountLocales` says otherwise); its id.
     */
    createBound(name: string): string {
      const file = registerFile(ctx, {
        name,
        mimeType: MIME.spreadsheet,
        owner: ctx.state.owner,
        idPrefix: 'ss',
      });
      state.spreadsheets[file.id] = newSpreadsheetData(ctx, file.id, ctx.state.owner);
      state.activeSpreadsheetId = file.id;
      return file.id;
    },

    /**
     * A person's File › Make a copy of the bound spreadsheet (they need at least view access, as
     * with a template's `/copy` link): the copy is theirs, in their My Drive, named as Google names
     * it, with its own bound script; the person goes on in the copy, so from now on the emulator runs
     * the copy's script (services/boundCopy.ts). Returns the copy's id.
     */
    makeCopy(copy: { as: string; name?: string }): string {
      const source = findFile(ctx, bound().id)!;
      if (!hasAccess(ctx, source, copy.as)) throw new Error(`${copy.as} cannot open ${source.name}`);
      const file = registerFile(ctx, {
        name: copy.name ?? `Copy of ${source.name}`,
        mimeType: MIME.spreadsheet,
        owner: copy.as,
        idPrefix: 'ss',
      });
      contentHandler(ctx, MIME.spreadsheet)!.copy(source.id, file.id);
      runBoundCopy(ctx, file.id);
      return file.id;
    },

    /** Runs from now on the script bound to `copyId`, a copy made by File.makeCopy of the bound spreadsheet. */
    runCopiedScript(copyId: string): void {
      runBoundCopy(ctx, copyId);
    },

    /** The bound spreadsheet's id (SpreadsheetApp.getActiveSpreadsheet().getId()). */
    activeSpreadsheetId(): string {
      return bound().id;
    },

    /**
     * Whether a person could type into the cell now (file access, then protections), without typing:
     * the check `userEdit` makes first, for tests that probe who may edit what.
     */
    mayEdit(probe: { as: string; sheet: string; a1: string }): boolean {
      const ss = bound();
      const sheet = sheetNamed(ss, probe.sheet);
      const ref = parseA1(probe.a1);
      if (!ref) throw new Error(`mayEdit takes a cell, not "${probe.a1}"`);
      if (!canEditFile(ctx, ss.id, probe.as)) return false;
      const rect = { sheetId: sheet.id, row: ref.row, col: ref.col, numRows: 1, numCols: 1 };
      return editVerdict(ctx, ss, rect, probe.as) !== 'blocked';
    },

    /**
     * A person types `value` into one cell: file access, then protections, then validation decide;
     * an accepted edit is stored (as typed input) and fires onEdit and the installable ON_EDIT triggers.
     */
    userEdit(edit: { as: string; sheet: string; a1: string; value: unknown }): EditResult {
      const ss = bound();
      const sheet = sheetNamed(ss, edit.sheet);
      const ref = parseA1(edit.a1);
      if (!ref || ref.endRow !== ref.row || ref.endCol !== ref.col)
        throw new Error(`userEdit takes one cell, not "${edit.a1}"`);
      const { row, col } = ref;
      if (row > sheet.maxRows || col > sheet.maxCols)
        throw new Error(`${edit.a1} is outside "${edit.sheet}"`);
      if (!canEditFile(ctx, ss.id, edit.as)) return { accepted: false, message: VIEW_ONLY_TEXT };
      const rect = { sheetId: sheet.id, row, col, numRows: 1, numCols: 1 };
      const verdict = editVerdict(ctx, ss, rect, edit.as);
      if (verdict === 'blocked') return { accepted: false, message: PROTECTED_TEXT };
      const before = cellAt(sheet, row, col);
      const content = prepareInput(ctx, ss, before, edit.value, inputContext(ctx, ss));
      const violation = violatedRule(ctx, ss, sheet, row, col, content);
      const invalidText = violation
        ? (violation.rule.helpText ?? validationMessage(violation.a1))
        : undefined;
      if (violation && !violation.rule.allowInvalid) return { accepted: false, message: invalidText };
      const oldValue = eventText(before);
      storeContent(sheet, row, col, content);
      const range = new RangeImpl(ctx, ss.id, sheet.id, row, col, 1, 1);
      // Tanaike's dump shows these plain properties on e.range (facts §2.9).
      Object.assign(range, { rowStart: row, rowEnd: row, columnStart: col, columnEnd: col });
      fire('onEdit', 'ON_EDIT', ss, edit.as, {
        authMode: 'LIMITED',
        oldValue,
        range,
        source: new SpreadsheetImpl(ctx, ss.id),
        value: eventText(cellAt(sheet, row, col)),
      });
      const warning = [verdict === 'warning' ? WARNING_ONLY_TEXT : null, invalidText]
        .filter(Boolean)
        .join(' ');
      return warning ? { accepted: true, warning } : { accepted: true };
    },

    /**
     * A person pastes a block of values with its top-left cell at `a1`: the same checks as a typed
     * edit, for every cell of the block; a single refused cell refuses the whole paste (Sheets shows
     * an error and changes nothing). One edit event covers the block, without value and oldValue
     * (facts §2.9: they exist only for a single cell).
     */
    userPaste(paste: { as: string; sheet: string; a1: string; values: unknown[][] }): EditResult {
      const ss = bound();
      const sheet = sheetNamed(ss, paste.sheet);
      const ref = parseA1(paste.a1);
      if (!ref || ref.endRow !== ref.row || ref.endCol !== ref.col)
        throw new Error(`userPaste takes the top-left cell, not "${paste.a1}"`);
      const numRows = paste.values.length;
      const numCols = paste.values[0]?.length ?? 0;
      if (numRows === 0 || numCols === 0 || paste.values.some((r) => r.length !== numCols))
        throw new Error('userPaste takes a non-empty rectangular block of values');
      const { row, col } = ref;
      if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols)
        throw new Error(`The block at ${paste.a1} does not fit in "${paste.sheet}"`);
      if (!canEditFile(ctx, ss.id, paste.as)) return { accepted: false, message: VIEW_ONLY_TEXT };
      const rect = { sheetId: sheet.id, row, col, numRows, numCols };
      const verdict = editVerdict(ctx, ss, rect, paste.as);
      if (verdict === 'blocked') return { accepted: false, message: PROTECTED_TEXT };
      const reading = inputContext(ctx, ss);
      const contents = paste.values.map((cells, i) =>
        cells.map((value, j) => prepareInput(ctx, ss, cellAt(sheet, row + i, col + j), value, reading)),
      );
      for (let i = 0; i < numRows; i++) {
        for (let j = 0; j < numCols; j++) {
          const violation = violatedRule(ctx, ss, sheet, row + i, col + j, contents[i]![j]!);
          if (violation && !violation.rule.allowInvalid) {
            return { accepted: false, message: violation.rule.helpText ?? validationMessage(violation.a1) };
          }
        }
      }
      contents.forEach((cells, i) =>
        cells.forEach((content, j) => storeContent(sheet, row + i, col + j, content)),
      );
      const range = new RangeImpl(ctx, ss.id, sheet.id, row, col, numRows, numCols);
      Object.assign(range, {
        rowStart: row,
        rowEnd: row + numRows - 1,
        columnStart: col,
        columnEnd: col + numCols - 1,
      });
      fire('onEdit', 'ON_EDIT', ss, paste.as, {
        authMode: 'LIMITED',
        range,
        source: new SpreadsheetImpl(ctx, ss.id),
      });
      return verdict === 'warning' ? { accepted: true, warning: WARNING_ONLY_TEXT } : { accepted: true };
    },

    /**
     * A person opens the spreadsheet: the page's menus start empty, then (for editors: simple
     * triggers do not run in read-only mode) onOpen and the installable ON_OPEN triggers run.
     */
    userOpen(open: { as: string }): void {
      const ss = bound();
      ss.menus = [];
      if (!canEditFile(ctx, ss.id, open.as)) return;
      fire('onOpen', 'ON_OPEN', ss, open.as, {
        authMode: 'LIMITED',
        source: new SpreadsheetImpl(ctx, ss.id),
      });
    },

    /** Clicks a custom menu item ("Item", or "Menu > Item" / "Menu > Sub > Item") and returns its result. */
    clickMenu(caption: string, options: { as: string }): unknown {
      const ss = bound();
      const fn = findMenuItem(ss.menus, caption);
      if (!fn) throw new Error(`No menu item "${caption}" in ${JSON.stringify(ss.menus.map((m) => m.name))}`);
      return ctx.runtime.invoke(fn, [], { user: options.as, kind: 'menu', authMode: 'FULL' });
    },

    /** Answers for the next alerts and prompts, in order (`afterMs`: how long that person takes). */
    queueUiResponse(...answers: UiAnswer[]): void {
      state.uiQueue.push(...answers);
    },

    /** How long people take to answer an alert or prompt from now on (default 20 s). */
    setAlertAnswerDelay(ms: number): void {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`An answer delay is a number of ms ≥ 0, not ${ms}`);
      state.alertAnswerDelayMs = ms;
    },

    /**
     * Runs `fn` while the next alert or prompt is open, its script suspended and holding whatever it
     * holds, at the moment it opens: e.g. an officer ticks "Nộp" while the chair reads a result.
     * An exception thrown by `fn` comes out of that alert() or prompt() call.
     */
    duringNextAlert(fn: () => void): void {
      runWhileNextAlertOpen(ctx, fn);
    },

    /**
     * The used grid of a sheet (A1 to the last row and column with content) as plain values, as a
     * person sees them: a formula's result, not its text.
     */
    values(sheetName: string): unknown[][] {
      const ss = bound();
      const sheet = sheetNamed(ss, sheetName);
      const out: unknown[][] = [];
      for (let r = 1; r <= lastRow(sheet); r++) {
        const line: unknown[] = [];
        for (let c = 1; c <= lastColumn(sheet); c++) {
          const cell = cellAt(sheet, r, c);
          const value = contentValue(ctx, ss, sheet, r, c, cell);
          if (typeof value === 'number' && isDateFormat(cell?.numberFormat))
            line.push(new Date(serialToMs(value, ss.timeZone)));
          else line.push(value ?? '');
        }
        out.push(line);
      }
      return out;
    },
    /**
     * What conditional formatting shows on one cell given its current value: the format of the first
     * rule of the sheet whose ranges hold the cell and whose condition holds (as in Sheets), only the
     * attributes that rule sets; null when no rule applies.
     */
    formatted(
      sheetName: string,
      a1: string,
    ): { background?: string; fontColor?: string; bold?: boolean; italic?: boolean } | null {
      const ss = bound();
      const sheet = sheetNamed(ss, sheetName);
      const ref = parseA1(a1);
      if (!ref || ref.endRow !== ref.row || ref.endCol !== ref.col)
        throw new Error(`formatted takes one cell, not "${a1}"`);
      const value = contentValue(ctx, ss, sheet, ref.row, ref.col, cellAt(sheet, ref.row, ref.col));
      const rule = effectiveRule(sheet, ref.row, ref.col, value, conventionsOf(ss.locale));
      if (!rule) return null;
      const { background, fontColor, bold, italic } = rule.format;
      return {
        ...(background !== null ? { background } : {}),
        ...(fontColor !== null ? { fontColor } : {}),
        ...(bold !== null ? { bold } : {}),
        ...(italic !== null ? { italic } : {}),
      };
    },
    /** The tab names, in order. */
    sheetNames(): string[] {
      return bound().sheets.map((s) => s.name);
    },
    activeSheetName(): string {
      return activeSheetOf(bound()).name;
    },
    menus(): MenuData[] {
      return structuredClone(bound().menus);
    },
    alerts(): AlertRecord[] {
      return structuredClone(state.alerts);
    },
    dialogs(): DialogRecord[] {
      return structuredClone(state.dialogs);
    },
    toasts(): ToastRecord[] {
      return structuredClone(state.toasts);
    },
    triggerErrors(): TriggerErrorRecord[] {
      return structuredClone(state.triggerErrors);
    },
  };
}
