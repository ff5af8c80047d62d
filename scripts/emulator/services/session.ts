import type { EmulatorContext } from '../core/context';

// Placeholder: replaced by the session service implementation.
export function installSession(ctx: EmulatorContext): { globals: Record<string, unknown>; driver: Record<string, never> } {
  void ctx;
  return { globals: {}, driver: {} };
}
