import type { EmulatorContext } from '../../core/context';
import { Emulated, makeEnum } from '../../core/context';
import { spreadsheetData } from './model';
import { checkSignature, signatureError } from './signature';
import type { AlertRecord, ButtonName, ButtonSetName, DialogRecord, MenuEntry, UiAnswer } from './types';

const BUTTONS = ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const;
const BUTTON_SETS = ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const;

/** The buttons of each set; CLOSE (the dialog's ×) is always possible. */
export const SET_BUTTONS: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

export class PromptResponseImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    readonly _button: ButtonName,
    readonly _text: string,
  ) {
    super(ctx, 'PromptResponse');
  }
  getResponseText(): string {
    return this._text;
  }
  getSelectedButton(): ButtonName {
    return this._button;
  }
}

/** A menu under construction; it reaches the spreadsheet (and the state) with addToUi(). */
export class MenuImpl extends Emulated {
  readonly _items: MenuEntry[] = [];

  constructor(
    ctx: EmulatorContext,
    readonly _ssId: string,
    readonly _caption: string,
  ) {
    super(ctx, 'Menu');
  }
  addItem(caption: string, functionName: string): this {
    checkSignature(this._ctx, 'Menu.addItem', [caption, functionName], [['string', 'string']]);
    this._items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this._items.push(null);
    return this;
  }
  addSubMenu(menu: unknown): this {
    if (!(menu instanceof MenuImpl)) throw signatureError(this._ctx, 'Menu.addSubMenu', [menu]);
    for (const item of menu._items)
      this._items.push(item && { ...item, caption: `${menu._caption} > ${item.caption}` });
    return this;
  }
  /** A menu added again with the same caption replaces the earlier one. */
  addToUi(): void {
    const ss = spreadsheetData(this._ctx, this._ssId);
    const menu = { name: this._caption, items: structuredClone(this._items) };
    const at = ss.menus.findIndex((m) => m.name === this._caption);
    if (at >= 0) ss.menus[at] = menu;
    else ss.menus.push(menu);
  }
}

/**
 * How long a person takes to read an alert or answer a prompt when the test does not say. The one
 * public measurement is 2.1 s for an OK alert (an execution transcript, pastebin.com/VzZLHRrM); people
 * who read a result and the link in it take longer, and a longer wait is the stricter reading for
 * anything that waits on the suspended script (its locks). // unverified: a modelled figure
 */
export const DEFAULT_ANSWER_DELAY_MS = 20_000;

/** Code a test runs while the next alert or prompt is open (another person acting meanwhile). */
const alertHooks = new WeakMap<EmulatorContext, Array<() => void>>();

export function runWhileNextAlertOpen(ctx: EmulatorContext, fn: () => void): void {
  const hooks = alertHooks.get(ctx) ?? [];
  hooks.push(fn);
  alertHooks.set(ctx, hooks);
}

/**
 * The script is suspended while the person reads: "Alerts suspend the server-side script while the
 * dialog is open. The script resumes after the user closes the dialog" (Dialogs guide,
 * https://developers.google.com/apps-script/guides/dialogs; the same for prompts). The clock moves by
 * the answer delay and everything the execution holds (its locks) stays held; another execution may
 * run meanwhile (a queued hook). In one thread the suspended script can only resume once that other
 * execution has finished, so when the other takes longer than the delay the answer comes late: never
 * earlier than on Google.
 */
function suspendForAnswer(ctx: EmulatorContext, delayMs: number): void {
  const until = ctx.clock.now() + Math.max(0, delayMs);
  const hook = alertHooks.get(ctx)?.shift();
  if (hook) hook();
  if (ctx.clock.now() < until) ctx.clock.advanceTo(until);
}

interface HtmlLike {
  getContent(): string;
  getTitle(): string;
  getWidth(): number;
  getHeight(): number;
}

/**
 * SpreadsheetApp.getUi(). Alerts and prompts take the next answer queued by the driver; with none
 * queued, an OK-only alert is answered OK and everything else CLOSE (the person closed the dialog).
 * Both suspend the script until answered (suspendForAnswer); custom dialogs and sidebars do not.
 */
export class UiImpl extends Emulated {
  readonly Button: Record<ButtonName, ButtonName>;
  readonly ButtonSet: Record<ButtonSetName, ButtonSetName>;

