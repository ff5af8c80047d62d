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

interface HtmlLike {
  getContent(): string;
  getTitle(): string;
  getWidth(): number;
  getHeight(): number;
}

/**
 * SpreadsheetApp.getUi(). Alerts and prompts take the next answer queued by the driver; with none
 * queued, an OK-only alert is answered OK and everything else CLOSE (the person closed the dialog).
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
    const record: AlertRecord = {
      kind,
      ...args,
      answer: answer.button,
      user: this._user(),
      at: this._ctx.clock.now(),
    };
    if (kind === 'prompt') record.text = answer.text ?? '';
    state.alerts.push(record);
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
