import type { EmulatorContext } from '../core/context';

// Placeholder: replaced by the lock service implementation.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LockState {}

export function createLockState(): LockState {
  return {};
}

export function installLock(ctx: EmulatorContext): { globals: Record<string, unknown>; driver: Record<string, never> } {
  void ctx;
  return { globals: {}, driver: {} };
}
