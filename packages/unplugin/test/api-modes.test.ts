/**
 * The plugin against the APIs Masko may really serve (emulator modes, real HTTP): the older revision, an
 * API that gives only id, type and URL per asset (sizes probed from the files, recorded in the lockfile,
 * never probed again), expiring signed URLs (refreshed by asset id, never a failed warm build), and an API
 * whose dimensions disagree with its files (the asset is named).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { DEMO, type Emulator, type EmulatorOptions, startEmulator } from 'masko-emulator';
import { join } from 'pathe';
import { afterEach, describe, expect, it } from 'vitest';
import { demoOptions } from '../../../test/support/demo-options.js';
import { ffprobe } from '../../../test/support/ffprobe.js';
import { MaskoContext } from '../src/core/context.js';
import type { Lockfile } from '../src/core/lockfile.js';
import type { MaskoOptions } from '../src/types.js';

const KEY = `masko_${'a11e'.repeat(16)}`;
const MEDIA = new URL('../../emulator/media/', import.meta.url).pathname;
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((f) => f()));
});

async function start(options: EmulatorOptions): Promise<Emulator> {
  const emu = await startEmulator({ admin: true, jobDelayMs: 50, ...options });
  cleanup.push(() => emu.close());
  return emu;
}
async function tempRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'masko-modes-'));
  cleanup.push(() => rm(root, { recursive: true, force: true }));
  return root;
}
const context = (emu: Emulator, root: string, extra: MaskoOptions = {}, cacheDir = join(root, 'cache')) =>
  new MaskoContext(demoOptions(emu, root, KEY, {}, { cacheDir, ...extra }), { mode: 'build', logger: { info: () => undefined, warn: () => undefined } });
const during = async <T>(emu: Emulator, fn: () => Promise<T>) => {
  const before = emu.requests().length;
  const value = await fn();
  return { value, requests: emu.requests().slice(before) };
};
const lockOf = async (root: string) => JSON.parse(await readFile(join(root, 'masko.lock.json'), 'utf8')) as Lockfile;

/** What the demo media's own index (written when the files were encoded) says each file measures, by sha256. */
async function demoDims(): Promise<Map<string, { width: number; height: number }>> {
  const index = JSON.parse(await readFile(join(MEDIA, 'demo.json'), 'utf8')) as {
    clips: { meta: Record<string, { width: number; height: number; sha256: string }> }[];
  };
  return new Map(index.clips.flatMap((c) => Object.values(c.meta)).map((m) => [m.sha256, { width: m.width, height: m.height }]));
}

/**
 * Every locked file's width and height equal the file's: all by the media index, and one file per format
 * of the Idle pose by ffprobe (an independent parser from ours; one process per file is slow, hence a sample).
 */
async function expectLockedDimsMatchFiles(root: string): Promise<number> {
  const lock = await lockOf(root);
  const felix = lock.mascots.felix!;
  const files = [...Object.values(felix.poses), ...felix.transitions].flatMap((c) => c.files);
  const known = await demoDims();
  expect(files.map((f) => ({ asset: f.asset, ...known.get(f.sha256) }))).toEqual(files.map((f) => ({ asset: f.asset, width: f.width, height: f.height })));
  const cached = new Map<string, string>();
  for (const entry of (await readdir(join(root, 'cache', 'files'), { recursive: true })).filter((e) => !String(e).endsWith('.json'))) {
    cached.set(String(entry).split('/').pop()!.split('.')[0]!, join(root, 'cache', 'files', String(entry)));
  }
  const sample = [...new Map(felix.poses.Idle!.files.map((f) => [f.format, f])).values()];
  expect(sample.length).toBe(3); // png, webm, stacked (the demo lists no alpha-less HEVC)
  for (const f of sample) expect(await ffprobe(cached.get(f.sha256)!)).toEqual({ width: f.width, height: f.height });
  return files.length;
}

