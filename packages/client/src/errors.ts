import { redact } from './redact.js';

/** Base class of every error the client throws: message prefixed with `[masko]`, key redacted. */
export class MaskoError extends Error {
  override name = 'MaskoError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(redact(message.startsWith('[masko]') ? message : `[masko] ${message}`), options);
  }
}

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
  readonly code: string;
  readonly url: string;
  readonly required?: number;
  readonly balance?: number;
  readonly retryAfter?: number;
  constructor(message: string, details: MaskoApiErrorDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.status = details.status;
    this.code = details.code;
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
  /** The undici/Node error code of the cause, e.g. `ECONNRESET`, `UND_ERR_BODY_TIMEOUT`. */
  readonly code: string | undefined;
  readonly url: string;
  constructor(message: string, url: string, cause: unknown) {
    super(message, { cause });
    this.url = redact(url);
    this.code = errorCode(cause);
  }
}

/** The total deadline (or `waitForJob`'s `timeoutMs`) passed. */
export class MaskoTimeoutError extends MaskoError {
  override name = 'MaskoTimeoutError';
  readonly url: string;
  constructor(message: string, url: string, options?: { cause?: unknown }) {
    super(message, options);
    this.url = redact(url);
  }
}

/** A download's bytes do not match what was expected (sha256 or length). Nothing is kept on disk. */
export class MaskoIntegrityError extends MaskoError {
  override name = 'MaskoIntegrityError';
  readonly url: string;
  constructor(message: string, url: string) {
    super(message);
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
