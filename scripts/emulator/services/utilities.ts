import type { EmulatorContext } from '../core/context';

// Placeholder: replaced by the utilities service implementation.
export function installUtilities(ctx: EmulatorContext): { globals: Record<string, unknown>; driver: Record<string, never> } {
  void ctx;
  return { globals: {}, driver: {} };
}