describe('an API that gives only id, type and URL per asset', () => {
  it('probes sizes from the files, ships the right variants, locks the probed values, and never probes again', async () => {
    const emu = await start({ fields: 'stripped' });
    const root = await tempRoot();
    const cold = await context(emu, root, { mascots: { felix: { collection: DEMO.collectionId, sizes: [240, 480] } } }).prepare();
    const idle = cold.mascots.felix!.manifest.poses.Idle!;
    expect(idle.media.webm!.map((v) => [v.width, v.height])).toEqual([
      [240, 240],
      [480, 480],
    ]);
    expect(idle.media.stacked!.map((v) => [v.width, v.height])).toEqual([
      [240, 480],
      [480, 960],
    ]);
    expect(idle.poster.map((v) => v.width)).toEqual([240, 480]);
    expect(await expectLockedDimsMatchFiles(root)).toBeGreaterThan(20);
    // Items carry no inline assets here: they were listed per item.
    expect(emu.requests().some((r) => r.path.endsWith('/assets') && r.query.includes('item_id='))).toBe(true);

    const warm = await during(emu, () => context(emu, root, { mascots: { felix: { collection: DEMO.collectionId, sizes: [240, 480] } } }).prepare());
    expect(warm.requests).toEqual([]);
    expect(warm.value.mascots.felix!.manifest.poses.Idle!.media.webm!.map((v) => v.width)).toEqual([240, 480]);
  });
});

describe('an API that gives no transition links (stripped fields)', () => {
  /** The typed shape of a built manifest: which clips are poses (and loop), which are transitions between which poses. */
  async function shape(fields: 'full' | 'stripped', canvas: boolean) {
    const emu = await start({ fields });
    const root = await tempRoot();
    const felix = { collection: DEMO.collectionId, formats: ['webm' as const], ...(canvas ? { canvas: DEMO.canvasId } : {}) };
    const { manifest } = (await context(emu, root, { mascots: { felix } }).prepare()).mascots.felix!;
    return {
      poses: Object.entries(manifest.poses).map(([name, p]) => `${name}${p.loop ? ' (loops)' : ''}`),
      transitions: manifest.transitions.map((t) => `${t.from}->${t.to}${t.reverse ? ' (reverse)' : ''}${t.media?.webm?.length ? '' : ' (no clip)'}`),
    };
  }
  const POSES = ['Idle (loops)', 'Thinking (loops)', 'Thumbs Up (loops)', 'Wave (loops)'];

  it("ships the canvas's transition clips as transitions, exactly as with the full API", async () => {
    const full = await shape('full', true);
    expect(full.poses).toEqual(POSES);
    expect(full.transitions.filter((t) => t.endsWith('(no clip)'))).toEqual(['*->Thinking (no clip)']); // the any-state edge
    expect(await shape('stripped', true)).toEqual(full);
  });

  it("without a canvas, recognises transitions by Masko's file names: same poses and transitions, reverse unknown", async () => {
    const full = await shape('full', false);
    expect(full.poses).toEqual(POSES);
    expect(full.transitions).toHaveLength(6);
    const stripped = await shape('stripped', false);
    expect(stripped.poses).toEqual(POSES);
    expect(stripped.transitions).toEqual(full.transitions.map((t) => t.replace(' (reverse)', '')));
  });
});

describe('the older API revision', () => {
  it("syncs from bare bodies and old list shapes; the lockfile dimensions are the files'", async () => {
    const emu = await start({ revision: 'old' });
    const root = await tempRoot();
    const p = await context(emu, root).prepare();
    expect(Object.keys(p.mascots.felix!.manifest.poses)).toEqual(['Idle', 'Thinking', 'Thumbs Up', 'Wave']);
    expect(await expectLockedDimsMatchFiles(root)).toBeGreaterThan(20);
  });

  it('reads the flat 402 when a pose cannot be paid for', async () => {
    const emu = await start({ revision: 'old', credits: 0 });
    const root = await tempRoot();
    const message = await context(emu, root, {
      generate: { maxCredits: 5 },
      mascots: { felix: { collection: DEMO.collectionId, poses: { Nap: { image: 'Felix napping' } } } },
    })
      .prepare()
      .then(
        () => 'ok',
        (e: Error) => e.message,
      );
    expect(message).toMatch(/402 insufficient_credits: Insufficient credits \(required 1, balance 0\)/);
  });
});

