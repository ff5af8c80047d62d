import type { EmulatorContext } from '../core/context';

// Placeholder: replaced by the html service implementation.
export function installHtml(ctx: EmulatorContext): { globals: Record<string, unknown>; driver: Record<string, never> } {
  void ctx;
  return { globals: {}, driver: {} };
}
