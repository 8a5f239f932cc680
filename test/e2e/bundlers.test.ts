/**
 * Real production builds of one fixture app with Vite, webpack, Rspack, Rollup and esbuild against an
 * in-process emulator; each built page is served over loopback and must play the demo mascot in
 * Chromium with its alpha intact.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO, type Emulator, startEmulator } from 'masko-emulator';
import type { Browser } from 'playwright-core';
import type { MaskoOptions } from 'unplugin-masko';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOptions } from '../support/demo-options.js';
import { type Bundler, build } from './builders.js';
import { launchChromium, probe, serve } from './helpers.js';

const KEY = `masko_${'e2e0'.repeat(16)}`;
const BUNDLERS: Bundler[] = ['vite', 'webpack', 'rspack', 'rollup', 'esbuild'];
const HASHED = /^assets\/felix-[a-z0-9-]+-(webm|hevc|stacked|png)-\d+\.[0-9a-f]{8}\.(webm|mov|mp4|png)$/;

let emu: Emulator;
let root: string;
let browser: Browser;

const options = (extra: MaskoOptions = {}): MaskoOptions => demoOptions(emu, root, KEY, { sizes: [360] }, extra);

async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true }))
    .map(String)
    .filter((f) => f.includes('.'))
    .sort();
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0, admin: true });
  root = await mkdtemp(join(tmpdir(), 'masko-e2e-'));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await emu?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('bundler builds', () => {
  it('vite resolves cold, then a warm rebuild makes zero requests to the API or the asset host', async () => {
    await build.vite({ outDir: join(root, 'out/vite'), options: options(), base: '/sub/' });
    expect(emu.requests().some((r) => r.origin === 'api')).toBe(true);
    const before = emu.requests().length;
    await build.vite({ outDir: join(root, 'out/vite'), options: options(), base: '/sub/' });
    expect(emu.requests().slice(before)).toEqual([]);

    // CI modes through a real build: offline builds from the cache; frozen passes unchanged, fails on a change.
    await build.vite({ outDir: join(root, 'out/vite-offline'), options: options({ offline: true, apiUrl: 'http://127.0.0.1:9/v1' }) });
    await build.vite({ outDir: join(root, 'out/vite-frozen'), options: options({ frozen: true }) });
    const changed = options({ frozen: true, mascots: { felix: { collection: DEMO.collectionId, sizes: [360], formats: ['webm'] } } });
    await expect(build.vite({ outDir: join(root, 'out/vite-frozen2'), options: changed })).rejects.toThrow(/\[masko\] lockfile .* would change/);
    expect(emu.requests().slice(before)).toEqual([]);
  }, 120_000);

  it('webpack, Rspack, Rollup and esbuild build from the lockfile and cache', async () => {
    const before = emu.requests().length;
    // Sequential: the machine is small and webpack/Rspack are heavy; each is a few seconds.
    for (const b of BUNDLERS.filter((b) => b !== 'vite')) await build[b]({ outDir: join(root, `out/${b}`), options: options() });
    expect(emu.requests().slice(before)).toEqual([]);
  }, 180_000);

  for (const bundler of BUNDLERS) {
    it(`${bundler}: emits content-hashed assets and the page plays the mascot with alpha`, async () => {
      const outDir = join(root, `out/${bundler}`);
      const files = await listFiles(outDir);
      const assets = files.filter((f) => f.startsWith('assets/felix-'));
      expect(assets.length).toBeGreaterThan(8);
      for (const a of assets) expect(a).toMatch(HASHED);
      const prefix = bundler === 'vite' ? '/sub/' : '/';
      const server = await serve(outDir, prefix);
      try {
        const report = await probe(browser, server.url);
        expect(report.error).toBeUndefined();
        expect(report.failed).toEqual([]);
        expect(report.url).toMatch(new RegExp(`^(${prefix}|http://127\\.0\\.0\\.1:\\d+/)assets/felix-idle-webm-360\\.[0-9a-f]{8}\\.webm$`));
        expect(report.poses).toEqual(['Idle', 'Thinking', 'Thumbs Up', 'Wave']);
        expect(report.opaque).toBeGreaterThan(100);
        expect(report.corner).toBe(0);
      } finally {
        await server.close();
      }
      const emitted = await Promise.all(files.filter((f) => /\.(js|html|json)$/.test(f)).map((f) => readFile(join(outDir, f), 'utf8')));
      expect(emitted.join('\n')).not.toContain(KEY);
    }, 60_000);
  }
});
