import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type Emulator } from '../src/index.js';
import { AUTH, call, KEY, start } from './helpers.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

describe('auth and envelope', () => {
  it('answers 401 with the error envelope without a key, with a malformed key and without "Bearer"', async () => {
    for (const headers of [
      {},
      { authorization: 'Bearer masko_123' },
      { authorization: `Bearer masko_${'AB'.repeat(31)}` },
      { authorization: `masko_${'ab'.repeat(32)}` },
    ] as Record<string, string>[]) {
      const res = await call(emu, 'GET', '/projects', undefined, headers);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
      expect(res.body.error.message).toMatch(/Bearer masko_/);
    }
  });

  it('accepts any well-formed key and marks every response with the emulator version', async () => {
    // Upper-case hex too: the emulator takes what masko-client accepts (masko-wire's one pattern).
    expect((await call(emu, 'GET', '/credits', undefined, { authorization: `Bearer masko_${'AB'.repeat(32)}` })).status).toBe(200);
    const res = await call(emu, 'GET', '/credits', undefined, { authorization: `Bearer masko_${'0f'.repeat(32)}` });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ balance: 10000, subscription_credits: 10000, topup_credits: 0 });
    expect(res.headers.get('x-masko-emulator-version')).toMatch(/^\d+\.\d+\.\d+/);
    expect(res.headers.get('x-ratelimit-limit')).toBe('600');
    expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1);
  });

  it('names an unknown route loudly', async () => {
    const res = await call(emu, 'GET', '/nope');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'not_found' });
    expect(res.body.error.message).toContain('GET /v1/nope');
  });

  it('rejects a body that is not JSON, naming the problem', async () => {
    const res = await fetch(`${emu.apiUrl}/projects`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: '{nope' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error).toEqual({ code: 'bad_request', message: 'request body is not valid JSON' });
  });
});

