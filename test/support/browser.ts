/**
 * Runs the product's HtmlService dialogs in real headless Chromium. A dialog's HTML is taken from
 * the emulator (as recorded by showModalDialog), served from 127.0.0.1 with a `google.script.run`
 * shim injected before its scripts; the shim POSTs each call to this server, which runs the function
 * in the emulator as the user under test, so the page talks to the real bundle.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { Emulator } from '../../scripts/emulator';
import type { DialogRecord } from '../../scripts/emulator/services/sheets/types';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** BROWSER_TESTS=skip is the only way to skip: a missing browser must fail CI, not hide it. */
export const describeInBrowser = process.env.BROWSER_TESTS === 'skip' ? describe.skip : describe;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: the browser tests need it (Debian: apt-get install chromium; ` +
        'or set CHROMIUM_PATH). To skip these tests on purpose, set BROWSER_TESTS=skip.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * Opens a dialog the way a person does: the Sheet is opened (onOpen builds the menu), then the menu
 * item is clicked. Returns the dialog that click showed.
 */
export function openFromMenu(emu: Emulator, caption: string, as: string): DialogRecord {
  emu.sheets.userOpen({ as });
  const before = emu.sheets.dialogs().length;
  emu.sheets.clickMenu(caption, { as });
  const shown = emu.sheets.dialogs().slice(before);
  if (shown.length !== 1) throw new Error(`"${caption}" showed ${shown.length} dialogs, expected 1`);
  return shown[0]!;
}

/**
 * The client side of google.script.run, as documented: a runner whose with…Handler/withUserObject
 * return a new runner (chainable, reusable), one method per server function, callbacks always
 * asynchronous, arguments and results JSON-serialised, the failure handler given an Error. Plain
 * ES5 text, not a TS function, so no transpiler or coverage counter can leak into the page.
 */
function shimScript(functionNames: string[]): string {
  return `<script>
(function () {
  var names = ${JSON.stringify(functionNames)};
  function later(fn) { setTimeout(fn, 0); }
  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body });
  }
  function runner(success, failure, userObject) {
    var r = {
      withSuccessHandler: function (fn) { return runner(fn, failure, userObject); },
      withFailureHandler: function (fn) { return runner(success, fn, userObject); },
      withUserObject: function (o) { return runner(success, failure, o); }
    };
    names.forEach(function (name) {
      r[name] = function () {
        var body = JSON.stringify({ fn: name, args: Array.prototype.slice.call(arguments) });
        function fail(error) {
          later(function () {
            if (failure) failure(error, userObject);
            else console.error(error); // documented: without a failure handler, failures go to the console
          });
        }
        post('/__rpc', body)
          .then(function (res) { return res.json(); })
          .then(function (answer) {
            if (answer.ok) later(function () { if (success) success(answer.value, userObject); });
            else fail(new Error(answer.message));
          }, function (e) { fail(new Error('NetworkError: ' + e)); });
      };
    });
    return r;
  }
  window.__hostClosed = false;
  window.google = {
    script: {
      run: runner(null, null, undefined),
      host: {
        close: function () { window.__hostClosed = true; post('/__close', '{}'); },
        setHeight: function () {},
        setWidth: function () {},
        editor: { focus: function () {} }
      }
    }
  };
})();
</script>`;
}

/** Puts the shim before the page's own scripts: right after <head>, else before the first <script>. */
function inject(html: string, shim: string): string {
  const head = /<head\b[^>]*>/i.exec(html);
  if (head)
    return html.slice(0, head.index + head[0].length) + shim + html.slice(head.index + head[0].length);
  const script = html.search(/<script\b/i);
  return script >= 0 ? html.slice(0, script) + shim + html.slice(script) : shim + html;
}

export interface RpcCall {
  fn: string;
  args: unknown[];
  user: string;
  ok: boolean;
  /** What the function returned (JSON), or the message it threw. */
  value?: unknown;
  message?: string;
}

/** Serves one dialog and answers its google.script.run calls from the emulator. */
export class DialogServer {
  /** Who runs the server functions: the person in front of the dialog. */
  user: string;
  readonly calls: RpcCall[] = [];
  hostClosed = 0;
  private readonly held = new Map<string, Promise<void>>();
  private server!: http.Server;
  url = '';

  constructor(
    private readonly emu: Emulator,
    private readonly html: string,
    user: string,
  ) {
    this.user = user;
  }

  /** The script's global functions, as google.script.run offers them (names ending in _ are private). */
  private functionNames(): string[] {
    const sandbox = this.emu.sandbox;
    return Object.keys(sandbox).filter(
      (name) =>
        typeof sandbox[name] === 'function' &&
        sandbox[name] !== this.emu.ctx.realm.Date &&
        !name.endsWith('_'),
    );
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`harness error: ${String(error)}`);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** Calls of `fn` wait until the returned function is called (to look at the page meanwhile). */
  hold(fn: string): () => void {
    let release!: () => void;
    this.held.set(fn, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.held.delete(fn);
      release();
    };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const reply = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method === 'GET' && req.url === '/') {
      return reply(200, 'text/html', inject(this.html, shimScript(this.functionNames())));
    }
    if (req.method !== 'POST') return reply(404, 'text/plain', 'not found');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if (req.url === '/__close') {
      this.hostClosed += 1;
      return reply(200, 'application/json', '{}');
    }
    if (req.url !== '/__rpc') return reply(404, 'text/plain', 'not found');
    const { fn, args } = JSON.parse(body) as { fn: string; args: unknown[] };
    await this.held.get(fn);
    const call: RpcCall = { fn, args, user: this.user, ok: true };
    this.calls.push(call);
    let answer: { ok: true; value?: unknown } | { ok: false; message: string };
    try {
      if (!this.functionNames().includes(fn)) throw new Error(`Script function not found: ${fn}`);
      // A dialog's call runs as the person using it, with full authorisation, like a menu item.
      const value = this.emu.run(fn, args, { user: this.user, kind: 'menu', authMode: 'FULL' });
      // The product's objects come from another realm; JSON is what crosses the wire on Google too.
      call.value = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
      answer = { ok: true, value: call.value };
    } catch (error) {
      const message = String((error as { message?: unknown })?.message ?? error);
      call.ok = false;
      call.message = message;
      answer = { ok: false, message };
    }
    reply(200, 'application/json', JSON.stringify(answer));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A dialog open in Chromium, with what went wrong on the page. */
export interface OpenDialog {
  page: Page;
  server: DialogServer;
  /** Uncaught errors, alert()/confirm() popups, console errors, requests that left the dialog's server. */
  problems: string[];
}

/**
 * One Chromium per test file (launched in beforeAll), a fresh context and page per dialog opened,
 * everything closed after each test. Call it inside a describe block.
 */
export function useBrowser(): {
  open(emu: Emulator, dialog: DialogRecord, options: OpenOptions): Promise<OpenDialog>;
} {
  let browser: Browser | undefined;
  const opened: Array<{ context: BrowserContext; server: DialogServer }> = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const { context, server } of opened.splice(0)) {
      await context.close();
      await server.stop();
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    async open(emu, dialog, options) {
      if (!browser) throw new Error('Chromium did not start (see the beforeAll error)');
      const server = await new DialogServer(emu, dialog.content, options.user).start();
      const context = await browser.newContext({
        viewport: {
          width: options.width ?? dialog.width ?? 600,
          height: options.height ?? dialog.height ?? 500,
        },
        locale: 'vi-VN',
      });
      opened.push({ context, server });
      const page = await context.newPage();
      page.setDefaultTimeout(10000);
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('dialog', (popup) => {
        problems.push(`${popup.type()}: ${popup.message()}`);
        void popup.dismiss();
      });
      page.on('request', (request) => {
        if (!request.url().startsWith(server.url)) problems.push(`request: ${request.url()}`);
      });
      // Nothing may leave 127.0.0.1: a dialog loads no external resources.
      await context.route(
        (url) => !url.href.startsWith(server.url),
        (route) => route.abort(),
      );
      await page.goto(server.url);
      return { page, server, problems };
    },
  };
}

export interface OpenOptions {
  /** The person using the dialog: google.script.run calls run as them. */
  user: string;
  /** The viewport (default: the dialog's size as the script set it). */
  width?: number;
  height?: number;
}
