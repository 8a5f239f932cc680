import type { IncomingHttpHeaders } from 'node:http';
import { FORMATS } from 'masko-wire';
import type { App } from '../context.js';
import { sha256Hex } from '../model/ids.js';
import { emptyReply, type Reply } from '../http/reply.js';

/** A 1×1 transparent PNG: what an asset URL serves until its job completes. */
const PLACEHOLDER = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'content-length, content-range, etag, accept-ranges, x-masko-placeholder',
};

/**
 * The asset host (the emulated CDN): no auth, stable URLs, ETag, Range and CORS.
 * A pending (or failed) asset serves the placeholder with `X-Masko-Placeholder: true`.
 */
export function serveAsset(app: App, method: string, url: URL, headers: IncomingHttpHeaders): Reply {
  const path = url.pathname;
  if (method === 'OPTIONS') {
    return emptyReply(204, { ...CORS, 'access-control-allow-methods': 'GET, HEAD', 'access-control-allow-headers': 'range' });
  }
  if (method !== 'GET' && method !== 'HEAD') return text(405, `method ${method} not allowed on the asset host`, { allow: 'GET, HEAD' });
  const id = app.store.assetsByPath.get(path);
  const asset = id ? app.store.assets.get(id) : undefined;
  if (!asset?.file) return text(404, `no asset at ${path}`);
  const refused = app.wire.signer?.refuse(path, url.searchParams);
  if (refused) return text(403, refused);

  const ready = asset.status === 'completed';
  const body = ready ? app.media.bytes(asset.file) : PLACEHOLDER;
  const etag = `"${sha256Hex(body).slice(0, 32)}"`;
  const base: Record<string, string> = {
    ...CORS,
    'content-type': ready ? asset.mime : FORMATS.png.contentType,
    'accept-ranges': 'bytes',
    etag,
    'cache-control': ready ? 'public, max-age=3600' : 'no-cache',
    ...(ready ? {} : { 'x-masko-placeholder': 'true' }),
  };
  if (headers['if-none-match'] === etag) return emptyReply(304, base);

  const range = headers.range;
  if (range && (!headers['if-range'] || headers['if-range'] === etag)) {
    const r = parseRange(range, body.length);
    if (r === 'invalid') return { status: 416, headers: { ...base, 'content-range': `bytes */${body.length}` }, body: Buffer.alloc(0) };
    if (r) {
      return {
        status: 206,
        headers: { ...base, 'content-range': `bytes ${r.start}-${r.end}/${body.length}` },
        body: body.subarray(r.start, r.end + 1),
      };
    }
  }
  return { status: 200, headers: base, body };
}

/** One `bytes=` range; undefined to ignore (multi-range), 'invalid' for 416. */
function parseRange(header: string, size: number): { start: number; end: number } | 'invalid' | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return header.includes(',') ? undefined : 'invalid';
  const [, a, b] = m;
  let start: number;
  let end: number;
  if (a === '') {
    if (b === '') return 'invalid';
    start = Math.max(0, size - Number(b));
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start > end || start >= size) return 'invalid';
  return { start, end };
}

function text(status: number, message: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { ...CORS, 'content-type': 'text/plain; charset=utf-8', ...headers }, body: Buffer.from(`${message}\n`) };
}
