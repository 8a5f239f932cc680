// The API revisions and field sets the emulator can answer with, and expiring signed asset URLs, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type Emulator, startEmulator } from '../src/index.js';
import { AUTH } from './helpers.js';

const get = async (emu: Emulator, path: string) => {
  const res = await fetch(`${emu.apiUrl}${path}`, { headers: AUTH });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};
const post = async (emu: Emulator, path: string, body: unknown) => {
  const res = await fetch(`${emu.apiUrl}${path}`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe('revision: old', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ revision: 'old', jobDelayMs: 20, credits: 0 });
  });
  afterAll(() => emu.close());

  it('answers bare bodies and lists under a resource key, without pagination meta', async () => {
    const one = await get(emu, `/collections/${DEMO.collectionId}`);
    expect(one.body).not.toHaveProperty('data');
    expect(one.body.id).toBe(DEMO.collectionId);
    const list = await get(emu, `/collections/${DEMO.collectionId}/items`);
    expect(Object.keys(list.body)).toEqual(['items']);
    expect(list.body.items.map((i: { name: string }) => i.name)).toContain('Idle');
    expect(Object.keys((await get(emu, '/projects')).body)).toEqual(['projects']);
  });

  it('answers the flat 402 with required and available', async () => {
    const res = await post(emu, `/collections/${DEMO.collectionId}/generate`, { type: 'image', name: 'Party', image_prompt: 'party' });
    expect(res.status).toBe(402);
    expect(res.body).toEqual({ error: 'Insufficient credits', required: 1, available: 0 });
  });

  it('shapes jobs the old way (output_data.item_id, old type, no cost)', async () => {
    emu.setCredits(5);
    const made = await post(emu, `/collections/${DEMO.collectionId}/generate`, { type: 'image', name: 'Party', image_prompt: 'party' });
    expect(made.status).toBe(202);
    const job = (await get(emu, `/jobs/${made.body.job_id}`)).body;
    expect(job).toMatchObject({ id: made.body.job_id, type: 'image', output_data: { item_id: made.body.item_id } });
    expect(job).not.toHaveProperty('cost_credits');
    expect(job).not.toHaveProperty('item_name');
  });
});

describe('fields: stripped', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ fields: 'stripped' });
  });
  afterAll(() => emu.close());

  it('gives assets only id, type and URL, and items no inline assets or transition link', async () => {
    const items = (await get(emu, `/collections/${DEMO.collectionId}/items`)).body.data as Record<string, unknown>[];
    for (const item of items) {
      expect(item).not.toHaveProperty('assets');
      expect(item).not.toHaveProperty('transition');
    }
    const assets = (await get(emu, `/collections/${DEMO.collectionId}/assets?item_id=${items[0]!.id}`)).body.data as Record<string, unknown>[];
    expect(assets.length).toBeGreaterThan(0);
    for (const a of assets) expect(Object.keys(a).sort()).toEqual(['id', 'type', 'url']);
    const collection = (await get(emu, `/collections/${DEMO.collectionId}`)).body.data;
    expect(collection.config).not.toHaveProperty('animation_sizes');
  });
});

describe('signedUrls', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ signedUrls: { ttlMs: 60_000 } });
  });
  afterAll(() => emu.close());

  const anAsset = async () => {
    const assets = (await get(emu, `/collections/${DEMO.collectionId}/assets?type=webm&limit=1`)).body.data as { id: string; url: string }[];
    return assets[0]!;
  };

  it('serves a freshly signed URL, refuses it unsigned, altered or expired, and the API hands a fresh one', async () => {
    const a = await anAsset();
    const url = new URL(a.url);
    expect(url.searchParams.get('expires')).toMatch(/^\d+$/);
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(`${url.origin}${url.pathname}`)).status).toBe(403);
    const altered = new URL(url);
    altered.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 1));
    expect((await fetch(altered)).status).toBe(403);

    emu.expireSignedUrls();
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toMatch(/ask the API for the asset again/);
    const fresh = (await get(emu, `/assets/${a.id}`)).body.data as { url: string };
    expect(fresh.url).not.toBe(a.url);
    expect((await fetch(fresh.url)).status).toBe(200);
  });

  it('refuses a URL whose lifetime has passed', async () => {
    const short = await startEmulator({ signedUrls: { ttlMs: 1 } });
    try {
      const res = await fetch(`${short.apiUrl}/collections/${DEMO.collectionId}/assets?type=webm&limit=1`, { headers: AUTH });
      const [a] = ((await res.json()) as { data: { url: string }[] }).data;
      await new Promise((r) => setTimeout(r, 20));
      const answer = await fetch(a!.url);
      expect(answer.status).toBe(403);
      expect(await answer.text()).toMatch(/expired/);
    } finally {
      await short.close();
    }
  });
});
