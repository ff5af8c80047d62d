import type { EmulatorContext } from '../core/context';

// Placeholder: replaced by the drive service implementation.
export function installDrive(ctx: EmulatorContext): { globals: Record<string, unknown>; driver: Record<string, never> } {
  void ctx;
  return { globals: {}, driver: {} };
}
