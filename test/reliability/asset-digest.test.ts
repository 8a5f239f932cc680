/**
 * Assets that publish a `sha256` (an emulator assumption, packages/emulator/API.md), through the real
 * plugin sync and masko-client: corrupted bytes of the right length are caught and fetched again, and a
 * digest the bytes never match fails clearly, keeping nothing. A proxy in front of the emulator's API
 * sets each asset's digest from the bytes its URL serves (or a wrong one), so the plugin's path is
 * tested whatever the emulator itself publishes.
 */
import { createHash } from 'node:crypto';
import { DEMO, type Emulator, startEmulator } from 'masko-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiProxy, type Rewrite } from './api-proxy.js';
import { KEY, makeProject, snapshot, syncInProcess } from './harness.js';

const felix = { collection: DEMO.collectionId, sizes: [160], formats: ['png', 'webm'], include: ['Idle', 'Wave'] };
const ITEMS = `/v1/collections/${DEMO.collectionId}/items`;
type Asset = { url: string; type: string; size: number | null; sha256?: string | null };
type Item = { name: string; assets: Asset[] };

let emu: Emulator;
/** Asset URL → sha256 of the bytes it serves (read before any fault is set). */
const digests = new Map<string, string>();

beforeAll(async () => {
  emu = await startEmulator({ port: 0, jobDelayMs: 50, rateLimit: false, admin: true });
  const res = await fetch(`${emu.apiUrl}${ITEMS.slice(3)}?limit=100`, { headers: { authorization: `Bearer ${KEY}` } });
  for (const item of ((await res.json()) as { data: Item[] }).data) {
    for (const a of item.assets) {
      digests.set(
        a.url,
        createHash('sha256')
          .update(Buffer.from(await (await fetch(a.url)).arrayBuffer()))
          .digest('hex'),
      );
    }
  }
});
afterAll(async () => {
  await emu?.close();
});

/** Every asset with a digest: `wrong(asset)` true gives it one its bytes never match. */
const publish =
  (wrong: (a: Asset, item: Item) => boolean = () => false): Rewrite =>
  (path, body) =>
    path === ITEMS
      ? {
          json: {
            ...(body as object),
            data: (body as { data: Item[] }).data.map((item) => ({
              ...item,
              assets: item.assets.map((a) => ({ ...a, sha256: wrong(a, item) ? '0'.repeat(64) : digests.get(a.url) })),
            })),
          },
        }
      : undefined;

async function cleanLock(): Promise<string | undefined> {
  const proxy = await apiProxy(emu, publish());
  const project = await makeProject({ mascots: { felix } });
  try {
    const r = await syncInProcess(project, emu, { apiUrl: proxy.apiUrl });
    expect(r.ok, r.error).toBe(true);
    return (await snapshot(project)).lock;
  } finally {
    await project.close();
    await proxy.close();
  }
}

describe('published asset digests', () => {
  it('corrupted bytes of the right length are refused and fetched again: the run ends like a clean one', async () => {
    const clean = await cleanLock();
    const proxy = await apiProxy(emu, publish());
    const project = await makeProject({ mascots: { felix } });
    try {
      const before = emu.requests().length;
      emu.addFault({ kind: 'corrupt', origin: 'assets', path: '/**/*.webm', seed: 3, count: 2 });
      emu.addFault({ kind: 'corrupt', origin: 'assets', path: '/**/*.png', seed: 5, count: 1 });
      const outcome = await syncInProcess(project, emu, { apiUrl: proxy.apiUrl });
      emu.clearFaults();
      expect(outcome.ok, outcome.error).toBe(true);
      const log = emu
        .requests()
        .slice(before)
        .filter((q) => q.origin === 'assets');
      const corrupted = log.filter((q) => q.fault === 'corrupt');
      expect(corrupted).toHaveLength(3);
      // Each corrupted answer was followed by another GET of the same file.
      for (const q of corrupted) expect(log.filter((n) => n.path === q.path).length, q.path).toBeGreaterThan(1);
      const snap = await snapshot(project);
      expect(snap.lock).toBe(clean);
      expect(snap.corrupt).toEqual([]);
      expect(snap.leftovers).toEqual([]);
    } finally {
      await project.close();
      await proxy.close();
    }
  });

  it('a digest the bytes never match fails naming the URL, with no lockfile and nothing partial', async () => {
    const proxy = await apiProxy(
      emu,
      publish((a, item) => item.name === 'Wave' && a.type === 'webm'),
    );
    const project = await makeProject({ mascots: { felix } });
    try {
      const outcome = await syncInProcess(project, emu, { apiUrl: proxy.apiUrl, retries: 1 });
      expect(outcome.ok).toBe(false);
      expect(outcome.error).toMatch(
        /^\[masko\] mascot "felix", pose "Wave" \(webm asset [^)]+\): GET http:\/\/127\.0\.0\.1:\d+\/\S+\/wave-\S+\.webm: sha256 [0-9a-f]{64} does not match the expected 0{64}/,
      );
      expect(outcome.error).not.toContain(KEY);
      const snap = await snapshot(project);
      expect(snap.lock).toBeUndefined();
      expect(snap.corrupt).toEqual([]);
      expect(snap.leftovers).toEqual([]);
    } finally {
      await project.close();
      await proxy.close();
    }
  });
});