describe('projects, collections, items', () => {
  it('lists the demo project and collection, creates more, and paginates', async () => {
    const first = await call(emu, 'GET', '/projects');
    expect(first.body.data[0]).toMatchObject({ id: DEMO.projectId, name: 'Demo', organization_id: null });
    for (let i = 0; i < 3; i++) {
      const created = await call(emu, 'POST', '/projects', { name: `P${i}` });
      expect(created.status).toBe(201);
      expect(created.body.data.name).toBe(`P${i}`);
    }
    const page = await call(emu, 'GET', '/projects?limit=2&offset=1');
    expect(page.body.data.map((p: any) => p.name)).toEqual(['P0', 'P1']);
    expect(page.body.meta.pagination).toEqual({ total: 4, limit: 2, offset: 1, has_more: true });
    const last = await call(emu, 'GET', '/projects?limit=2&offset=2');
    expect(last.body.meta.pagination.has_more).toBe(false);
    const bad = await call(emu, 'GET', '/projects?limit=500');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('limit');
  });

  it('creates, reads and patches a collection; a missing field is named', async () => {
    const missing = await call(emu, 'POST', '/collections', { name: 'X' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('project_id');
    const created = await call(emu, 'POST', '/collections', { project_id: DEMO.projectId, name: 'Otter', description: 'A sea otter', animation_sizes: [240] });
    expect(created.status).toBe(201);
    const c = created.body.data;
    expect(c).toMatchObject({ name: 'Otter', type: 'mascot', project_id: DEMO.projectId, config: { prompt: 'A sea otter', animation_sizes: [240] } });
    expect(c.slug).toMatch(/^otter-[0-9a-f]{4}$/);
    const patched = await call(emu, 'PATCH', `/collections/${c.id}`, { slug: 'otter-cdn' });
    expect(patched.body.data.slug).toBe('otter-cdn');
    const got = await call(emu, 'GET', `/collections/${c.id}`);
    expect(got.body.data.slug).toBe('otter-cdn');
    const list = await call(emu, 'GET', `/collections?project_id=${DEMO.projectId}`);
    expect(list.body.data.map((x: any) => x.id)).toEqual([DEMO.collectionId, c.id]);
    const badSize = await call(emu, 'POST', '/collections', { project_id: DEMO.projectId, name: 'Y', animation_sizes: [999] });
    expect(badSize.status).toBe(400);
    expect(badSize.body.error.message).toContain('animation_sizes');
  });

  it('adds and removes references (max 6) and clears the style card', async () => {
    const c = (await call(emu, 'POST', '/collections', { project_id: DEMO.projectId, name: 'Refs' })).body.data;
    const up = await call(emu, 'POST', '/upload', { url: 'https://example.com/ref.png' });
    expect(up.status).toBe(201);
    const added = await call(emu, 'POST', `/collections/${c.id}/references`, { asset_id: up.body.data.asset_id });
    expect(added.body.data.config.reference_asset_ids).toEqual([up.body.data.asset_id]);
    for (let i = 0; i < 5; i++) await call(emu, 'POST', `/collections/${c.id}/references`, { url: `https://example.com/${i}.png` });
    const seventh = await call(emu, 'POST', `/collections/${c.id}/references`, { url: 'https://example.com/7.png' });
    expect(seventh.status).toBe(400);
    const removed = await call(emu, 'DELETE', `/collections/${c.id}/references/${up.body.data.asset_id}`);
    expect(removed.body.data.config.reference_asset_ids).toHaveLength(5);
    expect(removed.body.data.config.style_card).toBeNull();
  });

  it('serves the demo mascot: 4 poses and 6 transitions with every format and size', async () => {
    const items = await call(emu, 'GET', `/collections/${DEMO.collectionId}/items?limit=100`);
    expect(items.body.meta.pagination.total).toBe(10);
    const idle = items.body.data.find((i: any) => i.name === 'Idle');
    expect(idle).toMatchObject({ id: DEMO.items.Idle, type: 'animation', loop: true, status: 'completed', transition: null });
    const types = new Set(idle.assets.map((a: any) => a.type));
    // No `hevc`: the demo's HEVC has no alpha, so listing it would give Safari an opaque box.
    expect([...types].sort()).toEqual(['image', 'stacked_video', 'transparent_image', 'video', 'webm']);
    const webm360 = idle.assets.find((a: any) => a.type === 'webm' && a.size === 360);
    const webm = idle.assets.find((a: any) => a.type === 'webm' && a.size === null);
    expect(webm360.parent_asset_id).toBe(webm.id);
    expect(webm360.url).toMatch(new RegExp(`^${emu.assetsUrl}/${DEMO.userPrefix}/${DEMO.collectionSlug}/idle-[0-9a-f]{8}-360\\.webm$`));
    expect(webm.url).toMatch(/\/idle-[0-9a-f]{8}\.webm$/);
    const mp4 = idle.assets.find((a: any) => a.type === 'stacked_video' && a.size === null);
    expect(mp4.url).toMatch(/\.mp4$/);
    expect(mp4.url.split('-').at(-1)).not.toBe(webm.url.split('-').at(-1));
    const back = items.body.data.find((i: any) => i.slug === 'thinking-idle');
    expect(back.transition).toEqual({ from_item_id: DEMO.items.Thinking, to_item_id: DEMO.items.Idle, reverse_of_item_id: DEMO.transitions['idle-thinking'] });
    const byName = await call(emu, 'GET', `/collections/${DEMO.collectionId}/items?name=Wave`);
    expect(byName.body.data.map((i: any) => i.id)).toEqual([DEMO.items.Wave]);
    const one = await call(emu, 'GET', `/items/${DEMO.items.Wave}`);
    expect(one.body.data.name).toBe('Wave');
    const assets = await call(emu, 'GET', `/collections/${DEMO.collectionId}/assets?item_id=${DEMO.items.Wave}&type=webm`);
    expect(assets.body.data).toHaveLength(4);
    const asset = await call(emu, 'GET', `/assets/${assets.body.data[0].id}`);
    expect(asset.body.data.type).toBe('webm');
    expect((await call(emu, 'GET', '/items/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('options', () => {
  it('omits rate-limit headers with rateLimit: false and prints request lines without the key', async () => {
    const lines: string[] = [];
    const quiet = await start({ rateLimit: false, log: (line) => lines.push(line) });
    try {
      const res = await call(quiet, 'GET', '/credits');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBeNull();
      expect(lines).toEqual(['api GET /v1/credits -> 200']);
      expect(lines.join('\n')).not.toContain(KEY);
    } finally {
      await quiet.close();
    }
  });

  it('rejects bad options by name', async () => {
    await expect(start({ jobDelayMs: -1 })).rejects.toThrow('option jobDelayMs must be a non-negative integer');
    await expect(start({ mediaDir: '/nonexistent' })).rejects.toThrow('media index not found: /nonexistent/demo.json');
  });
});
