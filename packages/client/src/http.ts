// The one place where requests are sent, envelopes unwrapped and failures turned into typed errors.
import type { IncomingHttpHeaders } from 'node:http';
import { unwrapEnvelope, unwrapList } from 'masko-wire';
import { Agent, type Dispatcher, EnvHttpProxyAgent, request } from 'undici';
import type * as v from 'valibot';
import { errorFromResponse, firstHeader, invalidResponse, unexpectedStatus } from './api-errors.js';
import { describeCause, MaskoError, MaskoNetworkError, MaskoTimeoutError } from './errors.js';
import type { ResolvedOptions } from './options.js';
import { RateLimitGate } from './rate-limit.js';
import { safeLogger } from './redact.js';
import { withRetries } from './retry.js';
import { check } from './schemas/check.js';
import { type Pagination, PaginationSchema } from './schemas/resources.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | undefined>;

export interface CallSpec {
  method: Method;
  /** Relative to `apiUrl`, e.g. `/jobs/<id>`. */
  path: string;
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Retry transient failures. @default true for GET, false otherwise */
  retry?: boolean;
  /** Overrides `timeouts.total` for this call. */
  totalMs?: number;
  /** Extra request headers (e.g. `idempotency-key`). */
  headers?: Record<string, string>;
}

export interface ApiResponse<T> {
  data: T;
  meta: Record<string, unknown> | undefined;
  status: number;
  headers: IncomingHttpHeaders;
}

/** A total deadline: the caller's signal combined with a timer. */
export interface Deadline {
  signal: AbortSignal;
  at: number;
  ms: number;
  timedOut(): boolean;
}

export class HttpCore {
  readonly options: ResolvedOptions;
  readonly log: ReturnType<typeof safeLogger>;
  readonly dispatcher: Dispatcher;
  readonly apiOrigin: string;
  /** Server clock − our clock, from the last `Date` header (used to compare server timestamps). */
  serverSkewMs = 0;
  readonly #gate = new RateLimitGate();
  readonly #ownsDispatcher: boolean;

  constructor(options: ResolvedOptions) {
    this.options = options;
    this.log = safeLogger(options.logger);
    this.apiOrigin = options.apiUrl.origin;
    const agentOptions = {
      connections: options.connections,
      connectTimeout: options.timeouts.connect,
      headersTimeout: options.timeouts.headers,
      bodyTimeout: options.timeouts.body,
    };
    const env = process.env;
    const proxied = Boolean(env.https_proxy ?? env.HTTPS_PROXY ?? env.http_proxy ?? env.HTTP_PROXY);
    this.dispatcher = options.dispatcher ?? (proxied ? new EnvHttpProxyAgent(agentOptions) : new Agent(agentOptions));
    this.#ownsDispatcher = !options.dispatcher;
  }

  /** The caller's signal plus the total deadline. */
  deadline(signal?: AbortSignal, totalMs?: number): Deadline {
    const ms = totalMs ?? this.options.timeouts.total;
    const timer = AbortSignal.timeout(ms);
    return {
      signal: signal ? AbortSignal.any([signal, timer]) : timer,
      at: Date.now() + ms,
      ms,
      timedOut: () => timer.aborted && !signal?.aborted,
    };
  }

  /** Absolute URL of an API path. */
  url(path: string, query?: Query): URL {
    const url = new URL(this.options.apiUrl.href);
    const wanted = `${url.pathname}${path}`;
    url.pathname = wanted;
    // Ids are checked where paths are built (ids.ts); this is the second line: a dot segment would be
    // resolved away and the request (with the key) would reach another endpoint.
    if (url.pathname !== wanted)
      throw new MaskoError('invalid_path', `request path ${JSON.stringify(path)} is not a plain API path (it would become ${url.pathname}); nothing was sent`);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }

