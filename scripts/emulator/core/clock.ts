/** The emulated wall clock: it only moves when a test, the command line or a waiting call moves it. */
export class Clock {
  constructor(private nowMs: number) {}

  now(): number {
    return this.nowMs;
  }

  /** Moves forward; the clock never runs backwards. */
  advanceTo(ms: number): void {
    if (ms < this.nowMs) {
      throw new Error(
        `The clock cannot move back from ${new Date(this.nowMs).toISOString()} to ${new Date(ms).toISOString()}`,
      );
    }
    this.nowMs = ms;
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.nowMs + ms);
  }
}
