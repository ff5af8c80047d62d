import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import gasLocal from 'gas-local';
import type { CallInfo, OpenCall } from './core/callLog';
import { CallLog } from './core/callLog';
import { Clock } from './core/clock';
import type { EmulatorContext, ProjectFiles, Realm } from './core/context';
import { makeErrorFactory } from './core/errors';
import { Faults } from './core/faults';
import { createFilesState } from './core/files';
import { checkLimitsBeforeCall, createLimitsState, installLimits } from './core/limits';
import { deserializeState, serializeState } from './core/persist';
import type { ExecutionOptions } from './core/runtime';
import { Runtime } from './core/runtime';
import { checkScopes } from './core/scopes';
import type { EmulatorState } from './state';
import { installAdvancedDocs } from './services/advancedDocs';
import { installAdvancedSheets } from './services/advancedSheets';
import { installAuthorization } from './services/authorization';
import { createCacheState, installCache } from './services/cache';
import { installCharts } from './services/charts';
import { createDocumentState, installDocument } from './services/document';
import { installDrive } from './services/drive';
import { installHtml } from './services/html';
import { createLockState, installLock } from './services/lock';
import { createLoggerState, installLogger } from './services/logger';
import { createMailState, installMail } from './services/mail';
import { createPropertiesState, installProperties } from './services/properties';
import { createScriptState, installScript } from './services/script';
import { installSession } from './services/session';
import type { AccountLocale } from './services/sheets/locales';
import { createSpreadsheetState, installSpreadsheet } from './services/spreadsheet';
import { installUtilities } from './services/utilities';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface EmulatorOptions {
  /** Start of the clock (ignored when restoring a state). */
  now?: Date | number;
  /** Owner of the workbook and the script (ignored when restoring a state). */
  owner?: string;
  /** A state saved by `snapshot()`. */
  state?: string;
  /** The built project (`dist/`): its manifest and HTML files are read from there. */
  distDir?: string;
  /** Accounts' locale and time zone, which the spreadsheets they create start with (default en_US, America/New_York). */
  accountLocales?: Record<string, AccountLocale>;
}

function readProject(distDir: string | undefined): ProjectFiles {
  if (!distDir) return { manifest: { timeZone: DEFAULT_TIME_ZONE }, html: {} };
  const manifestPath = path.join(distDir, 'appsscript.json');
  const manifest = fs.existsSync(manifestPath)
    ? (JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, unknown>)
    : { timeZone: DEFAULT_TIME_ZONE };
  const html: Record<string, string> = {};
  for (const name of fs.readdirSync(distDir)) {
    if (name.endsWith('.html'))
      html[name.slice(0, -'.html'.length)] = fs.readFileSync(path.join(distDir, name), 'utf8');
  }
  return { manifest, html };
}

function freshState(
  now: number,
  owner: string,
  timeZone: string,
  accountLocales: Record<string, AccountLocale> = {},
): EmulatorState {
  return {
    version: 1,
    now,
    owner,
    scriptTimeZone: timeZone,
    nextId: 1,
    files: createFilesState(),
    spreadsheet: createSpreadsheetState(accountLocales),
    document: createDocumentState(),
    script: createScriptState(),
    mail: createMailState(),
    properties: createPropertiesState(),
    cache: createCacheState(),
    lock: createLockState(),
    logger: createLoggerState(),
    limits: createLimitsState(),
  };
}

/**
 * An emulated Google Workspace around one Sheet-bound script. Product code runs in a vm context
 * (loaded with gas-local) whose globals are the emulated services and whose `Date` follows the
 * emulated clock.
 */
export class Emulator {
  readonly ctx: EmulatorContext;
  readonly sandbox: Record<string, unknown>;
  /** The services as the product sees them: SpreadsheetApp, DriveApp, … */
  readonly globals: Record<string, unknown> = {};
  readonly sheets: ReturnType<typeof installSpreadsheet>['driver'];
  readonly documents: ReturnType<typeof installDocument>['driver'];
  readonly drive: ReturnType<typeof installDrive>['driver'];
  readonly html: ReturnType<typeof installHtml>['driver'];
  readonly triggers: ReturnType<typeof installScript>['driver'];
  readonly mail: ReturnType<typeof installMail>['driver'];
  readonly properties: ReturnType<typeof installProperties>['driver'];
  readonly cache: ReturnType<typeof installCache>['driver'];
  readonly lock: ReturnType<typeof installLock>['driver'];
  readonly logger: ReturnType<typeof installLogger>['driver'];
  readonly limits: ReturnType<typeof installLimits>['driver'];
  readonly consent: ReturnType<typeof installAuthorization>['driver'];
  private bundleLoaded = false;

