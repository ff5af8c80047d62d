import { modelRunTime, RateLimiter, runPool } from '../../scripts/google/pool';
import { Requests } from '../../scripts/google/requests';
import { backoffMs, isAmbiguous, isTransient, RetryError, withRetry } from '../../scripts/google/retry';

/** An error shaped like gaxios's. */
function httpError(status: number, reason?: string, headers?: Record<string, string>) {
  return Object.assign(new Error(`HTTP ${status}`), {
    status,
    response: { status, headers, data: { error: { code: status, message: 'x', errors: [{ reason }] } } },
  });
}

describe('retry', () => {
  it('retries rate limits, server errors and lost connections; not bad requests or missing permission', () => {
    expect(isTransient(httpError(429))).toBe(true);
    expect(isTransient(httpError(403, 'userRateLimitExceeded'))).toBe(true);
    expect(isTransient(httpError(500))).toBe(true);
    expect(isTransient(httpError(503))).toBe(true);
    expect(isTransient(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransient(new TypeError('fetch failed', { cause: { code: 'UND_ERR_SOCKET' } }))).toBe(true);
    expect(isTransient(httpError(400))).toBe(false);
    expect(isTransient(httpError(403, 'forbidden'))).toBe(false);
    expect(isTransient(httpError(404))).toBe(false);
    // Only an answer-less failure or a server error may have done the work anyway.
    expect(isAmbiguous(httpError(429))).toBe(false);
    expect(isAmbiguous(httpError(500))).toBe(true);
    expect(isAmbiguous(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(true);
  });

  it('doubles the wait each time, adds up to one base of jitter, and caps it', () => {
    const options = { baseMs: 1000, maxMs: 64_000 };
    expect([0, 1, 2, 3].map((n) => backoffMs(n, { ...options, random: () => 0 }))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
    expect(backoffMs(2, { ...options, random: () => 0.75 })).toBe(4750);
    expect(backoffMs(10, { ...options, random: () => 0.5 })).toBe(64_000);
  });

  it('gives up after the last attempt with what went wrong and how often it was tried', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const run = withRetry(
      async () => {
        calls++;
        throw httpError(429, 'rateLimitExceeded', { 'retry-after': '5' });
      },
      {
        attempts: 4,
        baseMs: 1000,
        maxMs: 64_000,
        random: () => 0,
        sleep: async (ms) => void sleeps.push(ms),
      },
    );
    await expect(run).rejects.toThrow(RetryError);
    await expect(run).rejects.toThrow('HTTP 429 (rateLimitExceeded): x (đã thử 4 lần)');
    await run.catch((error: RetryError) => expect(error.rateLimited).toBe(true));
    expect(calls).toBe(4);
    expect(sleeps).toEqual([5000, 5000, 5000]);
  });

  it('fails at once on an error that retrying cannot fix', async () => {
    let calls = 0;
    const run = withRetry(
      async () => {
        calls++;
        throw httpError(400);
      },
      { attempts: 5, baseMs: 1, maxMs: 1, random: () => 0, sleep: async () => undefined },
    );
    await expect(run).rejects.toThrow('HTTP 400');
    expect(calls).toBe(1);
  });
});

describe('rate limits and concurrency', () => {
  it('lets at most N requests start in any minute', () => {
    const limiter = new RateLimiter(3);
    const starts = [0, 0, 0, 0, 10_000, 70_000, 70_000].map((now) => limiter.reserve(now));
    expect(starts).toEqual([0, 0, 0, 60_000, 60_000, 70_000, 120_000]);
    for (const start of starts)
      expect(starts.filter((s) => s >= start && s < start + 60_000).length).toBeLessThanOrEqual(3);
  });

  it('holds requests to the Sheets quota on the clock it is given', async () => {
    let now = 0;
    const requests = new Requests({
      limits: { sheetsWrite: 60 },
      clock: { now: () => now, sleep: async (ms) => void (now += ms) },
    });
    const starts: number[] = [];
    for (let i = 0; i < 150; i++) await requests.call('sheetsWrite', async () => starts.push(now));
    expect(starts.filter((s) => s < 60_000)).toHaveLength(60);
    expect(starts.filter((s) => s < 120_000)).toHaveLength(120);
    expect(requests.sent.sheetsWrite).toBe(150);
  });

  it('runs at most `concurrency` items at once, in order, and can stop starting new ones', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    const { notStarted } = await runPool(
      Array.from({ length: 20 }, (_, i) => i),
      3,
      async (i) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
        done.push(i);
      },
      () => done.length >= 10,
    );
    expect(peak).toBe(3);
    expect(done.length + notStarted.length).toBe(20);
    expect(notStarted[notStarted.length - 1]).toBe(19);
  });

  it('models a run: the quota, not the concurrency, sets the pace of a large one', () => {
    // 120 units of [write, write]: 240 writes at 60 a minute start in 4 windows (0, 60, 120, 180 s);
    // in each, 4 lanes of 0.5 s requests start the window's 60 within 7 s.
    const chains = Array.from({ length: 120 }, () => ['sheetsWrite', 'sheetsWrite']);
    expect(modelRunTime(chains, 4, { sheetsWrite: 60 }, 500)).toBe(180_000 + 7_000 + 500);
    // Without a quota: 60 rounds of 4 lanes × 2 requests × 0.5 s.
    expect(modelRunTime(chains, 4, {}, 500)).toBe(30_000);
    expect(modelRunTime([], 4, {}, 500)).toBe(0);
  });
});
