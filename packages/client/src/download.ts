// Streamed downloads: bytes go to `<dest>.<random>.tmp` in the destination's folder while being hashed,
// then fsync and rename — so `dest` is either absent or complete, never torn. Any failure removes the
// temp file. Authorization goes to the API origin only (asset hosts never see the key).
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { request, type Dispatcher } from 'undici';
import { MaskoApiError, MaskoError, MaskoIntegrityError } from './errors.js';
import { errorFromResponse, type HttpCore } from './http.js';
import { withRetries } from './retry.js';

export interface DownloadOptions {
  /** Lowercase hex sha256 the file must have; a mismatch keeps nothing and throws MaskoIntegrityError. */
  expectedSha256?: string;
  signal?: AbortSignal;
  /** Called as bytes arrive; `total` is the Content-Length when the server sent one. */
  onProgress?(received: number, total: number | undefined): void;
}

export interface DownloadResult {
  path: string;
  sha256: string;
  bytes: number;
  contentType: string | undefined;
}

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Origin and path only: a signed URL's query may hold a token. */
function displayUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** A local file problem (permissions, full disk, a folder in the way) is not a network error, nor retried. */
function fileError(err: unknown, path: string): MaskoError {
  return new MaskoError(`download: cannot write ${path}: ${(err as Error).message}`, { cause: err });
}

/** GET following redirects by hand, so each hop's headers are chosen for its own origin. */
async function get(http: HttpCore, start: URL, signal: AbortSignal): Promise<{ res: Dispatcher.ResponseData; url: URL }> {
  let url = start;
  for (let hop = 0; ; hop++) {
    const res = await request(url, { method: 'GET', headers: http.headersFor(url), dispatcher: http.dispatcher, signal });
    if (url.origin === http.apiOrigin) http.observe(res.headers);
    const location = res.headers.location;
    if (!REDIRECTS.has(res.statusCode) || typeof location !== 'string') return { res, url };
    await res.body.dump();
    if (hop >= MAX_REDIRECTS) throw new MaskoError(`GET ${displayUrl(start)}: more than ${MAX_REDIRECTS} redirects`);
    const next = new URL(location, url);
    if (next.protocol !== 'https:' && next.protocol !== 'http:') {
      throw new MaskoError(`GET ${displayUrl(url)} redirected to an unsupported ${next.protocol} URL`);
    }
    http.log.debug(`GET ${displayUrl(url)} → ${res.statusCode} ${displayUrl(next)}`);
    url = next;
  }
}

async function attempt(http: HttpCore, url: URL, dest: string, opts: DownloadOptions, signal: AbortSignal): Promise<DownloadResult> {
  const { res, url: finalUrl } = await get(http, url, signal);
  const shown = displayUrl(finalUrl);
  if (res.statusCode >= 300) {
    const text = await res.body.text().catch(() => '');
    throw errorFromResponse(res.statusCode, res.headers, text, 'GET', shown);
  }
  if (res.headers['x-masko-placeholder'] === 'true') {
    await res.body.dump();
    throw new MaskoApiError(`GET ${shown} serves a placeholder: the asset's job has not completed yet (wait for it first)`, {
      status: res.statusCode,
      code: 'asset_not_ready',
      url: shown,
    });
  }
  const lengthHeader = res.headers['content-length'];
  const total = typeof lengthHeader === 'string' ? Number(lengthHeader) : undefined;
  const contentType = typeof res.headers['content-type'] === 'string' ? res.headers['content-type'] : undefined;
  const tmp = `${dest}.${randomBytes(6).toString('hex')}.tmp`;
  const file = await open(tmp, 'wx').catch(async (err: unknown) => {
    await res.body.dump().catch(() => undefined);
    throw fileError(err, tmp);
  });
  const hash = createHash('sha256');
  let received = 0;
  try {
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      hash.update(chunk);
      await file.write(chunk).catch((err: unknown) => Promise.reject(fileError(err, tmp)));
      received += chunk.length;
      opts.onProgress?.(received, total);
    }
    if (total !== undefined && received !== total) {
      throw new MaskoIntegrityError(`GET ${shown}: received ${received} of ${total} bytes`, shown);
    }
    const sha256 = hash.digest('hex');
    if (opts.expectedSha256 && sha256 !== opts.expectedSha256.toLowerCase()) {
      throw new MaskoIntegrityError(`GET ${shown}: sha256 ${sha256} does not match the expected ${opts.expectedSha256}`, shown);
    }
    await file.sync().catch((err: unknown) => Promise.reject(fileError(err, tmp)));
    await file.close();
    await rename(tmp, dest).catch((err: unknown) => Promise.reject(fileError(err, dest)));
    return { path: dest, sha256, bytes: received, contentType };
  } catch (err) {
    res.body.destroy();
    await file.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
}

export async function download(http: HttpCore, url: string, destPath: string, opts: DownloadOptions = {}): Promise<DownloadResult> {
  let target: URL;
  try {
    target = new URL(url, `${http.options.apiUrl.href}/`);
  } catch {
    throw new MaskoError(`download: "${url}" is not a valid URL`);
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    throw new MaskoError(`download: only http(s) URLs can be downloaded, got ${target.protocol}`);
  }
  if (opts.expectedSha256 !== undefined && !/^[0-9a-fA-F]{64}$/.test(opts.expectedSha256)) {
    throw new MaskoError('download: expectedSha256 must be 64 hex characters');
  }
  const dest = resolve(destPath);
  await mkdir(dirname(dest), { recursive: true });
  const shown = displayUrl(target);
  const deadline = http.deadline(opts.signal);
  try {
    return await withRetries(() => attempt(http, target, dest, opts, deadline.signal), {
      retry: http.options.retry,
      signal: deadline.signal,
      deadline: deadline.at,
      onRetry: (err, n, delay) => http.log.debug(`GET ${shown}: retry ${n}/${http.options.retry.retries} in ${delay} ms after: ${(err as Error).message}`),
    });
  } catch (err) {
    throw http.fail(err, deadline, opts.signal, `GET ${shown}`, shown);
  }
}
