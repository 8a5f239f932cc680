// Client options: one documented type, one resolver that applies every default and checks every value.

import { API_KEY_PATTERN, API_KEY_SHAPE, DEFAULT_API_URL } from 'masko-wire';
import type { Dispatcher } from 'undici';
import { MaskoError } from './errors.js';
import { type MaskoLogger, rememberSecret } from './redact.js';
import { DEFAULT_RETRY, type RetryOptions } from './retry.js';

export interface MaskoClientOptions {
  /** `masko_` + 64 hex characters. @default process.env.MASKO_API_KEY */
  apiKey?: string;
  /** Base URL of the API, version segment included. @default process.env.MASKO_API_URL ?? 'https://api.masko.ai/v1' */
  apiUrl?: string;
  /** Most sockets per origin. @default 6 */
  connections?: number;
  /** Milliseconds. `connect`: TCP+TLS; `headers`: until response headers; `body`: between two body chunks; `total`: a whole call, retries included. */
  timeouts?: { connect?: number; headers?: number; body?: number; total?: number };
  /** Retries of GETs and downloads (never of generation POSTs). */
  retry?: Partial<RetryOptions>;
  /** Receives `[masko]`-prefixed, redacted lines. @default silent */
  logger?: MaskoLogger;
  /** @default 'masko-client/0.1.0' */
  userAgent?: string;
  /** An undici dispatcher to use instead of the client's own Agent (tests: MockAgent). Not closed by `close()`. */
  dispatcher?: Dispatcher;
}

export interface ResolvedOptions {
  apiKey: string;
  apiUrl: URL;
  connections: number;
  timeouts: { connect: number; headers: number; body: number; total: number };
  retry: RetryOptions;
  logger: MaskoLogger | undefined;
  userAgent: string;
  dispatcher: Dispatcher | undefined;
}

function positive(name: string, value: number | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < min) {
    throw new MaskoError('invalid_options', `option ${name} must be a number ≥ ${min}, got ${String(value)}`);
  }
  return value;
}

export function resolveOptions(options: MaskoClientOptions = {}): ResolvedOptions {
  const apiKey = options.apiKey ?? process.env.MASKO_API_KEY;
  if (!apiKey) {
    throw new MaskoError('no_api_key', 'no API key: pass apiKey or set MASKO_API_KEY (create one at https://app.masko.ai/settings/developer)');
  }
  rememberSecret(apiKey);
  if (!API_KEY_PATTERN.test(apiKey)) {
    // Never echo the value: describe it.
    throw new MaskoError('invalid_options', `option apiKey must be ${API_KEY_SHAPE} (got ${apiKey.length} characters)`);
  }
  const rawUrl = options.apiUrl ?? process.env.MASKO_API_URL ?? DEFAULT_API_URL;
  let apiUrl: URL;
  try {
    apiUrl = new URL(rawUrl);
  } catch {
    throw new MaskoError('invalid_options', `option apiUrl must be an absolute http(s) URL, got "${rawUrl}"`);
  }
  if (apiUrl.protocol !== 'https:' && apiUrl.protocol !== 'http:') {
    throw new MaskoError('invalid_options', `option apiUrl must use http or https, got "${apiUrl.protocol}"`);
  }
  if (apiUrl.username || apiUrl.password) throw new MaskoError('invalid_options', 'option apiUrl must not carry credentials');
  apiUrl.pathname = apiUrl.pathname.replace(/\/+$/, '');
  const t = options.timeouts ?? {};
  const r = options.retry ?? {};
  return {
    apiKey,
    apiUrl,
    connections: positive('connections', options.connections, 6),
    timeouts: {
      connect: positive('timeouts.connect', t.connect, 10_000),
      headers: positive('timeouts.headers', t.headers, 60_000),
      body: positive('timeouts.body', t.body, 30_000),
      total: positive('timeouts.total', t.total, 300_000),
    },
    retry: {
      retries: positive('retry.retries', r.retries, DEFAULT_RETRY.retries, 0),
      minDelayMs: positive('retry.minDelayMs', r.minDelayMs, DEFAULT_RETRY.minDelayMs, 0),
      maxDelayMs: positive('retry.maxDelayMs', r.maxDelayMs, DEFAULT_RETRY.maxDelayMs, 0),
    },
    logger: options.logger,
    userAgent: options.userAgent ?? 'masko-client/0.1.0',
    dispatcher: options.dispatcher,
  };
}
