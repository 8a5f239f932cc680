// Streamed downloads: bytes go to a temp file beside `dest` while being hashed, then fsync and rename —
// `dest` is either absent or complete. A body cut short is resumed with `Range` + `If-Range` (strong
// ETag) when the host allows it; bad bytes restart from zero. Any final failure removes the temp file.
// Authorization goes to the API origin only (asset hosts never see the key).
import { resolve } from 'node:path';
import { type Dispatcher, request } from 'undici';
import { errorFromResponse } from './api-errors.js';
import { MaskoApiError, MaskoError, MaskoIntegrityError } from './errors.js';
import type { HttpCore } from './http.js';
import { withRetries } from './retry.js';
import { HashedTempFile } from './temp-file.js';

export interface DownloadOptions {
  /** Lowercase hex sha256 the file must have; a mismatch keeps nothing and throws MaskoIntegrityError. */
  expectedSha256?: string;
  signal?: AbortSignal;
  /** Called as bytes arrive; `received` restarts from 0 when a retry starts over. `total` is the full size when known. */
  onProgress?(received: number, total: number | undefined): void;
  /**
   * A fresh URL for the same asset (e.g. `(await masko.assets.get(id)).url`). Called once when the asset
   * host refuses the URL with 401, 403 or 410 — a signed URL that expired — and the download goes on from it.
   */
  refreshUrl?(): Promise<string>;
  /**
   * fsync before the rename, so a power cut never leaves a torn `dest`. A content-addressed cache that
   * re-hashes every file on first read can skip it (a torn file fails that check and is fetched again).
   * @default true
   */
  durable?: boolean;
}

/** What an asset host answers to a signed URL that expired (or was revoked). */
const REFUSED = new Set([401, 403, 410]);

export interface DownloadResult {
  path: string;
  sha256: string;
  bytes: number;
  contentType: string | undefined;
}

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Origin and path only: a signed URL's query may hold a token. Other schemes have no origin (`file:` would
 * read `null/etc/passwd`): scheme and path, cut short (a `data:` URL is the whole file).
 */
export function displayUrl(url: URL): string {
  if (url.protocol === 'http:' || url.protocol === 'https:') return `${url.origin}${url.pathname}`;
  const shown = `${url.protocol}${url.pathname}`;
  return shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
}

function header(res: Dispatcher.ResponseData, name: string): string | undefined {
  const value = res.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** GET following redirects by hand, so each hop's headers are chosen for its own origin. */
async function get(http: HttpCore, start: URL, extra: Record<string, string>, signal: AbortSignal) {
  let url = start;
  for (let hop = 0; ; hop++) {
    const res = await request(url, { method: 'GET', headers: http.headersFor(url, extra), dispatcher: http.dispatcher, signal });
    if (url.origin === http.apiOrigin) http.observe(res.headers);
    const location = header(res, 'location');
    if (!REDIRECTS.has(res.statusCode) || location === undefined) return { res, url };
    await res.body.dump();
    if (hop >= MAX_REDIRECTS) throw new MaskoError('too_many_redirects', `GET ${displayUrl(start)}: more than ${MAX_REDIRECTS} redirects`);
    const next = new URL(location, url);
    if (next.protocol !== 'https:' && next.protocol !== 'http:') {
      throw new MaskoError('unsupported_redirect', `GET ${displayUrl(url)} redirected to an unsupported ${next.protocol} URL`);
    }
    http.log.debug(`GET ${displayUrl(url)} → ${res.statusCode} ${displayUrl(next)}`);
    url = next;
  }
}

/** What survives between attempts of one download. */
interface Progress {
  file: HashedTempFile;
  /** Strong ETag of the bytes in `file`, when the host allows ranges: the condition for resuming. */
  resumeTag: string | undefined;
  total: number | undefined;
  contentType: string | undefined;
}

/** `bytes <start>-<end>/<size>` → start and size. */
function contentRange(value: string | undefined): { start: number; size: number | undefined } | undefined {
  const m = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(value ?? '');
  return m ? { start: Number(m[1]), size: m[3] === '*' ? undefined : Number(m[3]) } : undefined;
}

async function attempt(http: HttpCore, url: URL, p: Progress, opts: DownloadOptions, signal: AbortSignal): Promise<void> {
  const from = p.resumeTag && p.file.received > 0 ? p.file.received : 0;
  const extra: Record<string, string> = from > 0 ? { range: `bytes=${from}-`, 'if-range': p.resumeTag! } : {};
  if (from === 0 && p.file.received > 0) await p.file.restart();
  const { res, url: finalUrl } = await get(http, url, extra, signal);
  const shown = displayUrl(finalUrl);
  try {
    if (res.statusCode >= 300) {
      const text = await res.body.text().catch(() => '');
      throw errorFromResponse(res.statusCode, res.headers, text, 'GET', shown);
    }
    if (header(res, 'x-masko-placeholder') === 'true') {
      throw new MaskoApiError(`GET ${shown} serves a placeholder: the asset's job has not completed yet (wait for it first)`, {
        status: res.statusCode,
        code: 'asset_not_ready',
        url: shown,
      });
    }
    const length = header(res, 'content-length');
    const range = res.statusCode === 206 ? contentRange(header(res, 'content-range')) : undefined;
    if (range && range.start === from && from > 0) {
      http.log.debug(`GET ${shown}: resuming at byte ${from}`);
    } else {
      if (p.file.received > 0) await p.file.restart(); // the host sent the whole file (or a range we did not ask for)
      if (res.statusCode === 206)
        throw new MaskoIntegrityError(`GET ${shown}: unexpected partial answer (${header(res, 'content-range') ?? 'no Content-Range'})`, shown);
    }
    p.total = range?.size ?? (length === undefined ? undefined : p.file.received + Number(length));
    p.contentType = header(res, 'content-type') ?? p.contentType;
    const etag = header(res, 'etag');
    p.resumeTag = etag && !etag.startsWith('W/') && header(res, 'accept-ranges') === 'bytes' ? etag : undefined;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      await p.file.write(chunk);
      opts.onProgress?.(p.file.received, p.total);
    }
    if (p.total !== undefined && p.file.received !== p.total) {
      throw new MaskoIntegrityError(`GET ${shown}: received ${p.file.received} of ${p.total} bytes`, shown);
    }
    if (opts.expectedSha256 && p.file.digest() !== opts.expectedSha256.toLowerCase()) {
      const got = p.file.digest();
      await p.file.restart(); // these bytes are bad: the next attempt starts over
      throw new MaskoIntegrityError(`GET ${shown}: sha256 ${got} does not match the expected ${opts.expectedSha256}`, shown);
    }
  } catch (err) {
    // Release the socket; an unread body emits an abort error nobody needs to hear.
    res.body.on('error', () => undefined);
    res.body.destroy();
    throw err;
  }
}

