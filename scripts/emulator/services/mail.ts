import type { EmulatorContext } from '../core/context';

// Placeholder: replaced by the mail service implementation.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MailState {}

export function createMailState(): MailState {
  return {};
}

export function installMail(ctx: EmulatorContext): { globals: Record<string, unknown>; driver: Record<string, never> } {
  void ctx;
  return { globals: {}, driver: {} };
}