describe('expiring signed URLs', () => {
  it('keeps no token in the lockfile; after expiry a warm rebuild downloads nothing, a cold cache refreshes URLs by asset id', async () => {
    const emu = await start({ signedUrls: { ttlMs: 60_000 } });
    const root = await tempRoot();
    const cold = await context(emu, root).prepare();
    const lockText = await readFile(join(root, 'masko.lock.json'), 'utf8');
    expect(lockText).not.toMatch(/sig=|expires=/);
    const files = Object.values((await lockOf(root)).mascots.felix!.poses).flatMap((c) => c.files);
    expect(files.every((f) => f.signed === true && f.asset)).toBe(true);

    emu.expireSignedUrls();
    const warm = await during(emu, () => context(emu, root).prepare());
    expect(warm.requests).toEqual([]);
    expect(warm.value.files.map((f) => f.fileName)).toEqual(cold.files.map((f) => f.fileName));

    // One file lost from the cache: only it is fetched again, through a fresh URL for its asset id.
    const victim = cold.files.find((f) => /-webm-\d+\./.test(f.fileName))!;
    await rm(victim.path);
    const healed = await during(emu, () => context(emu, root).prepare());
    expect(healed.requests.map((r) => `${r.origin} ${r.method} ${r.path.replace(/[0-9a-f-]{36}/, ':id')}`)).toEqual([
      'api GET /v1/assets/:id',
      `assets GET ${healed.requests[1]!.path}`,
    ]);
    expect(healed.requests[1]!.status).toBe(200);
    expect(await readFile(join(root, 'masko.lock.json'), 'utf8')).toBe(lockText);

    // Another machine (empty cache), long after expiry: every file comes through a fresh URL, none fails.
    emu.expireSignedUrls();
    const fresh = await during(emu, () => context(emu, root, {}, join(root, 'cache2')).prepare());
    expect(fresh.requests.filter((r) => r.origin === 'assets').every((r) => r.status === 200)).toBe(true);
    expect(fresh.value.files.map((f) => f.fileName)).toEqual(cold.files.map((f) => f.fileName));
    expect(await readFile(join(root, 'masko.lock.json'), 'utf8')).toBe(lockText);
  });

  it('refreshes a URL that expires during a cold sync (the host refuses, the API hands a fresh one)', async () => {
    const emu = await start({ signedUrls: { ttlMs: 60_000 } });
    const root = await tempRoot();
    // One refusal: with more, which request takes them depends on timing (a refreshed URL may be refused again, which must fail).
    emu.addFault({ kind: 'status', status: 403, origin: 'assets', path: '/**/*.webm', count: 1 });
    const p = await context(emu, root).prepare();
    expect(p.mascots.felix!.manifest.poses.Idle!.media.webm!.length).toBeGreaterThan(0);
    expect(emu.requests().filter((r) => r.path.startsWith('/v1/assets/')).length).toBe(1);
  });
});

describe('an API whose dimensions disagree with its files', () => {
  it('fails naming the asset, and locks nothing', async () => {
    const media = await tempRoot();
    for (const name of await readdir(MEDIA)) if (name !== 'demo.json') await symlink(join(MEDIA, name), join(media, name));
    const index = JSON.parse(await readFile(join(MEDIA, 'demo.json'), 'utf8')) as { clips: { slug: string; meta: Record<string, { width: number }> }[] };
    index.clips.find((c) => c.slug === 'wave')!.meta['wave-240.webm']!.width = 250;
    await writeFile(join(media, 'demo.json'), JSON.stringify(index));
    const emu = await start({ mediaDir: media });
    const root = await tempRoot();
    await mkdir(root, { recursive: true });
    const message = await context(emu, root)
      .prepare()
      .then(
        () => 'ok',
        (e: Error) => e.message,
      );
    expect(message).toMatch(
      /asset [0-9a-f-]{36} \(webm, http:\/\/127\.0\.0\.1:\d+\/.*wave-[0-9a-f]{8}-240\.webm\): the API says width 250, the downloaded file has width 240/,
    );
    await expect(readFile(join(root, 'masko.lock.json'))).rejects.toThrow();
  });
});