  /** Headers for a URL: `Authorization` only when it is the API origin. */
  headersFor(url: URL, extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent, ...extra };
    if (url.origin === this.apiOrigin) headers.authorization = `Bearer ${this.options.apiKey}`;
    return headers;
  }

  /** Turns a failure during a call into the error the caller should see. */
  fail(err: unknown, deadline: Deadline, callerSignal: AbortSignal | undefined, what: string, path: string): unknown {
    if (callerSignal?.aborted) return callerSignal.reason;
    if (deadline.timedOut()) {
      return new MaskoTimeoutError(`${what} did not finish within ${deadline.ms} ms (timeouts.total)`, path, { cause: err });
    }
    if (err instanceof Error && err.name.startsWith('Masko')) return err;
    return new MaskoNetworkError(`${what} failed: ${describeCause(err)}`, path, err);
  }

  /** Notes rate-limit and clock headers of any API response. */
  observe(headers: IncomingHttpHeaders): void {
    const date = Date.parse(firstHeader(headers, 'date') ?? '');
    if (!Number.isNaN(date)) this.serverSkewMs = date - Date.now();
    this.#gate.observe(headers, this.serverSkewMs);
  }

  /** Waits while the rate limit window is exhausted. */
  async throttle(signal: AbortSignal): Promise<void> {
    const ms = this.#gate.waitMs;
    if (ms > 0) this.log.debug(`rate limit exhausted: waiting ${ms} ms for X-RateLimit-Reset`);
    await this.#gate.wait(signal);
  }

  /** One API call: retried when idempotent, envelope unwrapped, `data` validated against `schema`. */
  async call<S extends v.GenericSchema>(spec: CallSpec, schema: S): Promise<ApiResponse<v.InferOutput<S>>> {
    const raw = await this.exchange(spec, (body, path) => {
      const { data, meta } = unwrapEnvelope(body);
      const checked = check(schema, data);
      if (!checked.ok) throw invalidResponse(spec.method, path, checked.problem);
      return { data: checked.value as v.InferOutput<S>, meta };
    });
    return raw;
  }

  /** One page of a list endpoint. */
  async page<S extends v.GenericSchema>(spec: CallSpec, itemSchema: S): Promise<{ items: v.InferOutput<S>[]; pagination: Pagination | undefined }> {
    const { data } = await this.exchange(spec, (body, path) => {
      const { data, meta } = unwrapEnvelope(body);
      const list = unwrapList(data);
      if (!Array.isArray(list)) throw invalidResponse(spec.method, path, `data: expected an array, got ${typeof list}`);
      const items: v.InferOutput<S>[] = [];
      for (const [i, entry] of list.entries()) {
        const checked = check(itemSchema, entry);
        if (!checked.ok) throw invalidResponse(spec.method, path, `data[${i}].${checked.problem}`);
        items.push(checked.value as v.InferOutput<S>);
      }
      const p = check(PaginationSchema, meta?.pagination);
      return { data: { items, pagination: p.ok ? p.value : undefined }, meta };
    });
    return data;
  }

  /** Sends a call (with retries when allowed) and hands the parsed 2xx JSON body to `accept`. */
  async exchange<T>(spec: CallSpec, accept: (body: unknown, path: string) => { data: T; meta: Record<string, unknown> | undefined }): Promise<ApiResponse<T>> {
    const url = this.url(spec.path, spec.query);
    const path = url.pathname;
    const what = `${spec.method} ${path}`;
    const deadline = this.deadline(spec.signal, spec.totalMs);
    const once = async (): Promise<ApiResponse<T>> => {
      await this.throttle(deadline.signal);
      const { status, headers, text } = await this.send(url, spec, deadline.signal);
      if (status >= 400) throw errorFromResponse(status, headers, text, spec.method, path);
      // API calls never follow redirects (a hop elsewhere would need the key): say so, not "bad JSON".
      if (status < 200 || status >= 300) throw unexpectedStatus(spec.method, path, status, headers, url);
      let body: unknown;
      if (text.length > 0) {
        try {
          body = JSON.parse(text);
        } catch {
          const type = firstHeader(headers, 'content-type') ?? 'no content type';
          throw invalidResponse(spec.method, path, `answered ${status} with a body that is not JSON (${type})`, status);
        }
      }
      return { ...accept(body, path), status, headers };
    };
    try {
      if (!(spec.retry ?? spec.method === 'GET')) return await once();
      return await withRetries(once, {
        retry: this.options.retry,
        signal: deadline.signal,
        deadline: deadline.at,
        onRetry: (err, attempt, delay) =>
          this.log.debug(`${what}: retry ${attempt}/${this.options.retry.retries} in ${delay} ms after: ${(err as Error).message}`),
      });
    } catch (err) {
      throw this.fail(err, deadline, spec.signal, what, path);
    }
  }

  /** One request; the whole body is read (its failures surface here too). */
  async send(url: URL, spec: CallSpec, signal: AbortSignal): Promise<{ status: number; headers: IncomingHttpHeaders; text: string }> {
    const extra: Record<string, string> = { accept: 'application/json', ...spec.headers };
    if (spec.body !== undefined) extra['content-type'] = 'application/json';
    const res = await request(url, {
      method: spec.method,
      headers: this.headersFor(url, extra),
      body: spec.body === undefined ? null : JSON.stringify(spec.body),
      dispatcher: this.dispatcher,
      signal,
    });
    this.observe(res.headers);
    const text = await res.body.text();
    return { status: res.statusCode, headers: res.headers, text };
  }

  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.dispatcher.close();
  }
}
