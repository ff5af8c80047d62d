import type { EmulatorContext } from './context';

/**
 * What PropertiesService and CacheService share: a script store, one store per user and a document
 * store (the script is bound to the workbook), kept in state.
 */
export type StoreKind = 'script' | 'user' | 'document';

export interface ScopedStores<T> {
  script: T;
  /** By user email. */
  user: Record<string, T>;
  document: T;
}

/** The store of that kind (a user's store is created on first use). */
export function scopedStore<T extends object>(stores: ScopedStores<T>, kind: StoreKind, user: string): T {
  if (kind !== 'user') return stores[kind];
  stores.user[user] ??= {} as T;
  return stores.user[user];
}

/** Refuses a value over `maxBytes` in UTF-8. // unverified: confirm the text on a real account */
export function checkValueSize(ctx: EmulatorContext, value: string, maxBytes: number): void {
  if (Buffer.byteLength(value) > maxBytes) throw ctx.fail('Argument too large: value');
}
