import { MaskoError } from 'masko-wire';
import { redact } from './redact.js';

/** Every error the client throws is one (masko-wire's, shared with the plugin): `code`, `[masko]` prefix, key redacted. */
export { MaskoError };

export interface MaskoApiErrorDetails {
  status: number;
  code: string;
  /** Path of the request (`/v1/jobs/…`), never the full URL with query or credentials. */
  url: string;
  /** 402: credits the operation needs. */
  required?: number;
  /** 402: credits the account has (`available` in the old API revision). */
  balance?: number;
  /** 429: seconds the server asked us to wait. */
  retryAfter?: number;
}

/** The API answered with an error (or with something that is not the documented shape). */
export class MaskoApiError extends MaskoError {
  override name = 'MaskoApiError';
  readonly status: number;
  readonly url: string;
  readonly required?: number;
  readonly balance?: number;
  readonly retryAfter?: number;
  constructor(message: string, details: MaskoApiErrorDetails, options?: { cause?: unknown }) {
    super(details.code, message, undefined, options);
    this.status = details.status;
    this.url = redact(details.url);
    if (details.required !== undefined) this.required = details.required;
    if (details.balance !== undefined) this.balance = details.balance;
    if (details.retryAfter !== undefined) this.retryAfter = details.retryAfter;
  }
}

/** `waitForJob` saw the job end `failed` (its credits are refunded by the server). `job` holds the final state. */
export class MaskoJobFailedError extends MaskoApiError {
  override name = 'MaskoJobFailedError';
  readonly job: unknown;
  constructor(message: string, details: MaskoApiErrorDetails, job: unknown) {
    super(message, details);
    this.job = job;
  }
}

/** The request never got a complete answer (refused, reset, truncated, stalled). `cause` keeps the undici error. */
export class MaskoNetworkError extends MaskoError {
  override name = 'MaskoNetworkError';
  readonly url: string;
  /** `code`: the undici/Node error code of the cause, e.g. `ECONNRESET`, `UND_ERR_BODY_TIMEOUT`; `network_error` when it has none. */
  constructor(message: string, url: string, cause: unknown) {
    super(errorCode(cause) ?? 'network_error', message, undefined, { cause });
    this.url = redact(url);
  }
}

/** The total deadline (or `waitForJob`'s `timeoutMs`) passed. */
export class MaskoTimeoutError extends MaskoError {
  override name = 'MaskoTimeoutError';
  readonly url: string;
  constructor(message: string, url: string, options?: { cause?: unknown }) {
    super('timeout', message, undefined, options);
    this.url = redact(url);
  }
}

/** A download's bytes do not match what was expected (sha256 or length). Nothing is kept on disk. */
export class MaskoIntegrityError extends MaskoError {
  override name = 'MaskoIntegrityError';
  readonly url: string;
  constructor(message: string, url: string) {
    super('integrity_mismatch', message);
    this.url = redact(url);
  }
}

/** The `code` of an error or of its first cause that has one. */
export function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** `message (code)` of an error and its causes, for readable network errors (`fetch failed` alone is useless). */
export function describeCause(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    const { message, code } = e as { message?: unknown; code?: unknown };
    const text = [typeof message === 'string' ? message : String(e), typeof code === 'string' ? `(${code})` : ''].filter(Boolean).join(' ');
    if (!parts.includes(text)) parts.push(text);
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join(' <- ');
}
