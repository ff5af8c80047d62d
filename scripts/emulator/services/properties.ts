import type { EmulatorContext } from '../core/context';
import { Emulated } from '../core/context';
import { effectiveUser } from '../core/files';
import type { ScopedStores, StoreKind } from '../core/stores';
import { checkValueSize, scopedStore } from '../core/stores';

export type PropertyMap = Record<string, string>;

export type PropertiesState = ScopedStores<PropertyMap>;

export function createPropertiesState(): PropertiesState {
  return { script: {}, user: {}, document: {} };
}

const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

function storeMap(ctx: EmulatorContext, kind: StoreKind, user: string): PropertyMap {
  return scopedStore(ctx.state.properties, kind, user);
}

function byteSize(map: PropertyMap): number {
  let total = 0;
  for (const [key, value] of Object.entries(map)) total += Buffer.byteLength(key) + Buffer.byteLength(value);
  return total;
}

/** A property store: a view of one map in state; every read and write goes to the state. */
class PropertiesImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    private readonly _kind: StoreKind,
    private readonly _user: string,
  ) {
    super(ctx, 'Properties');
  }

  getProperty(key: string): string | null {
    return this._map()[String(key)] ?? null;
  }

  setProperty(key: string, value: unknown): this {
    this._write({ ...this._map(), [String(key)]: String(value) });
    return this;
  }

  /** A copy, not a live view. */
  getProperties(): PropertyMap {
    return { ...this._map() };
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): this {
    const incoming = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, String(v)]));
    this._write(deleteAllOthers ? incoming : { ...this._map(), ...incoming });
    return this;
  }

  deleteProperty(key: string): this {
    const next = { ...this._map() };
    delete next[String(key)];
    this._write(next);
    return this;
  }

  deleteAllProperties(): this {
    this._write({});
    return this;
  }

  getKeys(): string[] {
    return Object.keys(this._map());
  }

  _map(): PropertyMap {
    return storeMap(this._ctx, this._kind, this._user);
  }

  /** Checks the limits on the whole new content, then replaces the store (nothing half-written). */
  _write(next: PropertyMap): void {
    for (const value of Object.values(next)) checkValueSize(this._ctx, value, MAX_VALUE_BYTES);
    if (byteSize(next) > MAX_STORE_BYTES) {
      throw this._ctx.fail(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    const map = this._map();
    for (const key of Object.keys(map)) delete map[key];
    Object.assign(map, next);
  }
}

class PropertiesServiceImpl extends Emulated {
  constructor(ctx: EmulatorContext) {
    super(ctx, 'PropertiesService');
  }

  getScriptProperties(): PropertiesImpl {
    return new PropertiesImpl(this._ctx, 'script', '');
  }

  /** The store of the account the code runs as. */
  getUserProperties(): PropertiesImpl {
    return new PropertiesImpl(this._ctx, 'user', effectiveUser(this._ctx));
  }

  /** The script is bound to the workbook, so the document store exists. */
  getDocumentProperties(): PropertiesImpl {
    return new PropertiesImpl(this._ctx, 'document', '');
  }
}

export interface PropertiesDriver {
  /** A copy of a store (`user` names the account for the user store). */
  read(kind: StoreKind, user?: string): PropertyMap;
  /** Sets properties directly, as an administrator would in the project settings. */
  seed(kind: StoreKind, values: PropertyMap, user?: string): void;
}

export function installProperties(ctx: EmulatorContext): {
  globals: { PropertiesService: PropertiesServiceImpl };
  driver: PropertiesDriver;
} {
  return {
    globals: { PropertiesService: new PropertiesServiceImpl(ctx) },
    driver: {
      read: (kind, user = ctx.state.owner) => ({ ...storeMap(ctx, kind, user) }),
      seed: (kind, values, user = ctx.state.owner) => {
        Object.assign(storeMap(ctx, kind, user), values);
      },
    },
  };
}
