/**
 * The bundled `masko` CLI (packages/unplugin/dist/cli.js, what `bin/masko.js` runs) as users get it: it
 * carries only the part of undici masko-client uses (scripts/undici-for-cli.cjs), so this runs the bundle
 * itself against the emulator, directly and through an HTTP proxy that tunnels with CONNECT (the
 * proxy agent needs what undici's index would have given every dispatcher).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEMO, type Emulator, startEmulator } from 'masko-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../packages/unplugin/dist/cli.js', import.meta.url));
const KEY = `masko_${'b0d1'.repeat(16)}`;
let emu: Emulator;
let proxy: Server;
let tunnels = 0;

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  proxy = createServer((_, res) => res.writeHead(405).end());
  proxy.on('connect', (req, client, head) => {
    tunnels++;
    const [host, port] = String(req.url).split(':');
    const upstream = connect(Number(port), host!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  proxy?.closeAllConnections();
  await new Promise((resolve) => proxy?.close(resolve));
  await emu?.close();
});

async function sync(env: Record<string, string>) {
  const root = await mkdtemp(join(tmpdir(), 'masko-cli-bundle-'));
  try {
    await writeFile(
      join(root, 'masko.config.json'),
      JSON.stringify({ mascots: { felix: { collection: DEMO.collectionId, formats: ['webm'], sizes: [160] } } }),
    );
    const { HTTP_PROXY: _a, HTTPS_PROXY: _b, http_proxy: _c, https_proxy: _d, NO_PROXY: _e, no_proxy: _f, ...clean } = process.env;
    await promisify(execFile)(process.execPath, [CLI, 'sync', '--root', root], {
      env: { ...clean, CI: '1', NO_COLOR: '1', MASKO_API_KEY: KEY, MASKO_API_URL: emu.apiUrl, ...env },
      timeout: 120_000,
    });
    const lock = JSON.parse(await readFile(join(root, 'masko.lock.json'), 'utf8')) as { mascots: { felix: { poses: Record<string, unknown> } } };
    return Object.keys(lock.mascots.felix.poses);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

describe('the bundled masko CLI', () => {
  it('syncs the demo mascot, directly and through an HTTP proxy (CONNECT tunnels)', async () => {
    const poses = ['Idle', 'Thinking', 'Thumbs Up', 'Wave'];
    expect(await sync({})).toEqual(poses);
    expect(tunnels).toBe(0);
    const { port } = proxy.address() as { port: number };
    expect(await sync({ HTTP_PROXY: `http://127.0.0.1:${port}` })).toEqual(poses);
    expect(tunnels).toBeGreaterThanOrEqual(2); // one tunnel at least to each origin: the API and the asset host
  }, 240_000);
});
