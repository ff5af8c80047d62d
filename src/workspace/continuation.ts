/**
 * A job that stops before its work is done and goes on in a later execution: a one-off time-driven
 * trigger runs it again (ClockTriggerBuilder.after), and the job itself knows from its own records
 * what is left. Google keeps a one-off trigger after it has fired (it still counts towards the 20
 * triggers of a person: public reports of scripts that "leave thousands of old triggers"), so each
 * run deletes the continuation it may have been started by before it schedules another.
 */
import { scriptProperties } from './properties';

const key = (handler: string) => `tiep_tuc:${handler}`;

/** The unique id of `handler`'s pending continuation, or null. */
export function continuationId(handler: string): string | null {
  return scriptProperties().getProperty(key(handler));
}

/** Deletes the continuation of `handler` recorded by an earlier run, fired or not. */
export function clearContinuation(handler: string): void {
  const properties = scriptProperties();
  const uid = continuationId(handler);
  if (uid === null) return;
  for (const trigger of ScriptApp.getProjectTriggers())
    if (trigger.getUniqueId() === uid) ScriptApp.deleteTrigger(trigger);
  properties.deleteProperty(key(handler));
}

/** Runs `handler` again in `afterMs` (a one-off trigger of the person running this). */
export function scheduleContinuation(handler: string, afterMs: number): void {
  clearContinuation(handler);
  const trigger = ScriptApp.newTrigger(handler).timeBased().after(afterMs).create();
  scriptProperties().setProperty(key(handler), trigger.getUniqueId());
}
