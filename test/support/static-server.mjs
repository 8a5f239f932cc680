// A loopback static server for the end-to-end tests and the browser benchmarks: serves a folder with
// Range support (video elements need it) and counts the body bytes it sends per path, so a benchmark
// can say what a page really fetched. Plain JavaScript so that `node bench/…` runs it without a build;
// its types are in static-server.d.mts.
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
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/**
 * Serves `dir` on 127.0.0.1 under `prefix` (default `/`; a path that is exactly the prefix serves
 * `index.html`). `pages` maps extra paths to HTML strings (the benchmark pages). `cache` sets
 * `Cache-Control: max-age` on files (true) or `no-store` (false); left out, no such header.
 */
export async function startStaticServer(dir, { prefix = '/', pages = {}, cache } = {}) {
  const sent = new Map();
  const count = (path, n) => sent.set(path, (sent.get(path) ?? 0) + n);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (pages[path] !== undefined) {
      res.setHeader('Content-Type', 'text/html');
      return res.end(pages[path]);
    }
    if (!path.startsWith(prefix)) {
      res.statusCode = 404;
      return res.end();
    }
    const file = normalize(join(dir, path.slice(prefix.length) || 'index.html'));
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
    if (cache !== undefined) res.setHeader('Cache-Control', cache ? 'public, max-age=3600' : 'no-store');
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
    origin: `http://127.0.0.1:${server.address().port}`,
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

/** The benchmarks' form: `url` is the origin (no trailing slash). */
export async function serveDir(dir, options = {}) {
  const server = await startStaticServer(dir, options);
  return { ...server, url: server.origin };
}

/** The tests' form: `url` is where `dir` is served (origin + prefix). */
export async function serve(dir, prefix = '/') {
  const server = await startStaticServer(dir, { prefix });
  return { url: `${server.origin}${prefix}`, close: server.close };
}
