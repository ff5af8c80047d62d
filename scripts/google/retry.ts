/**
 * Retrying a Google API call that failed for a reason that passes: a rate limit (HTTP 429, or
 * Drive's 403 with a rate-limit reason), a server error (5xx), a lost connection. The wait doubles
 * each time with random jitter, as Google's "exponential backoff" guidance describes:
 * min(base × 2^n + random(0..base), max), or longer if the server says Retry-After. Everything else
 * (400 bad request, 403 no permission, 404) fails at once: repeating it cannot help.
 */

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  baseMs: number;
  maxMs: number;
  /** Injectable so tests do not wait. */
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  onRetry?: (event: { attempt: number; delayMs: number; error: unknown }) => void;
}

export const realSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** About a minute of waiting in all (1 + 2 + … + 32 s, plus jitter): longer than a per-minute quota
 * window, short enough that a daily quota is recognised. */
export const DEFAULT_RETRY: RetryOptions = {
  attempts: 7,
  baseMs: 1000,
  maxMs: 64_000,
  sleep: realSleep,
  random: Math.random,
};

const RATE_LIMIT_REASONS = new Set([
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'sharingRateLimitExceeded',
  'RATE_LIMIT_EXCEEDED',
]);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

interface ErrorBody {
  error?: { code?: number; message?: string; status?: string; errors?: Array<{ reason?: string }> };
}

function field(error: unknown, key: string): unknown {
  return error && typeof error === 'object' ? (error as Record<string, unknown>)[key] : undefined;
}

function response(error: unknown): { status?: number; data?: unknown; headers?: unknown } | undefined {
  const value = field(error, 'response');
  return value && typeof value === 'object' ? (value as { status?: number }) : undefined;
}

/** The HTTP status of a failed call, or undefined when no response arrived. */
export function httpStatus(error: unknown): number | undefined {
  const status = response(error)?.status ?? field(error, 'status');
  return typeof status === 'number' ? status : undefined;
}

function body(error: unknown): ErrorBody | undefined {
  const data = response(error)?.data;
  if (typeof data === 'string') {
    try {
      return JSON.parse(data) as ErrorBody;
    } catch {
      return undefined;
    }
  }
  return data && typeof data === 'object' ? (data as ErrorBody) : undefined;
}

/** Google's machine-readable reason ("userRateLimitExceeded"), when the error body has one. */
export function errorReason(error: unknown): string | undefined {
  const inner = body(error)?.error;
  return inner?.errors?.[0]?.reason ?? inner?.status;
}

/** The network error code (ECONNRESET…), looking through wrapped causes. */
function networkCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = field(e, 'cause'), depth++) {
    const code = field(e, 'code');
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    const message = field(e, 'message');
    if (typeof message === 'string' && /socket hang up|other side closed|fetch failed/i.test(message))
      return 'ECONNRESET';
  }
  return undefined;
}

/** A rate limit: waiting is the cure. */
export function isRateLimit(error: unknown): boolean {
  const status = httpStatus(error);
  if (status === 429) return true;
  return status === 403 && RATE_LIMIT_REASONS.has(errorReason(error) ?? '');
}

export function isTransient(error: unknown): boolean {
  if (error instanceof RetryError) return false;
  const status = httpStatus(error);
  if (status === undefined) return networkCode(error) !== undefined;
  return isRateLimit(error) || status === 408 || (status >= 500 && status <= 599);
}

/**
 * Whether a failed request may still have taken effect on Google's side: no answer arrived, or the
 * server failed while handling it. A 429 is refused before any work, so it is not ambiguous.
 */
export function isAmbiguous(error: unknown): boolean {
  const status = httpStatus(error);
  return status === undefined ? networkCode(error) !== undefined : status >= 500;
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const getter = (headers as { get?: unknown }).get;
  if (typeof getter === 'function') {
    const value: unknown = getter.call(headers, name);
    return typeof value === 'string' ? value : undefined;
  }
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** The server's Retry-After in milliseconds (seconds form only), if it sent one. */
export function retryAfterMs(error: unknown): number | undefined {
  const text = headerValue(response(error)?.headers, 'retry-after');
  const seconds = text !== undefined && /^\d+$/.test(text.trim()) ? Number(text) : undefined;
  return seconds === undefined ? undefined : seconds * 1000;
}

/** The wait before retry number `retry` (0 for the first retry). */
export function backoffMs(retry: number, options: Pick<RetryOptions, 'baseMs' | 'maxMs' | 'random'>): number {
  return Math.min(options.maxMs, options.baseMs * 2 ** retry + options.random() * options.baseMs);
}

/** One line saying what went wrong: "HTTP 403 (forbidden): The caller does not have permission". */
export function describeError(error: unknown): string {
  if (error instanceof RetryError) return error.message;
  const status = httpStatus(error);
  const inner = body(error)?.error;
  const message = inner?.message ?? (field(error, 'message') as string | undefined) ?? String(error);
  const oneLine = String(message).replace(/\s+/g, ' ').trim();
  if (status !== undefined) {
    const reason = errorReason(error);
    return `HTTP ${status}${reason ? ` (${reason})` : ''}: ${oneLine}`;
  }
  const code = networkCode(error);
  return code ? `mất kết nối (${code}): ${oneLine}` : oneLine;
}

/** A call that still failed after every retry; `last` is the last error. */
export class RetryError extends Error {
  constructor(
    readonly last: unknown,
    readonly attempts: number,
  ) {
    super(`${describeError(last)} (đã thử ${attempts} lần)`);
    this.name = 'RetryError';
  }

  /** Still rate-limited after minutes of backoff: a daily quota, most likely. */
  get rateLimited(): boolean {
    return isRateLimit(this.last);
  }
}

/**
 * Runs `fn` until it succeeds, retrying transient failures with backoff. `fn` gets the attempt
 * number (0 first) and the previous error, so a call that may have taken effect can look before
 * it repeats itself.
 */
export async function withRetry<T>(
  fn: (attempt: number, previous: unknown) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  let previous: unknown;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt, previous);
    } catch (error) {
      if (!isTransient(error)) throw error;
      if (attempt + 1 >= options.attempts) throw new RetryError(error, attempt + 1);
      const delayMs = Math.max(backoffMs(attempt, options), retryAfterMs(error) ?? 0);
      options.onRetry?.({ attempt: attempt + 1, delayMs, error });
      await options.sleep(delayMs);
      previous = error;
    }
  }
}