  constructor(options: EmulatorOptions = {}) {
    const project = readProject(options.distDir);
    const timeZone =
      typeof project.manifest.timeZone === 'string' ? project.manifest.timeZone : DEFAULT_TIME_ZONE;
    const state = options.state
      ? deserializeState<EmulatorState>(options.state)
      : freshState(
          new Date(options.now ?? Date.now()).getTime(),
          options.owner ?? 'owner@example.com',
          timeZone,
          options.accountLocales,
        );
    const clock = new Clock(state.now);

    this.sandbox = vm.createContext({}) as Record<string, unknown>;
    const realm = this.installRealm(clock);
    const fail = makeErrorFactory(realm.Error);
    const log = new CallLog(clock);
    const faults = new Faults();
    /** The outermost call under way in each execution (0: outside any), and how deep it is. */
    const active = new Map<number, { call: OpenCall; depth: number }>();
    const ctx: EmulatorContext = {
      state,
      clock,
      log,
      faults,
      realm,
      project,
      fail,
      runtime: new Runtime(() => ctx),
      toRealmDate: (ms) => new realm.Date(ms),
      newId: (prefix) => `${prefix}-${String(state.nextId++).padStart(6, '0')}`,
      call<T>(name: string, fn: () => T, info: CallInfo = {}): T {
        // Per execution: another execution started inside a call (a person acting while a dialog
        // waits) has calls of its own.
        const execution = ctx.runtime.current()?.id ?? 0;
        const outer = active.get(execution);
        if (outer) {
          outer.depth += 1;
          try {
            return fn();
          } finally {
            outer.depth -= 1;
          }
        }
        checkLimitsBeforeCall(ctx);
        const fault = faults.check(name);
        if (fault?.kind === 'hardEnd') ctx.runtime.endHard(fault.message);
        if (fault?.kind === 'timeLimit') throw ctx.runtime.stop(fault.message);
        if (fault) throw fail(fault.message);
        const call = log.begin(name, info, execution);
        active.set(execution, { call, depth: 0 });
        try {
          // Inside the call: a refused call is logged and priced too (it reached Google).
          checkScopes(ctx, name);
          return fn();
        } finally {
          active.delete(execution);
          log.end(call);
        }
      },
      noteCells(cells) {
        const open = active.get(ctx.runtime.current()?.id ?? 0);
        if (open && open.depth === 0) open.call.record.cells = (open.call.record.cells ?? 0) + cells;
      },
    };
    ctx.runtime.sandbox = this.sandbox;
    this.ctx = ctx;

    const install = <D>(installed: { globals: Record<string, unknown>; driver: D }): D => {
      Object.assign(this.globals, installed.globals);
      return installed.driver;
    };
    this.limits = installLimits(ctx).driver;
    this.logger = install(installLogger(ctx));
    this.properties = install(installProperties(ctx));
    this.cache = install(installCache(ctx));
    this.lock = install(installLock(ctx));
    install(installSession(ctx));
    install(installUtilities(ctx));
    this.html = install(installHtml(ctx));
    this.drive = install(installDrive(ctx));
    this.sheets = install(installSpreadsheet(ctx));
    install(installAdvancedSheets(ctx));
    install(installCharts(ctx));
    this.documents = install(installDocument(ctx));
    install(installAdvancedDocs(ctx));
    this.mail = install(installMail(ctx));
    this.triggers = install(installScript(ctx));
    this.consent = install(installAuthorization(ctx));
    Object.assign(this.sandbox, this.globals);
  }

  /** The product's realm: its own Error, and a Date whose "now" is the emulated clock. */
  private installRealm(clock: Clock): Realm {
    this.sandbox.__emulatorNow = () => clock.now();
    vm.runInContext(
      `(() => {
        const RealDate = Date;
        const now = globalThis.__emulatorNow;
        class EmulatedDate extends RealDate {
          constructor(...args) {
            if (args.length === 0) super(now()); else super(...args);
          }
          static now() { return now(); }
        }
        globalThis.Date = EmulatedDate;
      })();`,
      this.sandbox,
    );
    delete this.sandbox.__emulatorNow;
    return {
      Date: this.sandbox.Date as DateConstructor,
      Error: vm.runInContext('Error', this.sandbox) as ErrorConstructor,
      Array: vm.runInContext('Array', this.sandbox) as ArrayConstructor,
      Object: vm.runInContext('Object', this.sandbox) as ObjectConstructor,
    };
  }

  /** Loads the built bundle (every .js file of `distDir`) into the sandbox, as gas-local does. */
  loadBundle(distDir: string): this {
    if (this.bundleLoaded) throw new Error('The bundle is already loaded');
    gasLocal.require(distDir, this.sandbox);
    this.bundleLoaded = true;
    return this;
  }

  get owner(): string {
    return this.ctx.state.owner;
  }

  now(): Date {
    return new Date(this.ctx.clock.now());
  }

  /** Runs code against the services as one execution by `user` (default: the owner). */
  execute<T>(fn: () => T, options: Partial<ExecutionOptions> = {}): T {
    return this.ctx.runtime.execute(fn, { user: this.owner, ...options });
  }

  /** Calls a global function of the product, as the editor's Run button or a menu item would. */
  run(functionName: string, args: unknown[] = [], options: Partial<ExecutionOptions> = {}): unknown {
    return this.ctx.runtime.invoke(functionName, args, { user: this.owner, ...options });
  }

  /** Moves the clock to `until`, firing the time-driven triggers that fall due, in order. */
  tick(until: Date | number): ReturnType<ReturnType<typeof installScript>['driver']['fireDue']> {
    const fired = this.triggers.fireDue(new Date(until).getTime());
    // The runs take modelled time: the clock may already be past `until`.
    this.ctx.clock.advanceTo(Math.max(new Date(until).getTime(), this.ctx.clock.now()));
    return fired;
  }

  /** The whole state as JSON, for a workspace folder. */
  snapshot(): string {
    this.ctx.state.now = this.ctx.clock.now();
    return serializeState(this.ctx.state);
  }
}
