// Every resource method against the real emulator, plus failures of plain API calls.
import { createServer } from 'node:http';
import { DEMO } from 'masko-emulator';
import { describe, expect, it } from 'vitest';
import { createMaskoClient, MaskoNetworkError, MaskoTimeoutError, toArray } from '../src/index.js';
import { startHarness, useHarness } from './emulator.js';
import { allMessages, FAKE_KEY, KEY_FRAGMENT, rejection } from './helpers.js';

const h = useHarness();
const col = DEMO.collectionId;

describe('resources', () => {
  it('reads credits', async () => {
    h.emu.setCredits(42);
    expect((await h.client.credits()).balance).toBe(42);
  });

  it('creates and lists projects', async () => {
    const p = await h.client.projects.create({ name: 'Client test' });
    expect(p.name).toBe('Client test');
    const all = await toArray(h.client.projects.list());
    expect(all.map((x) => x.id)).toContain(p.id);
    expect(all.map((x) => x.id)).toContain(DEMO.projectId);
  });

  it('creates, reads, updates and lists collections; adds and removes references', async () => {
    const project = await h.client.projects.create({ name: 'Refs' });
    const created = await h.client.collections.create({ project_id: project.id, name: 'Otter', animation_sizes: [240] });
    expect(created).toMatchObject({ project_id: project.id, name: 'Otter' });
    expect((await h.client.collections.get(created.id)).id).toBe(created.id);
    const renamed = await h.client.collections.update(created.id, { name: 'Otto' });
    expect(renamed.name).toBe('Otto');
    const listed = await toArray(h.client.collections.list({ projectId: project.id }));
    expect(listed.map((c) => c.id)).toEqual([created.id]);

    const { asset_id } = await h.client.upload({ url: 'https://example.com/otter.png' });
    const withRef = await h.client.collections.addReference(created.id, { assetId: asset_id });
    expect(withRef.config?.reference_asset_ids).toContain(asset_id);
    const byUrl = await h.client.collections.addReference(created.id, { url: 'https://example.com/otter2.png' });
    expect(byUrl.config?.reference_asset_ids).toHaveLength(2);
    const without = await h.client.collections.removeReference(created.id, asset_id);
    expect(without.config?.reference_asset_ids).not.toContain(asset_id);
  });

  it('lists items by name and reads one with its assets', async () => {
    const [wave, ...rest] = await toArray(h.client.items.list(col, { name: 'Wave' }));
    expect(rest).toEqual([]);
    expect(wave!.id).toBe(DEMO.items.Wave);
    const item = await h.client.items.get(wave!.id);
    expect(item.name).toBe('Wave');
    const all = await toArray(h.client.items.list(col));
    expect(all.length).toBeGreaterThanOrEqual(4);
  });

  it('lists assets across pages and reads one', async () => {
    const assets = await toArray(h.client.assets.list(col));
    const collection = await h.client.collections.get(col);
    expect(assets).toHaveLength(collection.asset_count!);
    expect(assets.length).toBeGreaterThan(100); // more than one page of 100
    expect(new Set(assets.map((a) => a.id)).size).toBe(assets.length);
    const pages = h.requests().filter((r) => r.path === `/v1/collections/${col}/assets`);
    expect(pages.length).toBeGreaterThan(1);
    const webm = await toArray(h.client.assets.list(col, { itemId: DEMO.items.Idle, type: 'webm' }));
    expect(webm.length).toBeGreaterThan(0);
    expect(webm.every((a) => a.type === 'webm' && a.item_id === DEMO.items.Idle)).toBe(true);
    expect((await h.client.assets.get(webm[0]!.id)).url).toBe(webm[0]!.url);
  });

  it('reads an uploaded asset, whose item and collection ids are null', async () => {
    const { asset_id } = await h.client.upload({ url: 'https://example.com/otter.png' });
    const uploaded = await h.client.assets.get(asset_id);
    expect(uploaded).toMatchObject({ id: asset_id, item_id: null, collection_id: null, sha256: null });
  });

  it('lists and gets jobs', async () => {
    const { job_id } = await h.client.generate(col, { type: 'image', name: 'Jobs list', image_prompt: 'x' });
    expect((await h.client.jobs.get(job_id)).id).toBe(job_id);
    const listed = await toArray(h.client.jobs.list({ collection_id: col }));
    expect(listed.map((j) => j.id)).toContain(job_id);
  });

  it('creates, lists and deletes webhooks', async () => {
    const hook = await h.client.webhooks.create({ url: 'https://example.com/hook', events: ['job.completed', 'job.failed'] });
    expect(hook.secret).toBeTruthy();
    expect((await h.client.webhooks.list()).map((w) => w.id)).toContain(hook.id);
    await h.client.webhooks.delete(hook.id);
    expect((await h.client.webhooks.list()).map((w) => w.id)).not.toContain(hook.id);
  });

  it('suggests actions', async () => {
    const actions = await h.client.suggestActions(col);
    expect(actions.length).toBeGreaterThan(0);
  });
});

