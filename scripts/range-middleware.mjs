// Byte ranges for web-test-runner's static files. WebKit (Safari as well as WebKitGTK) asks for media
// in ranges and fails a video whose server answers a later range with 200 and the whole file
// ("Received unexpected 200 HTTP status code for range request"); the dev server does not do ranges.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/** The answer's bytes as a stream factory and a size: a file koa-send streams, or a cached Buffer/string. */
async function source(body) {
  if (typeof body?.path === 'string' && typeof body.pipe === 'function') {
    body.destroy();
    const { size } = await stat(body.path);
    return { size, slice: (start, end) => createReadStream(body.path, { start, end }) };
  }
  if (Buffer.isBuffer(body) || typeof body === 'string') {
    const bytes = Buffer.from(body);
    return { size: bytes.length, slice: (start, end) => bytes.subarray(start, end + 1) };
  }
  return undefined;
}

export function rangeMiddleware() {
  return async (ctx, next) => {
    await next();
    if (ctx.status !== 200 || ctx.method !== 'GET' || !/\.(webm|mp4|mov)$/.test(ctx.path)) return;
    ctx.set('Accept-Ranges', 'bytes');
    const range = /^bytes=(\d*)-(\d*)$/.exec(ctx.get('Range'));
    if (!range || (!range[1] && !range[2])) return;
    const body = await source(ctx.body);
    if (!body) return;
    const { size } = body;
    // "bytes=-N" is the last N bytes.
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start > end || start >= size) {
      ctx.status = 416;
      ctx.set('Content-Range', `bytes */${size}`);
      ctx.body = null;
      return;
    }
    ctx.status = 206;
    ctx.set('Content-Range', `bytes ${start}-${end}/${size}`);
    ctx.body = body.slice(start, end);
    ctx.length = end - start + 1;
  };
}
