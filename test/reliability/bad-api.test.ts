/**
 * Bad API answers, through the real plugin sync and masko-client (a rewriting proxy in front of the
 * emulator): unexpected shapes, missing fields, HTML error pages, wrong content types, asset URLs with
 * `javascript:`/`data:`. Each fails with a `[masko]` error naming the field or URL, leaves no lockfile,
 * and writes nothing but (possibly) whole cache files.
 */
import { readFile } from 'node:fs/promises';
import { DEMO, type Emulator, startEmulator } from 'masko-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiProxy, type Rewrite } from './api-proxy.js';
import { KEY, listTree, makeProject, snapshot, syncInProcess } from './harness.js';

const felix = { collection: DEMO.collectionId, sizes: [160], formats: ['png', 'webm'], include: ['Idle', 'Wave'] };
const ITEMS = `/v1/collections/${DEMO.collectionId}/items`;
const COLLECTION = `/v1/collections/${DEMO.collectionId}`;
const HTML = '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';

type Item = Record<string, unknown> & { name: string; assets: Record<string, unknown>[] };
/** Applies `change` to the items list's entries. */
const items =
  (change: (item: Item, index: number) => Item): Rewrite =>
  (path, body) =>
    path === ITEMS ? { json: { ...(body as object), data: (body as { data: Item[] }).data.map(change) } } : undefined;
const firstAsset = (patch: Record<string, unknown>) =>
  items((item) => (item.name === 'Idle' ? { ...item, assets: item.assets.map((a) => (a.type === 'webm' && a.size === 160 ? { ...a, ...patch } : a)) } : item));

/** [what, rewrite, what the message must contain] */
const CASES: [string, Rewrite, RegExp][] = [
  [
    'HTML error page (502, text/html)',
    (path) => (path === ITEMS ? { status: 502, type: 'text/html', body: HTML } : undefined),
    /502.*text\/html.*502 Bad Gateway/s,
  ],
  [
    'HTML page with 200 (wrong content type)',
    (path) => (path === COLLECTION ? { status: 200, type: 'text/html', body: HTML } : undefined),
    /not JSON \(text\/html\)/,
  ],
  [
    'JSON sent as text/plain, but garbled',
    (path) => (path === COLLECTION ? { status: 200, type: 'text/plain', body: '{"data": {"id": ' } : undefined),
    /not JSON \(text\/plain\)/,
  ],
  [
    'collection data is a string',
    (path) => (path === COLLECTION ? { json: { data: 'Felix' } } : undefined),
    /GET \/v1\/collections\/[^:]+: unexpected response/,
  ],
  ['items list is an object', (path) => (path === ITEMS ? { json: { data: { items: 'none' } } } : undefined), /data: expected an array/],
  [
    'item without a name',
    items((item, i) => {
      if (i > 0) return item;
      const { name: _, ...rest } = item;
      return rest as Item;
    }),
    /data\[0\]\.name/,
  ],
  ['item with a numeric loop flag', items((item, i) => (i === 0 ? { ...item, loop: 1 } : item)), /data\[0\]\.loop/],
  [
    'asset of an unknown type',
    items((item, i) => (i === 0 ? { ...item, assets: [{ ...item.assets[0], type: 'gif' }] } : item)),
    /data\[0\]\.assets\[0\]\.type: .*received "gif"/,
  ],
  ['asset URL javascript:', firstAsset({ url: 'javascript:alert(document.cookie)' }), /javascript:/],
  ['asset URL data:', firstAsset({ url: 'data:video/webm;base64,GkXfo59ChoEBQveBAULygQRC84EIQoKEd2VibUKHgQJChYECGFOAZwEAAAAAAAAA' }), /data:/],
];

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, jobDelayMs: 50, rateLimit: false });
});
afterAll(async () => {
  await emu?.close();
});

describe('bad API answers', () => {
  it('a transparent PNG asset that serves a video: fetched twice, refused naming the URL and what was expected, nothing kept', async () => {
    // The Idle PNGs point at the Idle webm of another size: a real file, just not an image.
    const proxy = await apiProxy(
      emu,
      items((item) => {
        if (item.name !== 'Idle') return item;
        const video = item.assets.find((a) => a.type === 'webm' && a.size === 240)!;
        return { ...item, assets: item.assets.map((a) => (a.type === 'transparent_image' ? { ...a, url: video.url, sha256: null } : a)) };
      }),
    );
    const project = await makeProject({ mascots: { felix } }, { nested: true });
    try {
      const before = emu.requests().length;
      const outcome = await syncInProcess(project, emu, { apiUrl: proxy.apiUrl, retries: 1 });
      expect(outcome.ok, JSON.stringify(outcome)).toBe(false);
      expect(outcome.error).toMatch(
        /^\[masko\] mascot "felix", pose "Idle" \(png asset [^)]+\): http:\/\/127\.0\.0\.1:\d+\/\S+-240\.webm: expected a PNG image \(the transparent_image asset [^)]+\), got \d+ bytes that are not a readable image/,
      );
      expect(outcome.error).toMatch(/nothing was kept in the cache/);
      expect(
        emu
          .requests()
          .slice(before)
          .filter((q) => q.origin === 'assets' && q.path.endsWith('-240.webm')),
      ).toHaveLength(2);
      const snap = await snapshot(project);
      expect(snap.lock).toBeUndefined();
      expect(snap.leftovers).toEqual([]);
      // No cached ".png" that is not a PNG.
      for (const [path] of Object.entries(snap.files).filter(([p]) => p.endsWith('.png'))) {
        expect((await readFile(`${project.cacheDir}/${path}`)).subarray(0, 4).toString('latin1'), path).toBe('\x89PNG');
      }
    } finally {
      await project.close();
      await proxy.close();
    }
  });

  for (const [what, rewrite, expected] of CASES) {
    it(`${what}: a clear error, no lockfile, nothing partial`, async () => {
      const proxy = await apiProxy(emu, rewrite);
      const project = await makeProject({ mascots: { felix } }, { nested: true });
      try {
        const outcome = await syncInProcess(project, emu, { apiUrl: proxy.apiUrl, retries: 1 });
        expect(outcome.ok, JSON.stringify(outcome)).toBe(false);
        expect(outcome.error).toMatch(/^\[masko\] /);
        expect(outcome.error).toMatch(expected);
        expect(outcome.error).not.toContain(KEY);
        // A failed sync returns only once no download is writing: judge the cache as it is at return.
        const snap = await snapshot(project);
        expect(snap.lock).toBeUndefined();
        expect(snap.corrupt).toEqual([]);
        expect(snap.leftovers).toEqual([]);
        // Nothing outside the project's cache: only the config and (maybe) whole cache files.
        const stray = (await listTree(project.outer)).filter((f) => f !== 'p/q/r/masko.config.json' && !f.startsWith('p/q/r/.cache/masko/'));
        expect(stray).toEqual([]);
      } finally {
        await project.close();
        await proxy.close();
      }
    });
  }
});