describe('API faults', () => {
  for (const kind of ['reset', 'truncate', 'stall'] as const) {
    it(`retries a GET whose body hits a one-off ${kind}`, async () => {
      const c = h.clientWith({ timeouts: { body: 300 } });
      h.emu.addFault({ kind, path: '/v1/collections/*', method: 'GET', count: 1, afterBytes: 20, ...(kind === 'stall' && { stallMs: 3000 }) });
      expect((await c.collections.get(col)).id).toBe(col);
      expect(h.requests().map((r) => r.fault)).toEqual([kind, null]);
    });
  }

  it('retries JSON that a corrupted byte made unreadable or mis-shaped', async () => {
    h.emu.setCredits(4242);
    let retried = 0;
    for (let seed = 1; seed <= 8; seed++) {
      h.mark();
      h.emu.addFault({ kind: 'corrupt', path: '/v1/credits', count: 1, seed });
      // The one required field is always right: a flip in it breaks the JSON or the shape, and is retried.
      expect((await h.client.credits()).balance).toBe(4242);
      if (h.requests().length > 1) retried++;
    }
    expect(retried).toBeGreaterThan(0);
  });

  it('retries a 429 storm honouring Retry-After', async () => {
    h.emu.addFault({ kind: 'rate-limit', retryAfter: 1, path: '/v1/credits', count: 2 });
    expect((await h.client.credits()).balance).toBeGreaterThan(0);
    expect(h.requests().map((r) => r.status)).toEqual([429, 429, 200]);
    expect(h.log.lines.filter((l) => l.includes('GET /v1/credits: retry') && l.includes('in 1000 ms'))).toHaveLength(2);
  });

  it('gives up with rate_limited and retryAfter when the wait would pass the deadline', async () => {
    const c = h.clientWith({ timeouts: { total: 2000 } });
    h.emu.addFault({ kind: 'rate-limit', retryAfter: 30, path: '/v1/credits' });
    const err = await rejection(() => c.credits());
    expect(err).toMatchObject({ status: 429, code: 'rate_limited', retryAfter: 30 });
    expect(h.requests()).toHaveLength(1);
  });

  it('stops at the total deadline when a body stalls', async () => {
    const c = h.clientWith({ timeouts: { total: 800, body: 60_000 } });
    h.emu.addFault({ kind: 'stall', path: '/v1/credits', afterBytes: 5, stallMs: 3000 });
    const err = await rejection(() => c.credits());
    expect(err).toBeInstanceOf(MaskoTimeoutError);
    expect(err.message).toBe('[masko] GET /v1/credits did not finish within 800 ms (timeouts.total)');
  });

  it('honours the caller’s abort signal', async () => {
    h.emu.addFault({ kind: 'stall', path: '/v1/credits', afterBytes: 5, stallMs: 3000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(new Error('stop')), 100);
    const err = await rejection(() => h.client.credits(ac.signal));
    expect(err.message).toBe('stop');
  });

  it('reports a refused connection with its cause, and no key', async () => {
    const c = createMaskoClient({ apiKey: FAKE_KEY, apiUrl: `http://127.0.0.1:1/v1`, retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1 } });
    try {
      const err = await rejection(() => c.credits());
      expect(err).toBeInstanceOf(MaskoNetworkError);
      expect(err).toMatchObject({ code: 'ECONNREFUSED', url: '/v1/credits' });
      expect(err.message).toContain('ECONNREFUSED');
      expect(err.cause).toBeDefined();
      expect(allMessages(err)).not.toContain(KEY_FRAGMENT);
    } finally {
      await c.close();
    }
  });

  it('caps connections per origin', async () => {
    // A server that holds each answer until 4 are waiting (or a short while), counting sockets in use.
    let inFlight = 0;
    let maxInFlight = 0;
    const sockets = new Set<unknown>();
    const server = createServer((req, res) => {
      sockets.add(req.socket);
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { balance: 1 } }));
      }, 50);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    const c = createMaskoClient({ apiKey: FAKE_KEY, apiUrl: `http://127.0.0.1:${port}/v1`, connections: 2 });
    try {
      const results = await Promise.all(Array.from({ length: 8 }, () => c.credits()));
      expect(results).toHaveLength(8);
    } finally {
      await c.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
    expect(maxInFlight).toBe(2);
    expect(sockets.size).toBe(2);
  });
});

describe('rate limit headers', () => {
  it('holds requests until X-RateLimit-Reset instead of running into 429s', async () => {
    // A window wide enough that two calls surely share it, even on a loaded machine.
    const limited = await startHarness({ rateLimit: { requests: 2, windowMs: 2000 } });
    try {
      for (let i = 0; i < 4; i++) await limited.client.credits();
      const statuses = limited.requests().map((r) => r.status);
      expect(statuses).toEqual([200, 200, 200, 200]);
      expect(limited.log.lines.some((l) => l.includes('rate limit exhausted: waiting'))).toBe(true);
    } finally {
      await limited.close();
    }
  });
});
