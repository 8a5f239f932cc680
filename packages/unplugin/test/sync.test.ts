/**
 * The sync engine over real HTTP: masko-client against an in-process masko-emulator. Proves the
 * cache/lockfile contract (warm = zero requests, offline, frozen) and the credit rules.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { DEMO, type Emulator, startEmulator } from 'masko-emulator';
import { join } from 'pathe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOptions } from '../../../test/support/demo-options.js';
import { sha256File } from '../src/core/cache.js';
import { MaskoContext } from '../src/core/context.js';
import type { MaskoOptions } from '../src/types.js';

const KEY = `masko_${'5eed'.repeat(16)}`;
let emu: Emulator;
const roots: string[] = [];
const lines: string[] = [];
const logger = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };

beforeAll(async () => {
  emu = await startEmulator({ port: 0, admin: true, jobDelayMs: 200 });
});
afterAll(async () => {
  await emu?.close();
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

async function tempRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'masko-sync-'));
  roots.push(root);
  return root;
}

function context(root: string, extra: MaskoOptions = {}, cacheDir = join(root, 'cache')) {
  return new MaskoContext(demoOptions(emu, root, KEY, {}, { cacheDir, ...extra }), { mode: 'build', logger });
}

const requestsDuring = async <T>(fn: () => Promise<T>) => {
  const before = emu.requests().length;
  const value = await fn();
  return { value, requests: emu.requests().slice(before) };
};

async function credits(): Promise<number> {
  const res = await fetch(`${emu.apiUrl}/credits`, { headers: { authorization: `Bearer ${KEY}` } });
  return ((await res.json()) as { data: { balance: number } }).data.balance;
}

describe('sync against the emulator', () => {
  it('resolves the demo mascot, then builds warm with zero requests, offline, and frozen', async () => {
    const root = await tempRoot();
    const coldContext = context(root);
    const cold = await coldContext.prepare();
    // Memoised across hooks and watch rebuilds, even though this run wrote the lockfile itself.
    expect(await coldContext.prepare()).toBe(cold);
    const manifest = cold.mascots.felix!.manifest;
    expect(Object.keys(manifest.poses)).toEqual(['Idle', 'Thinking', 'Thumbs Up', 'Wave']);
    expect(manifest.name).toBe('Felix the Fox');
    expect(manifest.poses.Idle!.media.webm?.length).toBeGreaterThan(0);
    expect(manifest.poses.Idle!.poster.every((p) => p.width > 0 && p.height > 0)).toBe(true);
    expect(manifest.transitions.length).toBeGreaterThan(0);
    expect(cold.lockChanged).toBe(true);
    const lockText = await readFile(join(root, 'masko.lock.json'), 'utf8');
    const dts = await readFile(join(root, 'masko.d.ts'), 'utf8');
    expect(dts).toContain('export type Pose = "Idle" | "Thinking" | "Thumbs Up" | "Wave"');

    const warm = await requestsDuring(() => context(root).prepare());
    expect(warm.requests).toEqual([]);
    expect(warm.value.files.map((f) => f.fileName)).toEqual(cold.files.map((f) => f.fileName));

    const offline = await requestsDuring(() => context(root, { offline: true }).prepare());
    expect(offline.requests).toEqual([]);
    expect(offline.value.files.length).toBe(cold.files.length);

    // --update asks the API again; nothing changed there, so the lockfile stays byte for byte.
    const updated = await requestsDuring(() =>
      new MaskoContext(
        { root, configFile: false, apiKey: KEY, apiUrl: emu.apiUrl, cacheDir: join(root, 'cache'), mascots: { felix: { collection: DEMO.collectionId } } },
        { mode: 'build', logger, update: true },
      ).prepare(),
    );
    expect(updated.requests.some((r) => r.origin === 'api')).toBe(true);
    expect(updated.value.lockChanged).toBe(false);

    const frozen = await requestsDuring(() => context(root, { frozen: true }).prepare());
    expect(frozen.requests).toEqual([]);
    await expect(context(root, { frozen: true, mascots: { felix: { collection: DEMO.collectionId, sizes: [360] } } }).prepare()).rejects.toThrow(
      /would change.*frozen/,
    );
    expect(await readFile(join(root, 'masko.lock.json'), 'utf8')).toBe(lockText);

    // Another machine: empty cache, same lockfile → same bytes, same lockfile.
    const fresh = await requestsDuring(() => context(root, {}, join(root, 'cache2')).prepare());
    expect(fresh.requests.every((r) => r.origin === 'assets')).toBe(true);
    expect(await readFile(join(root, 'masko.lock.json'), 'utf8')).toBe(lockText);
    expect(fresh.value.files.map((f) => f.fileName)).toEqual(cold.files.map((f) => f.fileName));

    const none = await requestsDuring(() =>
      context(root, { offline: true }, join(root, 'empty-cache'))
        .prepare()
        .then(
          () => 'ok',
          (e: Error) => e.message,
        ),
    );
    expect(none.value).toMatch(/offline and .* is not in the cache/);
    expect(none.requests).toEqual([]);

    const written = [lockText, dts, ...lines, none.value];
    for (const dir of ['cache', 'cache2']) {
      for (const entry of await readdir(join(root, dir), { recursive: true })) {
        if (String(entry).endsWith('.json')) written.push(await readFile(join(root, dir, String(entry)), 'utf8'));
      }
    }
    expect(written.join('\n')).not.toContain(KEY);
  });

  it('generates a declared missing pose once, within budget, and never above it', async () => {
    emu.reset();
    const root = await tempRoot();
    const poses = { Idle: {}, Dance: { image: 'Felix dancing', animation: 'dances a jig', duration: 2 }, Nap: { image: 'Felix napping' } };
    const mascots = { felix: { collection: DEMO.collectionId, poses } };
    const start = await credits();

    const off = await requestsDuring(() =>
      context(root, { mascots })
        .prepare()
        .then(
          () => 'ok',
          (e: Error) => e.message,
        ),
    );
    expect(off.value).toMatch(/generation is off[\s\S]*maxCredits: 12/);
    const low = await requestsDuring(() =>
      context(root, { mascots, generate: { maxCredits: 11 } })
        .prepare()
        .then(
          () => 'ok',
          (e: Error) => e.message,
        ),
    );
    expect(low.value).toMatch(/costs 12 credits, above generate.maxCredits = 11; nothing was spent/);
    expect([...off.requests, ...low.requests].filter((r) => r.method === 'POST')).toEqual([]);
    expect(await credits()).toBe(start);

    lines.length = 0;
    const { value: done, requests } = await requestsDuring(() => context(root, { mascots, generate: { maxCredits: 12 } }).prepare());
    expect(lines.some((l) => /plan: generate felix\/"Dance" \(animation, 11 credits\), felix\/"Nap" \(image, 1 credits\) — total 12 credits/.test(l))).toBe(
      true,
    );
    expect(done.sync?.creditsSpent).toBe(12);
    expect(start - (await credits())).toBe(12);
    expect(Object.keys(done.mascots.felix!.manifest.poses)).toEqual(expect.arrayContaining(['Dance', 'Nap']));
    // Both went out in one batch and were awaited together (long-polls for both jobs).
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.path)).toEqual([`/v1/collections/${DEMO.collectionId}/generate-batch`]);
    expect(requests.some((r) => r.path.startsWith('/v1/jobs/') && r.query.includes('wait=true'))).toBe(true);

    const again = await requestsDuring(() => context(root, { mascots, generate: { maxCredits: 12 } }).prepare());
    expect(again.requests).toEqual([]);
    expect(start - (await credits())).toBe(12);
  });

  it('does not generate twice when the response to the generation POST is lost', async () => {
    emu.reset();
    const root = await tempRoot();
    const mascots = { felix: { collection: DEMO.collectionId, poses: { Sleep: { image: 'Felix asleep' } } } };
    const start = await credits();
    emu.addFault({ kind: 'drop-response', origin: 'api', method: 'POST', path: '/v1/collections/*/generate-batch', count: 1 });
    const { value: done, requests } = await requestsDuring(() => context(root, { mascots, generate: { maxCredits: 5 } }).prepare());
    emu.clearFaults();
    expect(Object.keys(done.mascots.felix!.manifest.poses)).toContain('Sleep');
    expect(start - (await credits())).toBe(1);
    // One POST, whose answer was dropped; the client found the item instead of posting again.
    const posts = requests.filter((r) => r.method === 'POST' && r.path.includes('/generate'));
    expect(posts).toHaveLength(1);
    expect(posts[0]!.fault).not.toBeNull();
  });

  it('checks integrity on read: a corrupt cached file fails offline and is fetched again from the asset host', async () => {
    const root = await tempRoot();
    const cold = await context(root).prepare();
    const victim = cold.files.find((f) => /-webm-\d+\./.test(f.fileName))!;
    const sha = await sha256File(victim.path);
    await writeFile(victim.path, 'not a video');
    const offline = await context(root, { offline: true })
      .prepare()
      .then(
        () => 'ok',
        (e: Error) => e.message,
      );
    expect(offline).toMatch(/offline and .* is not in the cache/);
    const healed = await requestsDuring(() => context(root).prepare());
    expect(healed.requests.map((r) => `${r.origin} ${r.method}`)).toEqual(['assets GET']);
    expect(await sha256File(victim.path)).toBe(sha);
  });

  it('canvas mode: the canvas gives inputs and conditional edges, the collection gives every size', async () => {
    const root = await tempRoot();
    const p = await context(root, { mascots: { felix: { collection: DEMO.collectionId, canvas: DEMO.canvasId, sizes: [360] } } }).prepare();
    const m = p.mascots.felix!.manifest;
    expect(m.source).toEqual({ kind: 'canvas', id: DEMO.canvasId });
    expect(Object.keys(m.poses)).toEqual(['Idle', 'Thinking', 'Thumbs Up', 'Wave']);
    expect(m.inputs.map((i) => i.name)).toContain('wave');
    const idleToWave = m.transitions.find((t) => t.from === 'Idle' && t.to === 'Wave')!;
    expect(idleToWave.conditions).toEqual([{ input: 'wave', op: '==', value: true }]);
    expect(idleToWave.media?.webm?.map((v) => v.width)).toEqual([360]);
    const dts = await readFile(join(root, 'masko.d.ts'), 'utf8');
    expect(dts).toMatch(/export type Input = .*"wave"/);
  });
});