export async function download(http: HttpCore, url: string, destPath: string, opts: DownloadOptions = {}): Promise<DownloadResult> {
  const parseUrl = (raw: string): URL => {
    let parsed: URL;
    try {
      parsed = new URL(raw, `${http.options.apiUrl.href}/`);
    } catch {
      throw new MaskoError('invalid_argument', `download: ${JSON.stringify(raw.length > 80 ? `${raw.slice(0, 77)}...` : raw)} is not a valid URL`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new MaskoError('invalid_argument', `download ${displayUrl(parsed)}: only http(s) URLs can be downloaded, got ${parsed.protocol}`);
    }
    return parsed;
  };
  let target = parseUrl(url);
  if (opts.expectedSha256 !== undefined && !/^[0-9a-fA-F]{64}$/.test(opts.expectedSha256)) {
    throw new MaskoError('invalid_argument', 'download: expectedSha256 must be 64 hex characters');
  }
  const dest = resolve(destPath);
  const shown = displayUrl(target);
  const deadline = http.deadline(opts.signal);
  const p: Progress = { file: HashedTempFile.open(dest), resumeTag: undefined, total: undefined, contentType: undefined };
  let refreshed = false;
  const once = async (): Promise<void> => {
    try {
      await attempt(http, target, p, opts, deadline.signal);
    } catch (err) {
      if (refreshed || !opts.refreshUrl || !(err instanceof MaskoApiError && REFUSED.has(err.status))) throw err;
      refreshed = true;
      http.log.debug(`GET ${shown}: refused (${err.status}); asking the API for a fresh URL`);
      target = parseUrl(await opts.refreshUrl());
      await p.file.restart();
      p.resumeTag = undefined;
      await attempt(http, target, p, opts, deadline.signal);
    }
  };
  try {
    await withRetries(once, {
      retry: http.options.retry,
      signal: deadline.signal,
      deadline: deadline.at,
      onRetry: (err, n, delay) => http.log.debug(`GET ${shown}: retry ${n}/${http.options.retry.retries} in ${delay} ms after: ${(err as Error).message}`),
    });
    const sha256 = p.file.digest();
    await p.file.commit(dest, opts.durable ?? true);
    return { path: dest, sha256, bytes: p.file.received, contentType: p.contentType };
  } catch (err) {
    await p.file.discard();
    throw http.fail(err, deadline, opts.signal, `GET ${shown}`, shown);
  }
}
