// A loopback reverse proxy in front of the emulator's two origins (API and asset host) that adds a
// fixed latency to every request, as a distant server would. API JSON is rewritten so asset URLs
// point at the proxied asset host (and, for the memory benchmark, so one asset can be swapped for a
// huge stream this proxy generates on the fly). A package-level emulator option (`latencyMs`, and a
// synthetic large asset) would make this unnecessary; see docs/performance.md.
import { Agent, createServer, request } from 'node:http';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host', 'accept-encoding']);
const STREAM_PATH = '/__bench/stream/';
const CHUNK = Buffer.alloc(1 << 16, 0x5a);

function listen(handler) {
  const server = createServer(handler);
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Streams `bytes` bytes of filler without holding them in memory. */
function sendStream(res, bytes) {
  res.writeHead(200, { 'content-type': 'video/webm', 'content-length': String(bytes) });
  let left = bytes;
  const pump = () => {
    while (left > 0) {
      const chunk = left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left);
      left -= chunk.length;
      if (!res.write(chunk)) return res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

/**
 * Starts the proxy. `rewriteJson(body, { assetsUrl, streamUrl })` may change parsed API answers.
 * Returns `apiUrl` (with /v1), `assetsUrl`, `streamUrl(name, bytes)`, a request log, and `close()`.
 */
export async function startLatencyProxy(emulator, { latencyMs = 50, rewriteJson } = {}) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const log = [];
  const targets = { api: new URL(emulator.apiUrl).origin, assets: new URL(emulator.assetsUrl).origin };
  const servers = {};
  const origin = (which) => `http://127.0.0.1:${servers[which].address().port}`;
  const streamUrl = (name, bytes) => `${origin('assets')}${STREAM_PATH}${name}?bytes=${bytes}`;

  const handler = (which) => async (req, res) => {
    const entry = { origin: which, method: req.method, path: req.url, start: performance.now(), end: 0, bytes: 0 };
    log.push(entry);
    res.on('finish', () => {
      entry.end = performance.now();
    });
    await sleep(latencyMs);
    if (req.url.startsWith(STREAM_PATH)) {
      const bytes = Number(new URL(req.url, 'http://x').searchParams.get('bytes'));
      entry.bytes = bytes;
      return sendStream(res, bytes);
    }
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !HOP.has(k)));
    const upstream = request(`${targets[which]}${req.url}`, { method: req.method, headers, agent }, (answer) => {
      const out = Object.fromEntries(Object.entries(answer.headers).filter(([k]) => !HOP.has(k)));
      const json = which === 'api' && String(answer.headers['content-type'] ?? '').includes('json');
      if (!json) {
        if (answer.headers['content-length']) out['content-length'] = answer.headers['content-length'];
        res.writeHead(answer.statusCode, out);
        answer.on('data', (chunk) => {
          entry.bytes += chunk.length;
        });
        return answer.pipe(res);
      }
      const chunks = [];
      answer.on('data', (chunk) => chunks.push(chunk));
      answer.on('end', () => {
        let text = Buffer.concat(chunks).toString('utf8').replaceAll(targets.assets, origin('assets'));
        if (rewriteJson) text = JSON.stringify(rewriteJson(JSON.parse(text), { assetsUrl: origin('assets'), streamUrl }));
        const body = Buffer.from(text);
        entry.bytes = body.length;
        res.writeHead(answer.statusCode, { ...out, 'content-length': String(body.length) });
        res.end(body);
      });
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };

  servers.api = await listen(handler('api'));
  servers.assets = await listen(handler('assets'));
  return {
    apiUrl: `${origin('api')}${new URL(emulator.apiUrl).pathname}`,
    assetsUrl: origin('assets'),
    streamUrl,
    log,
    close: async () => {
      for (const server of Object.values(servers)) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(() => resolve()));
      }
      agent.destroy();
    },
  };
}
