// The retry loop for idempotent requests (GETs and downloads). Our own small loop rather than undici's
// RetryAgent because we retry whole exchanges, body included: RetryAgent resumes a broken body with
// `Range`, which the JSON API does not serve, and after its last attempt it throws a RequestRetryError
// that hides the API's `{error:{code}}` body. Here the last error is the real, typed one.
import { setTimeout as sleep } from 'node:timers/promises';
import { errorCode, MaskoApiError, MaskoError, MaskoIntegrityError } from './errors.js';

export interface RetryOptions {
  /** Retries after the first attempt. @default 4 */
  retries: number;
  /** First backoff delay. @default 250 */
  minDelayMs: number;
  /** Longest backoff delay (a server's `Retry-After` may ask for more, and is honoured). @default 10000 */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { retries: 4, minDelayMs: 250, maxDelayMs: 10_000 };

/** Statuses worth another try: rate limited, or a server/gateway failure. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Network failures worth another try (the request or its body broke, or a per-phase timeout hit). */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_CLOSED',
]);

/** Whether a failure is transient: a retryable status, a damaged download, or a network error by its code. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof MaskoApiError) return RETRYABLE_STATUSES.has(err.status) || err.code === 'invalid_response';
  if (err instanceof MaskoIntegrityError) return true;
  if (err instanceof MaskoError) return false; // our own usage errors
  const code = errorCode(err);
  return code !== undefined && RETRYABLE_CODES.has(code);
}

/** `Retry-After` (delta seconds or HTTP date) in milliseconds, or undefined when absent/invalid. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with jitter in [½, 1] of the step, capped at `maxDelayMs`. */
export function backoffDelay(attempt: number, opts: RetryOptions, random = Math.random): number {
  const step = Math.min(opts.maxDelayMs, opts.minDelayMs * 2 ** attempt);
  return Math.round(step * (0.5 + random() / 2));
}

export interface RetryLoopOptions {
  retry: RetryOptions;
  signal: AbortSignal;
  /** Epoch ms after which no new attempt starts. */
  deadline: number;
  onRetry?(err: unknown, attempt: number, delayMs: number): void;
  /** @default isRetryable */
  shouldRetry?(err: unknown): boolean;
}

/**
 * Runs `attempt` until it succeeds, fails with a permanent error, or retries run out. The delay is the
 * server's `Retry-After` when it sent one, else backoff. When the wait would pass the deadline the
 * current error is thrown at once: it says more than a timeout would.
 */
export async function withRetries<T>(attempt: (n: number) => Promise<T>, opts: RetryLoopOptions): Promise<T> {
  const shouldRetry = opts.shouldRetry ?? isRetryable;
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (n >= opts.retry.retries || opts.signal.aborted || !shouldRetry(err)) throw err;
      const retryAfterS = err instanceof MaskoApiError ? err.retryAfter : undefined;
      const delay = retryAfterS !== undefined ? retryAfterS * 1000 : backoffDelay(n, opts.retry);
      if (Date.now() + delay >= opts.deadline) throw err;
      opts.onRetry?.(err, n + 1, delay);
      await sleep(delay, undefined, { signal: opts.signal });
    }
  }
}
