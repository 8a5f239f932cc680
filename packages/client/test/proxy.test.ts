// Proxy environment variables route requests through EnvHttpProxyAgent (a CONNECT proxy here).
import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMaskoClient } from '../src/index.js';
import { type Harness, startHarness } from './emulator.js';
import { FAKE_KEY } from './helpers.js';

let h: Harness;
let proxy: Server;
const tunnels: string[] = [];
const sockets = new Set<Socket>();

beforeAll(async () => {
  h = await startHarness();
  proxy = createServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req, client: Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => proxy.close(() => r()));
  await h.close();
});

it('honours HTTP_PROXY', async () => {
  const { port } = proxy.address() as { port: number };
  const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY, no_proxy: process.env.no_proxy };
  process.env.HTTP_PROXY = `http://127.0.0.1:${port}`;
  delete process.env.NO_PROXY;
  delete process.env.no_proxy;
  const c = createMaskoClient({ apiKey: FAKE_KEY, apiUrl: h.emu.apiUrl });
  try {
    expect((await c.credits()).balance).toBeGreaterThan(0);
  } finally {
    await c.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  expect(tunnels).toEqual([`127.0.0.1:${h.emu.port}`]);
});
