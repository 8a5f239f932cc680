// A loopback static server for the browser benchmarks: serves the repo root with Range support
// (video elements need it) and counts the body bytes it sends per path, so a benchmark can say
// what a page really fetched.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.png': 'image/png',
};

/**
 * Serves `dir` on 127.0.0.1. `pages` maps extra paths to HTML strings (the benchmark pages).
 * `cache` sets `Cache-Control: max-age` on files (preloaded runs) or `no-store` (cold runs).
 */
export async function serveDir(dir, { pages = {}, cache = false } = {}) {
  const sent = new Map();
  const count = (path, n) => sent.set(path, (sent.get(path) ?? 0) + n);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (pages[path] !== undefined) {
      res.setHeader('Content-Type', 'text/html');
      return res.end(pages[path]);
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.statusCode = 403;
      return res.end();
    }
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) {
      res.statusCode = 404;
      return res.end();
    }
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Cache-Control', cache ? 'public, max-age=3600' : 'no-store');
    const range = /bytes=(\d*)-(\d*)/.exec(req.headers.range ?? '');
    let start = 0;
    let end = info.size - 1;
    if (range) {
      start = range[1] ? Number(range[1]) : 0;
      end = range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1;
      res.statusCode = 206;
      res.setHeader('Content-Range', `bytes ${start}-${end}/${info.size}`);
    }
    res.setHeader('Content-Length', String(end - start + 1));
    if (req.method === 'HEAD') return res.end();
    const stream = createReadStream(file, { start, end });
    stream.on('data', (chunk) => count(path, chunk.length));
    stream.pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    /** Body bytes sent per path since the last reset. */
    sent: () => new Map(sent),
    resetCounts: () => sent.clear(),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