  constructor(
    ctx: EmulatorContext,
    readonly _ssId: string,
  ) {
    super(ctx, 'Ui');
    this.Button = makeEnum(ctx, 'Ui.Button', BUTTONS);
    this.ButtonSet = makeEnum(ctx, 'Ui.ButtonSet', BUTTON_SETS);
  }

  _user(): string {
    return this._ctx.runtime.current()?.user ?? this._ctx.state.owner;
  }
  /** (prompt) | (prompt, buttons) | (title, prompt, buttons) */
  _dialogArgs(method: string, args: unknown[]): { title: string; prompt: string; buttons: ButtonSetName } {
    const shapes = [['string'], ['string', 'string'], ['string', 'string', 'string']];
    checkSignature(this._ctx, `Ui.${method}`, args, shapes);
    const strings = args as string[];
    const buttons = (strings.length === 1 ? 'OK' : strings[strings.length - 1]) as ButtonSetName;
    if (!BUTTON_SETS.includes(buttons)) throw signatureError(this._ctx, `Ui.${method}`, args);
    return {
      title: strings.length === 3 ? strings[0]! : '',
      prompt: strings.length === 3 ? strings[1]! : strings[0]!,
      buttons,
    };
  }
  _answer(
    kind: AlertRecord['kind'],
    args: { title: string; prompt: string; buttons: ButtonSetName },
  ): UiAnswer {
    const state = this._ctx.state.spreadsheet;
    const queued = state.uiQueue.shift();
    const answer: UiAnswer = queued ?? { button: kind === 'alert' && args.buttons === 'OK' ? 'OK' : 'CLOSE' };
    if (!SET_BUTTONS[args.buttons].includes(answer.button)) {
      throw new Error(
        `The queued answer ${answer.button} is not a button of ${args.buttons} ("${args.prompt}")`,
      );
    }
    const opened = this._ctx.clock.now();
    const record: AlertRecord = {
      kind,
      ...args,
      answer: answer.button,
      user: this._user(),
      at: opened,
      answeredAt: opened,
    };
    if (kind === 'prompt') record.text = answer.text ?? '';
    // Recorded when it opens: whoever acts meanwhile can see it on the chair's screen.
    state.alerts.push(record);
    suspendForAnswer(this._ctx, answer.afterMs ?? state.alertAnswerDelayMs ?? DEFAULT_ANSWER_DELAY_MS);
    record.answeredAt = this._ctx.clock.now();
    return answer;
  }
  _show(kind: DialogRecord['kind'], method: string, userInterface: unknown, title: string | null): void {
    if (!userInterface || typeof userInterface !== 'object')
      throw signatureError(this._ctx, `Ui.${method}`, [userInterface]);
    const html = userInterface as HtmlLike;
    const sized = kind !== 'sidebar';
    this._ctx.state.spreadsheet.dialogs.push({
      kind,
      title: title ?? html.getTitle(),
      content: html.getContent(),
      width: sized ? html.getWidth() : null,
      height: sized ? html.getHeight() : null,
      user: this._user(),
      at: this._ctx.clock.now(),
    });
  }

  createMenu(caption: string): MenuImpl {
    checkSignature(this._ctx, 'Ui.createMenu', [caption], [['string']]);
    return new MenuImpl(this._ctx, this._ssId, caption);
  }
  alert(...args: unknown[]): ButtonName {
    return this._answer('alert', this._dialogArgs('alert', args)).button;
  }
  prompt(...args: unknown[]): PromptResponseImpl {
    const answer = this._answer('prompt', this._dialogArgs('prompt', args));
    return new PromptResponseImpl(this._ctx, answer.button, answer.text ?? '');
  }
  /**
   * Custom dialogs return at once: they "do not suspend the server-side script" and talk to it
   * through google.script.run (Dialogs guide, "Custom dialogs").
   */
  showModalDialog(userInterface: unknown, title: string): void {
    this._show('modal', 'showModalDialog', userInterface, String(title));
  }
  showModelessDialog(userInterface: unknown, title: string): void {
    this._show('modeless', 'showModelessDialog', userInterface, String(title));
  }
  showSidebar(userInterface: unknown): void {
    this._show('sidebar', 'showSidebar', userInterface, null);
  }
}
