import type { EmulatorContext } from '../core/context';

// Placeholder: replaced by the cache service implementation.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CacheState {}

export function createCacheState(): CacheState {
  return {};
}

export function installCache(ctx: EmulatorContext): { globals: Record<string, unknown>; driver: Record<string, never> } {
  void ctx;
  return { globals: {}, driver: {} };
}
