/**
 * Every Google API call goes through here: it waits for its quota's limiter, is counted, and is
 * retried with backoff when it fails for a reason that passes.
 */
import type { Clock } from './pool';
import { RateLimiter, realClock } from './pool';
import type { RetryOptions } from './retry';
import { DEFAULT_RETRY, withRetry } from './retry';

/** The per-minute quotas the calls count against. */
export type Bucket = 'sheetsRead' | 'sheetsWrite' | 'drive' | 'script';

export type Limits = Record<Bucket, number>;

/**
 * Sheets: 60 read and 60 write requests per minute per user (Google's documented default). Drive
 * and the Apps Script API are far less tight per minute; their limits here only keep a large run
 * polite and can be raised on the command line.
 */
export const DEFAULT_LIMITS: Limits = { sheetsRead: 60, sheetsWrite: 60, drive: 300, script: 60 };

export interface RequestsOptions {
  limits?: Partial<Limits>;
  clock?: Clock;
  retry?: Partial<RetryOptions>;
}

export class Requests {
  readonly limiters: Record<Bucket, RateLimiter>;
  readonly clock: Clock;
  readonly retry: RetryOptions;
  /** Requests sent, retries included, per quota. */
  readonly sent: Record<Bucket, number> = { sheetsRead: 0, sheetsWrite: 0, drive: 0, script: 0 };
  retries = 0;

  constructor(options: RequestsOptions = {}) {
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.limiters = {
      sheetsRead: new RateLimiter(limits.sheetsRead),
      sheetsWrite: new RateLimiter(limits.sheetsWrite),
      drive: new RateLimiter(limits.drive),
      script: new RateLimiter(limits.script),
    };
    this.clock = options.clock ?? realClock;
    const retry = { ...DEFAULT_RETRY, sleep: this.clock.sleep, ...options.retry };
    const onRetry = retry.onRetry;
    this.retry = {
      ...retry,
      onRetry: (event) => {
        this.retries++;
        onRetry?.(event);
      },
    };
  }

  /** One call: `fn` gets the attempt number and the previous error (see withRetry). */
  call<T>(bucket: Bucket, fn: (attempt: number, previous: unknown) => Promise<T>): Promise<T> {
    return withRetry(async (attempt, previous) => {
      await this.limiters[bucket].acquire(this.clock);
      this.sent[bucket]++;
      return fn(attempt, previous);
    }, this.retry);
  }
}
