/**
 * The e2e Vite build against the emulator answering as the APIs Masko may really serve: one that gives
 * only id, type and URL per asset (sizes probed from the files), and the older revision (bare bodies, old
 * list shapes). The built page plays the requested size variant in Chromium, and every width and height in
 * the lockfile is the file's own (ffprobe on the emitted files); the transition clips ship as transitions
 * between the right poses, never as poses, also when the API gives no transition links.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO, type EmulatorOptions, startEmulator } from 'masko-emulator';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffprobe } from '../support/ffprobe.js';
import { build } from './builders.js';
import { launchChromium, probe, serve } from './helpers.js';

const KEY = `masko_${'e2e1'.repeat(16)}`;
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

interface LockedFile {
  format: string;
  asset: string;
  width: number;
  height: number;
  sha256: string;
}

const MODES: [string, EmulatorOptions][] = [
  ['only id, type and URL per asset (stripped fields)', { fields: 'stripped' }],
  ['the older revision', { revision: 'old' }],
];

describe.each(MODES)('vite build against an API with %s', (_, mode) => {
  it("plays the requested size variant; the lockfile dimensions are the emitted files'", async () => {
    const emu = await startEmulator({ port: 0, admin: true, ...mode });
    const root = await mkdtemp(join(tmpdir(), 'masko-e2e-modes-'));
    try {
      const outDir = join(root, 'out');
      await build.vite({
        outDir,
        options: {
          root,
          configFile: false,
          apiKey: KEY,
          apiUrl: emu.apiUrl,
          cacheDir: join(root, 'cache'),
          mascots: { felix: { collection: DEMO.collectionId, sizes: [240, 360], formats: ['webm', 'stacked', 'png'] } },
        },
      });
      const server = await serve(outDir);
      try {
        const report = await probe(browser, server.url);
        expect(report.error).toBeUndefined();
        expect(report.failed).toEqual([]);
        expect(report.url).toMatch(/^\/assets\/felix-idle-webm-240\.[0-9a-f]{8}\.webm$/);
        expect([report.width, report.height]).toEqual([240, 240]); // what Chromium decoded
        expect(report.opaque).toBeGreaterThan(100);
        expect(report.corner).toBe(0);
      } finally {
        await server.close();
      }
      // Every locked video and PNG, measured by ffprobe in the build output (emitted names end in <sha256:8>).
      const lock = JSON.parse(await readFile(join(root, 'masko.lock.json'), 'utf8')) as {
        mascots: { felix: { poses: Record<string, { loop: boolean; files: LockedFile[] }>; transitions: { from: string; to: string; files: LockedFile[] }[] } };
      };
      // Poses and transitions as the full API gives them, even when the API gives no transition links.
      expect(Object.entries(lock.mascots.felix.poses).map(([name, p]) => [name, p.loop])).toEqual([
        ['Idle', true],
        ['Thinking', true],
        ['Thumbs Up', true],
        ['Wave', true],
      ]);
      expect(lock.mascots.felix.transitions.map((t) => `${t.from}->${t.to}`)).toEqual([
        'Idle->Thinking',
        'Idle->Thumbs Up',
        'Idle->Wave',
        'Thinking->Idle',
        'Thumbs Up->Idle',
        'Wave->Idle',
      ]);
      expect(lock.mascots.felix.transitions.every((t) => t.files.some((f) => f.format === 'webm' && f.width === 240))).toBe(true);
      const emitted = (await readdir(join(outDir, 'assets'))).filter((f) => f.startsWith('felix-'));
      const idle = lock.mascots.felix.poses.Idle!.files;
      expect(idle.map((f) => `${f.format} ${f.width}x${f.height}`).sort()).toEqual([
        'png 480x480',
        'stacked 240x480',
        'stacked 360x720',
        'webm 240x240',
        'webm 360x360',
      ]);
      for (const f of idle.filter((x) => x.format !== 'png')) {
        const name = emitted.find((e) => e.startsWith(`felix-idle-${f.format}-${f.width}.${f.sha256.slice(0, 8)}.`));
        expect(name, `${f.format} ${f.width}`).toBeDefined();
        expect(await ffprobe(join(outDir, 'assets', name!))).toEqual({ width: f.width, height: f.height });
      }
    } finally {
      await emu.close();
      await rm(root, { recursive: true, force: true });
    }
  }, 120_000);
});
