import type { EmulatorContext } from '../core/context';

// Placeholder: replaced by the logger service implementation.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LoggerState {}

export function createLoggerState(): LoggerState {
  return {};
}

export function installLogger(ctx: EmulatorContext): { globals: Record<string, unknown>; driver: Record<string, never> } {
  void ctx;
  return { globals: {}, driver: {} };
}
