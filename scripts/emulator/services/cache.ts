import type { EmulatorContext } from '../core/context';
import { Emulated } from '../core/context';
import { effectiveUser } from '../core/files';
import type { ScopedStores, StoreKind } from '../core/stores';
import { checkValueSize, scopedStore } from '../core/stores';

export interface CacheEntry {
  value: string;
  expiresAt: number;
  /** Write order (JSON does not keep the insertion order of numeric-looking keys). */
  seq: number;
}

export type CacheStore = Record<string, CacheEntry>;

export interface CacheState extends ScopedStores<CacheStore> {
  nextSeq: number;
}

export function createCacheState(): CacheState {
  return { script: {}, user: {}, document: {}, nextSeq: 1 };
}

const DEFAULT_EXPIRY_S = 600;
const MAX_EXPIRY_S = 21_600;
const MAX_KEY_CHARS = 250;
const MAX_VALUE_BYTES = 100 * 1024;
const MAX_ITEMS = 1000;
const ITEMS_KEPT_ON_OVERFLOW = 900;

function storeOf(ctx: EmulatorContext, kind: StoreKind, user: string): CacheStore {
  return scopedStore(ctx.state.cache, kind, user);
}

/** Drops what has expired by the emulated clock. */
function purge(store: CacheStore, now: number): void {
  for (const [key, entry] of Object.entries(store)) if (entry.expiresAt <= now) delete store[key];
}

/** A cache: a view of one store in state; expiry follows the emulated clock. */
class CacheImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    private readonly _kind: StoreKind,
    private readonly _user: string,
  ) {
    super(ctx, 'Cache');
  }

  get(key: string): string | null {
    return this._live()[String(key)]?.value ?? null;
  }

  /** Only the keys found. */
  getAll(keys: string[]): Record<string, string> {
    const store = this._live();
    const found: Record<string, string> = {};
    for (const key of keys.map(String)) {
      const entry = store[key];
      if (entry) found[key] = entry.value;
    }
    return found;
  }

  put(key: string, value: unknown, expirationInSeconds?: number): void {
    this._putMany({ [String(key)]: value }, expirationInSeconds);
  }

  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    this._putMany(values, expirationInSeconds);
  }

  remove(key: string): void {
    delete this._live()[String(key)];
  }

  removeAll(keys: string[]): void {
    const store = this._live();
    for (const key of keys.map(String)) delete store[key];
  }

  _live(): CacheStore {
    const store = storeOf(this._ctx, this._kind, this._user);
    purge(store, this._ctx.clock.now());
    return store;
  }

  _putMany(values: Record<string, unknown>, expirationInSeconds: number | undefined): void {
    const entries = Object.entries(values).map(([key, value]) => [key, String(value)] as const);
    for (const [key, value] of entries) {
      // unverified: confirm on a real account (the text for an over-long key).
      if (key.length > MAX_KEY_CHARS) throw this._ctx.fail('Argument too large: key');
      checkValueSize(this._ctx, value, MAX_VALUE_BYTES);
    }
    // A negative or zero expiry is ignored (third-party finding); above 6 h the maximum applies.
    const seconds =
      expirationInSeconds === undefined || expirationInSeconds < 1
        ? DEFAULT_EXPIRY_S
        : Math.min(expirationInSeconds, MAX_EXPIRY_S);
    const store = this._live();
    const expiresAt = this._ctx.clock.now() + seconds * 1000;
    for (const [key, value] of entries)
      store[key] = { value, expiresAt, seq: this._ctx.state.cache.nextSeq++ };
    this._evict(store);
  }

  /** Over 1,000 items, the cache keeps the 900 farthest from expiration (newest first on ties). */
  _evict(store: CacheStore): void {
    const keys = Object.keys(store);
    if (keys.length <= MAX_ITEMS) return;
    const byKeep = keys.sort(
      (a, b) => store[b]!.expiresAt - store[a]!.expiresAt || store[b]!.seq - store[a]!.seq,
    );
    for (const key of byKeep.slice(ITEMS_KEPT_ON_OVERFLOW)) delete store[key];
  }
}

class CacheServiceImpl extends Emulated {
  constructor(ctx: EmulatorContext) {
    super(ctx, 'CacheService');
  }

  /** Shared by every user of the script. */
  getScriptCache(): CacheImpl {
    return new CacheImpl(this._ctx, 'script', '');
  }

  getUserCache(): CacheImpl {
    return new CacheImpl(this._ctx, 'user', effectiveUser(this._ctx));
  }

  /** The script is bound to the workbook, so the document cache exists. */
  getDocumentCache(): CacheImpl {
    return new CacheImpl(this._ctx, 'document', '');
  }
}

export interface CacheDriver {
  /** The live (unexpired) entries of a cache, key → value. */
  read(kind: StoreKind, user?: string): Record<string, string>;
  /** Empties every cache (Google may drop cached data at any time). */
  clear(): void;
}

export function installCache(ctx: EmulatorContext): {
  globals: { CacheService: CacheServiceImpl };
  driver: CacheDriver;
} {
  return {
    globals: { CacheService: new CacheServiceImpl(ctx) },
    driver: {
      read: (kind, user = ctx.state.owner) => {
        const store = storeOf(ctx, kind, user);
        purge(store, ctx.clock.now());
        return Object.fromEntries(Object.entries(store).map(([key, entry]) => [key, entry.value]));
      },
      clear: () => {
        Object.assign(ctx.state.cache, { script: {}, user: {}, document: {} });
      },
    },
  };
}
