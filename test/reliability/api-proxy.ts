/**
 * A loopback proxy in front of the emulator's API that rewrites chosen answers: odd shapes, missing
 * fields, HTML error pages, wrong content types, hostile names and URLs — what a real API, a proxy
 * or a CDN error page could send. Everything else passes through untouched.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator } from 'masko-emulator';

export interface Raw {
  status: number;
  type: string;
  body: string;
}
/**
 * Return a Raw answer, a replacement JSON body, or undefined to pass the emulator's answer through.
 * `url` is the whole request URL (its query: `limit`, `offset`, filters).
 */
export type Rewrite = (path: string, body: unknown, url: URL) => Raw | { json: unknown } | undefined;

export async function apiProxy(emu: Emulator, rewrite: Rewrite): Promise<{ apiUrl: string; close(): Promise<void> }> {
  const upstream = new URL(emu.apiUrl);
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'content-type', 'accept']) if (req.headers[name]) headers[name] = String(req.headers[name]);
    const answer = await fetch(`${upstream.origin}${req.url}`, { method: req.method!, headers, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) });
    const text = await answer.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const url = new URL(req.url!, upstream.origin);
    const out = answer.ok ? rewrite(url.pathname, json, url) : undefined;
    if (out && 'status' in out) {
      res.writeHead(out.status, { 'content-type': out.type });
      return res.end(out.body);
    }
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(out ? JSON.stringify(out.json) : text);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}${upstream.pathname}`,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
