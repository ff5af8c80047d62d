import type { EmulatorContext } from '../core/context';

// Placeholder: replaced by the properties service implementation.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PropertiesState {}

export function createPropertiesState(): PropertiesState {
  return {};
}

export function installProperties(ctx: EmulatorContext): { globals: Record<string, unknown>; driver: Record<string, never> } {
  void ctx;
  return { globals: {}, driver: {} };
}
