/**
 * Bad API answers, through the real plugin sync and masko-client (a rewriting proxy in front of the
 * emulator): unexpected shapes, missing fields, HTML error pages, wrong content types, asset URLs with
 * `javascript:`/`data:`. Each fails with a `[masko]` error naming the field or URL, leaves no lockfile,
 * and writes nothing but (possibly) whole cache files.
 */
import { DEMO, startEmulator, type Emulator } from 'masko-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiProxy, type Rewrite } from './api-proxy.js';
import { KEY, listTree, makeProject, settledSnapshot, syncInProcess } from './harness.js';

const felix = { collection: DEMO.collectionId, sizes: [160], formats: ['png', 'webm'], include: ['Idle', 'Wave'] };
const ITEMS = `/v1/collections/${DEMO.collectionId}/items`;
const COLLECTION = `/v1/collections/${DEMO.collectionId}`;
const HTML = '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';

type Item = Record<string, unknown> & { name: string; assets: Record<string, unknown>[] };
/** Applies `change` to the items list's entries. */
const items = (change: (item: Item, index: number) => Item): Rewrite => (path, body) =>
  path === ITEMS ? { json: { ...(body as object), data: ((body as { data: Item[] }).data).map(change) } } : undefined;
const firstAsset = (patch: Record<string, unknown>) => items((item) => item.name === 'Idle'
  ? { ...item, assets: item.assets.map((a) => (a.type === 'webm' && a.size === 160 ? { ...a, ...patch } : a)) } : item);

/** [what, rewrite, what the message must contain] */
const CASES: [string, Rewrite, RegExp][] = [
  ['HTML error page (502, text/html)', (path) => (path === ITEMS ? { status: 502, type: 'text/html', body: HTML } : undefined), /502.*text\/html.*502 Bad Gateway/s],
  ['HTML page with 200 (wrong content type)', (path) => (path === COLLECTION ? { status: 200, type: 'text/html', body: HTML } : undefined), /not JSON \(text\/html\)/],
  ['JSON sent as text/plain, but garbled', (path) => (path === COLLECTION ? { status: 200, type: 'text/plain', body: '{"data": {"id": ' } : undefined), /not JSON \(text\/plain\)/],
  ['collection data is a string', (path) => (path === COLLECTION ? { json: { data: 'Felix' } } : undefined), /GET \/v1\/collections\/[^:]+: unexpected response/],
  ['items list is an object', (path) => (path === ITEMS ? { json: { data: { items: 'none' } } } : undefined), /data: expected an array/],
  ['item without a name', items((item, i) => { if (i > 0) return item; const { name: _, ...rest } = item; return rest as Item; }), /data\[0\]\.name/],
  ['item with a numeric loop flag', items((item, i) => (i === 0 ? { ...item, loop: 1 } : item)), /data\[0\]\.loop/],
  ['asset of an unknown type', items((item, i) => (i === 0 ? { ...item, assets: [{ ...item.assets[0], type: 'gif' }] } : item)), /data\[0\]\.assets\[0\]\.type: .*received "gif"/],
  ['asset URL javascript:', firstAsset({ url: 'javascript:alert(document.cookie)' }), /javascript:/],
  ['asset URL data:', firstAsset({ url: 'data:video/webm;base64,GkXfo59ChoEBQveBAULygQRC84EIQoKEd2VibUKHgQJChYECGFOAZwEAAAAAAAAA' }), /data:/],
];

let emu: Emulator;
beforeAll(async () => { emu = await startEmulator({ port: 0, jobDelayMs: 50, rateLimit: false }); });
afterAll(async () => { await emu?.close(); });

describe('bad API answers', () => {
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
        // A failed sync may return while sibling downloads still run (reported): judge once they end.
        const snap = await settledSnapshot(project);
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
