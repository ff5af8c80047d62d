import type { EmulatorContext } from '../core/context';

// Placeholder: replaced by the script service implementation.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ScriptState {}

export function createScriptState(): ScriptState {
  return {};
}

export interface FiredTrigger {
  at: number;
  handler: string;
  uid: string;
  ok: boolean;
  error?: string;
}

export function installScript(ctx: EmulatorContext): {
  globals: Record<string, unknown>;
  driver: { fireDue(until: number): FiredTrigger[] };
} {
  void ctx;
  return { globals: {}, driver: { fireDue: () => [] } };
}
