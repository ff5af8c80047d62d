import type { CallInfo, CallLog } from './callLog';
import type { Clock } from './clock';
import type { ErrorFactory } from './errors';
import { isIntrospection, notEmulated } from './errors';
import type { Faults } from './faults';
import type { Runtime } from './runtime';
import type { EmulatorState } from '../state';

/** Constructors of the realm the product code runs in (the gas-local vm context). */
export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
}

/** The deployed project's files other than code: the manifest and the HTML files, by name. */
export interface ProjectFiles {
  manifest: Record<string, unknown>;
  /** File name without `.html` -> content, as HtmlService.createTemplateFromFile expects. */
  html: Record<string, string>;
}

/** Everything a service implementation needs: shared state, clock, call log, faults, runtime. */
export interface EmulatorContext {
  state: EmulatorState;
  clock: Clock;
  log: CallLog;
  faults: Faults;
  runtime: Runtime;
  realm: Realm;
  project: ProjectFiles;
  /** Creates an Apps Script style exception (realm Error, name "Exception"). */
  fail: ErrorFactory;
  /** A Date of the product's realm. */
  toRealmDate(ms: number): Date;
  /** A new identifier, unique within the workspace, e.g. newId('ss') -> "ss-000012". */
  newId(prefix: string): string;
  /**
   * Runs `fn` as the API call `name` (outermost calls only: checks the limits, applies injected
   * faults, logs it and moves the clock by its modelled cost).
   */
  call<T>(name: string, fn: () => T, info?: CallInfo): T;
  /** Attaches a cell count to the API call being run, for the cost model. */
  noteCells(cells: number): void;
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * Base of every emulated Apps Script object. The constructor returns a Proxy so that:
 * - each public method call is logged and passes fault injection (members starting with `_` are
 *   the emulator's internals and are neither logged nor meant for product code);
 * - a member the emulator does not implement throws `Not emulated: Class.member`;
 * - methods run with `this` = the proxy, so chaining (`return this`) keeps the guard.
 * Implementations must not use `#private` fields (they do not work through a Proxy).
 */
export class Emulated {
  protected readonly _ctx: EmulatorContext;
  readonly _className: string;

  constructor(ctx: EmulatorContext, className: string) {
    this._ctx = ctx;
    this._className = className;
    return guard(this, className, ctx);
  }
}

export function guard<T extends object>(target: T, className: string, ctx: EmulatorContext): T {
  const proxy: T = new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop === 'symbol' || prop.startsWith('_')) return Reflect.get(t, prop, receiver);
      if (!(prop in t)) {
        if (isIntrospection(prop)) return undefined;
        return notEmulated(className, prop, ctx.fail);
      }
      const value: unknown = Reflect.get(t, prop, receiver);
      if (typeof value !== 'function' || (Object.prototype as Record<string, unknown>)[prop] === value) {
        return value;
      }
      const method = value as (...args: unknown[]) => unknown;
      return function emulatedMethod(...args: unknown[]) {
        return ctx.call(`${className}.${prop}`, () => method.apply(proxy, args), { target: t, args });
      };
    },
  });
  return proxy;
}

/**
 * An Apps Script enum (e.g. `SpreadsheetApp.ProtectionType`). Values are their names, which is what
 * `String(value)` gives on Google; an unknown member throws `Not emulated`.
 */
export function makeEnum<K extends string>(
  ctx: EmulatorContext,
  enumName: string,
  keys: readonly K[],
): Record<K, K> {
  const values = Object.fromEntries(keys.map((k) => [k, k])) as Record<K, K>;
  return new Proxy(values, {
    get(t, prop) {
      if (typeof prop === 'symbol') return Reflect.get(t, prop);
      if (prop in t) return Reflect.get(t, prop);
      if (isIntrospection(prop)) return undefined;
      throw ctx.fail(`Not emulated: ${enumName}.${prop}`);
    },
  });
}
