/**
 * The demo's clock: every move goes through `emu.tick`, which fires the daily triggers that fall due
 * (roll-up, quarterly email, reminders) as Google would. A failed trigger stops the demo at once.
 */
import type { Emulator } from '../emulator';
import type { FiredTrigger } from '../emulator/services/script';
import { isoInZone } from '../local/workspace';

const two = (n: number): string => String(n).padStart(2, '0');

/** A moment in Vietnam time (the script's time zone), as people in the district read their clocks. */
export function vietnamTime(year: number, month: number, day: number, hour: number, minute = 0): number {
  return Date.parse(`${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:00+07:00`);
}

export class DemoClock {
  /** Every trigger run so far, in order. */
  readonly fired: FiredTrigger[] = [];

  constructor(private readonly emu: Emulator) {}

  /** Moves to `time`, firing what falls due on the way; throws if any trigger has failed. */
  to(time: number): void {
    if (time < this.emu.now().getTime()) throw new Error(`Đồng hồ không lùi được về ${this.iso(time)}`);
    this.fired.push(...this.emu.tick(time));
    this.assertNoFailures();
  }

  /** Time-driven and edit triggers alike: Google would email a "Summary of failures". */
  assertNoFailures(): void {
    const failure = this.emu.triggers.failures()[0];
    if (failure) {
      throw new Error(`Trigger ${failure.handler} lỗi lúc ${this.iso(failure.at)}: ${failure.message}`);
    }
    const error = this.emu.sheets.triggerErrors()[0];
    if (error) throw new Error(`Trigger ${error.trigger} lỗi lúc ${this.iso(error.at)}: ${error.message}`);
  }

  /** How many times each handler ran. */
  runsByHandler(): Record<string, number> {
    const runs: Record<string, number> = {};
    for (const f of this.fired) runs[f.handler] = (runs[f.handler] ?? 0) + 1;
    return runs;
  }

  iso(time: number = this.emu.now().getTime()): string {
    return isoInZone(time, this.emu.ctx.state.scriptTimeZone);
  }
}
