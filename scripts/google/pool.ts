/**
 * How many requests run at once and how fast they start. Google's quotas are per minute per user
 * (Sheets: 60 reads and 60 writes), so a limiter per quota lets at most N requests start in any 60 s
 * window, and a pool runs the units' chains of requests side by side up to a concurrency limit.
 * The clock is injectable: tests and the benchmark do not wait in real time.
 */
import { realSleep } from './retry';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep: realSleep };

/** At most `perMinute` starts in any window of `windowMs`; Infinity (or 0) means no limit. */
export class RateLimiter {
  /** Start times of the last `perMinute` requests, oldest first. */
  private readonly starts: number[] = [];

  constructor(
    readonly perMinute: number,
    readonly windowMs = 60_000,
  ) {}

  get unlimited(): boolean {
    return !Number.isFinite(this.perMinute) || this.perMinute <= 0;
  }

  /**
   * Books the earliest start at or after `now` that keeps the window within the limit, and returns
   * it. Callers book in time order (a clock never goes back), so the starts stay sorted.
   */
  reserve(now: number): number {
    if (this.unlimited) return now;
    const limit = this.perMinute;
    let start = now;
    if (this.starts.length >= limit)
      start = Math.max(now, this.starts[this.starts.length - limit]! + this.windowMs);
    this.starts.push(start);
    if (this.starts.length > limit) this.starts.splice(0, this.starts.length - limit);
    return start;
  }

  /** Waits until this request may start. */
  async acquire(clock: Clock): Promise<void> {
    const now = clock.now();
    const start = this.reserve(now);
    if (start > now) await clock.sleep(start - now);
  }
}

/**
 * Runs `worker` over the items, at most `concurrency` at a time, in order of the items. When
 * `shouldStop` turns true no new item starts (those running finish); the result says which items
 * never started.
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  worker: (item: T, index: number) => Promise<void>,
  shouldStop: () => boolean = () => false,
): Promise<{ notStarted: number[] }> {
  let next = 0;
  const notStarted: number[] = [];
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      if (shouldStop()) {
        notStarted.push(index);
        continue;
      }
      await worker(items[index]!, index);
    }
  };
  const lanes = Math.max(1, Math.min(concurrency, items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return { notStarted: notStarted.sort((a, b) => a - b) };
}

/**
 * The time a run would take on Google, modelled the way runPool and the limiters schedule it: each
 * chain (the requests of one unit, in order, each naming its quota) runs on one of `concurrency`
 * lanes, a request starts when its lane is free and its quota allows, and takes `latencyMs`.
 * Returns the finish time in milliseconds.
 */
export function modelRunTime(
  chains: ReadonlyArray<readonly string[]>,
  concurrency: number,
  limits: Readonly<Record<string, number>>,
  latencyMs: number,
): number {
  const limiters = new Map<string, RateLimiter>();
  const limiter = (bucket: string): RateLimiter => {
    let found = limiters.get(bucket);
    if (!found) {
      found = new RateLimiter(limits[bucket] ?? Infinity);
      limiters.set(bucket, found);
    }
    return found;
  };
  // Each lane: when it is next free, the chain it runs and how far it got. The lane free first is
  // served first, so every limiter books in time order, as in a real run.
  const lanes = Array.from({ length: Math.max(1, concurrency) }, () => ({ free: 0, chain: -1, step: 0 }));
  let nextChain = 0;
  let finish = 0;
  for (;;) {
    let lane: (typeof lanes)[number] | undefined;
    for (const candidate of lanes) {
      const working = candidate.chain >= 0 && candidate.step < chains[candidate.chain]!.length;
      if ((working || nextChain < chains.length) && (!lane || candidate.free < lane.free)) lane = candidate;
    }
    if (!lane) return finish;
    if (lane.chain < 0 || lane.step >= chains[lane.chain]!.length) {
      lane.chain = nextChain++;
      lane.step = 0;
      continue;
    }
    const bucket = chains[lane.chain]![lane.step++]!;
    lane.free = limiter(bucket).reserve(lane.free) + latencyMs;
    finish = Math.max(finish, lane.free);
  }
}
