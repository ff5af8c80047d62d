import type { EmulatorContext } from '../core/context';

// Placeholder: replaced by the document service implementation.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DocumentState {}

export function createDocumentState(): DocumentState {
  return {};
}

export function installDocument(ctx: EmulatorContext): { globals: Record<string, unknown>; driver: Record<string, never> } {
  void ctx;
  return { globals: {}, driver: {} };
}
