/**
 * Host-specific behaviour: webpack's persistent cache keeps our assets, esbuild without `outdir` fails
 * clearly, and Vite dev serves the files from the cache and reloads when the lockfile changes.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Emulator, startEmulator } from 'masko-emulator';
import type { MaskoOptions } from 'unplugin-masko';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOptions } from '../support/demo-options.js';
import { APP, build } from './builders.js';

const KEY = `masko_${'ab12'.repeat(16)}`;
let emu: Emulator;
let root: string;

const options = (): MaskoOptions => demoOptions(emu, root, KEY, { sizes: [360] });

beforeAll(async () => {
  emu = await startEmulator({ port: 0, admin: true });
  root = await mkdtemp(join(tmpdir(), 'masko-hosts-'));
}, 60_000);

afterAll(async () => {
  await emu?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const assetsIn = async (dir: string) => (await readdir(join(dir, 'assets'))).sort();

describe('hosts', () => {
  it('webpack: assets survive a persistent-cache hit', async () => {
    const webpackCacheDir = join(root, 'webpack-cache');
    await build.webpack({ outDir: join(root, 'wp1'), options: options(), webpackCacheDir });
    const first = await assetsIn(join(root, 'wp1'));
    expect(first.length).toBeGreaterThan(8);
    expect(existsSync(webpackCacheDir)).toBe(true);
    // A fresh compiler restores modules from disk (our load hook may not run); the files must still be emitted.
    await build.webpack({ outDir: join(root, 'wp2'), options: options(), webpackCacheDir });
    expect(await assetsIn(join(root, 'wp2'))).toEqual(first);
    const bundle = await readFile(join(root, 'wp2/main.js'), 'utf8');
    expect(bundle).toContain(first.find((f) => f.startsWith('felix-idle-webm-360'))!);
  }, 120_000);

  it('esbuild: without outdir the build fails and says what to set', async () => {
    const esbuild = await import('esbuild');
    const masko = (await import('unplugin-masko/esbuild')).default;
    await expect(
      esbuild.build({
        entryPoints: [join(APP, 'src/main.js')],
        bundle: true,
        format: 'esm',
        outfile: join(root, 'es/out.js'),
        logLevel: 'silent',
        plugins: [masko(options())],
      }),
    ).rejects.toThrow(/\[masko\] esbuild needs `outdir`/);
  }, 60_000);

  it('vite dev: serves files from the cache under /@masko/ and reloads when the lockfile changes', async () => {
    const { createServer } = await import('vite');
    const masko = (await import('unplugin-masko/vite')).default;
    await writeFile(join(root, 'masko.config.json'), JSON.stringify({ concurrency: 4 }));
    const { configFile: _none, ...withConfigFile } = options();
    const server = await createServer({
      root: APP,
      configFile: false,
      logLevel: 'silent',
      plugins: [masko(withConfigFile)],
      server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    });
    await server.listen();
    const sent: unknown[] = [];
    const send = server.ws.send.bind(server.ws);
    server.ws.send = ((payload: unknown) => {
      sent.push(payload);
      return send(payload as never);
    }) as typeof server.ws.send;
    try {
      const base = server.resolvedUrls!.local[0]!;
      const code = await (await fetch(new URL('/@id/__x00__virtual:masko/felix', base))).text();
      const url = /"(\/@masko\/assets\/felix-idle-webm-360\.[0-9a-f]{8}\.webm)"/.exec(code)?.[1];
      expect(url, code.slice(0, 400)).toBeDefined();
      const res = await fetch(new URL(url!, base));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('video/webm');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(bytes.length).toBeGreaterThan(1000);
      expect((await fetch(new URL('/@masko/assets/nope.webm', base))).status).toBe(404);

      const lockfile = join(root, 'masko.lock.json');
      await writeFile(lockfile, `${(await readFile(lockfile, 'utf8')).trimEnd()}\n\n`);
      await expect.poll(() => sent.some((p) => (p as { type?: string }).type === 'full-reload'), { timeout: 10_000 }).toBe(true);

      sent.length = 0;
      await writeFile(join(root, 'masko.config.json'), JSON.stringify({ concurrency: 3 }));
      await expect.poll(() => sent.some((p) => (p as { type?: string }).type === 'full-reload'), { timeout: 10_000 }).toBe(true);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('failure policy: a build fails clearly; dev warns and serves what the lockfile and cache have', async () => {
    const withGhost: MaskoOptions = { ...options(), mascots: { ...options().mascots, ghost: { collection: '00000000-0000-4000-8000-000000000000' } } };
    await expect(build.vite({ outDir: join(root, 'ghost-build'), options: withGhost })).rejects.toThrow(/\[masko\].*(not.found|404)/is);

    const { createServer } = await import('vite');
    const masko = (await import('unplugin-masko/vite')).default;
    const server = await createServer({
      root: APP,
      configFile: false,
      logLevel: 'silent',
      plugins: [masko(withGhost)],
      server: { host: '127.0.0.1', port: 0, hmr: false },
    });
    await server.listen();
    try {
      const base = server.resolvedUrls!.local[0]!;
      const felix = await fetch(new URL('/@id/__x00__virtual:masko/felix', base));
      expect(felix.status).toBe(200);
      expect(await felix.text()).toMatch(/\/@masko\/assets\/felix-idle-webm-360/);
      const ghost = await fetch(new URL('/@id/__x00__virtual:masko/ghost', base));
      expect(ghost.status).toBe(500);
    } finally {
      await server.close();
    }
  }, 60_000);
});
