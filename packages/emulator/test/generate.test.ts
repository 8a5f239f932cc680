import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, type Emulator } from '../src/index.js';
import { call, fixtureMedia, ManualTimers, settle, sha256, start } from './helpers.js';

let emu: Emulator;
afterEach(() => emu?.close());

const media = (file: string): string => sha256(readFileSync(join(fixtureMedia(), file)));
const demoAsset = async (itemId: string, type: string): Promise<any> =>
  (await call(emu, 'GET', `/collections/${DEMO.collectionId}/assets?item_id=${itemId}&type=${type}`)).body.data.find((a: any) => a.size === null);

describe('generate -> job -> assets', () => {
  it('walks an image job through pending, processing, completed; the stable URL flips from placeholder to the file', async () => {
    const timers = new ManualTimers();
    emu = await start({ timers });
    const res = await call(emu, 'POST', `/collections/${DEMO.collectionId}/generate`, { type: 'image', name: 'Waving hello', image_prompt: 'waves a paw' });
    expect(res.status).toBe(202);
    const g = res.body.data;
    expect(g).toMatchObject({ poll_url: `/v1/jobs/${g.job_id}`, cost_credits: 1 });
    expect(Object.keys(g.asset_ids).sort()).toEqual(['image', 'transparent_image']);
    expect((await call(emu, 'GET', '/credits')).body.data.balance).toBe(9999);

    const url = g.urls.transparent_image as string;
    const before = await fetch(url);
    expect(before.headers.get('x-masko-placeholder')).toBe('true');
    await before.arrayBuffer();

    const statuses = [(await call(emu, 'GET', g.poll_url.replace('/v1', ''))).body.data.status];
    while (timers.step()) statuses.push((await call(emu, 'GET', `/jobs/${g.job_id}`)).body.data.status);
    expect(statuses).toEqual(['pending', 'processing', 'completed']);

    const job = (await call(emu, 'GET', `/jobs/${g.job_id}`)).body.data;
    expect(job).toMatchObject({ type: 'image_generation', item_name: 'Waving hello', error: null, urls: g.urls, asset_ids: g.asset_ids });
    expect(job.completed_at).toBeTruthy();
    const after = await fetch(url);
    expect(after.headers.get('x-masko-placeholder')).toBeNull();
    expect(sha256(Buffer.from(await after.arrayBuffer()))).toBe(media('wave-t.png')); // "wave" keyword -> the Wave pose
    const item = (await call(emu, 'GET', `/items/${g.item_id}`)).body.data;
    expect(item).toMatchObject({ status: 'completed', type: 'image', slug: 'waving-hello' });
  });

  it('generates an animation with size variants named -<size> and maps names deterministically', async () => {
    emu = await start();
    const body = { type: 'animation', name: 'Jumping jack', image_prompt: 'jumps', animation_prompt: 'jumps up', duration: 2, loop: true, sizes: [240] };
    const a = (await call(emu, 'POST', `/collections/${DEMO.collectionId}/generate`, body)).body.data;
    expect(a.cost_credits).toBe(11);
    // No `hevc`: the demo's HEVC has no alpha, so the emulator never lists it (src/media/media.ts UNLISTED_TYPES).
    expect(Object.keys(a.urls).sort()).toEqual(['image', 'stacked_video', 'transparent_image', 'video', 'webm']);
    await call(emu, 'GET', `/jobs/${a.job_id}?wait=true`);
    const item = (await call(emu, 'GET', `/items/${a.item_id}`)).body.data;
    const variant = item.assets.find((x: any) => x.type === 'webm' && x.size === 240);
    expect(variant.url).toMatch(/\/jumping-jack-[0-9a-f]{8}-240\.webm$/);
    expect(variant.width).toBe(240);
    const b = (await call(emu, 'POST', `/collections/${DEMO.collectionId}/generate`, { ...body, sizes: undefined })).body.data;
    await call(emu, 'GET', `/jobs/${b.job_id}?wait=true`);
    const bytesA = Buffer.from(await (await fetch(a.urls.webm)).arrayBuffer());
    const bytesB = Buffer.from(await (await fetch(b.urls.webm)).arrayBuffer());
    expect(a.urls.webm).not.toBe(b.urls.webm);
    expect(sha256(bytesA)).toBe(sha256(bytesB)); // same name -> same demo clip
  });

  it('names the missing field and rejects unknown types and sizes', async () => {
    emu = await start();
    const path = `/collections/${DEMO.collectionId}/generate`;
    const cases: [unknown, string][] = [
      [{ type: 'image', name: 'X' }, 'image_prompt'],
      [{ type: 'sculpture', name: 'X' }, 'type'],
      [{ type: 'animation', name: 'X', image_prompt: 'p', animation_prompt: 'a' }, 'duration'],
      [{ type: 'image', name: 'X', image_prompt: 'p', sizes: [1000] }, 'sizes'],
      [{ type: 'edit', item_id: DEMO.items.Idle, edit_instructions: 'e' }, 'source_image_asset_id'],
    ];
    for (const [body, field] of cases) {
      const res = await call(emu, 'POST', path, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
      expect(res.body.error.message).toContain(field);
    }
    expect((await call(emu, 'GET', '/jobs')).body.meta.pagination.total).toBe(0);
  });

  it('answers 402 with required and balance and creates nothing', async () => {
    emu = await start({ credits: 3 });
    const before = (await call(emu, 'GET', `/collections/${DEMO.collectionId}`)).body.data.item_count;
    const res = await call(emu, 'POST', `/collections/${DEMO.collectionId}/generate`, {
      type: 'animation',
      name: 'Dance',
      image_prompt: 'p',
      animation_prompt: 'a',
      duration: 2,
    });
    expect(res.status).toBe(402);
    expect(res.body.error).toMatchObject({ code: 'insufficient_credits', required: 11, balance: 3 });
    expect((await call(emu, 'GET', `/collections/${DEMO.collectionId}`)).body.data.item_count).toBe(before);
    expect((await call(emu, 'GET', '/credits')).body.data.balance).toBe(3);
    expect((await call(emu, 'GET', '/jobs')).body.data).toEqual([]);
  });

  it('refunds the credits of a failed job and reports its error', async () => {
    const timers = new ManualTimers();
    emu = await start({ timers, faults: [{ kind: 'fail-job', count: 1 }] });
    const path = `/collections/${DEMO.collectionId}/generate`;
    const g = (await call(emu, 'POST', path, { type: 'image', name: 'Sad', image_prompt: 'p' })).body.data;
    expect((await call(emu, 'GET', '/credits')).body.data.balance).toBe(9999);
    timers.runAll();
    const job = (await call(emu, 'GET', `/jobs/${g.job_id}`)).body.data;
    expect(job.status).toBe('failed');
    expect(job.error.code).toBe('generation_failed');
    expect((await call(emu, 'GET', '/credits')).body.data.balance).toBe(10000);
    expect((await fetch(g.urls.image)).headers.get('x-masko-placeholder')).toBe('true');
    const next = (await call(emu, 'POST', path, { type: 'image', name: 'Happy', image_prompt: 'p' })).body.data;
    timers.runAll();
    expect((await call(emu, 'GET', `/jobs/${next.job_id}`)).body.data.status).toBe('completed');
    expect((await call(emu, 'GET', '/jobs?status=failed')).body.data.map((j: any) => j.id)).toEqual([g.job_id]);
    expect((await call(emu, 'GET', '/credits')).body.data.balance).toBe(9999);
  });

  it('makes a transition between demo poses from their clip, and a free reverse job with auto_reverse', async () => {
    emu = await start();
    const idle = await demoAsset(DEMO.items.Idle, 'transparent_image');
    const wave = await demoAsset(DEMO.items.Wave, 'transparent_image');
    const g = (
      await call(emu, 'POST', `/collections/${DEMO.collectionId}/generate`, {
        type: 'animation',
        name: 'Idle to Wave 2',
        source_image_asset_id: idle.id,
        end_image_asset_id: wave.id,
        animation_prompt: 'raises a paw',
        duration: 1,
        auto_reverse: true,
      })
    ).body.data;
    expect(g.cost_credits).toBe(5);
    await call(emu, 'GET', `/jobs/${g.job_id}?wait=true`);
    expect(sha256(Buffer.from(await (await fetch(g.urls.webm)).arrayBuffer()))).toBe(media('idle-wave.webm'));
    const item = (await call(emu, 'GET', `/items/${g.item_id}`)).body.data;
    expect(item.transition).toEqual({ from_item_id: DEMO.items.Idle, to_item_id: DEMO.items.Wave, reverse_of_item_id: null });
    const reverse = (await call(emu, 'GET', '/jobs?type=reverse')).body.data[0];
    expect(reverse).toMatchObject({ cost_credits: 0, item_name: 'Wave to Idle' });
    const done = (await call(emu, 'GET', `/jobs/${reverse.id}?wait=true`)).body.data;
    expect(sha256(Buffer.from(await (await fetch(done.urls.webm)).arrayBuffer()))).toBe(media('wave-idle.webm'));
    const revItem = (await call(emu, 'GET', `/items/${reverse.item_id}`)).body.data;
    expect(revItem.transition.reverse_of_item_id).toBe(g.item_id);
    expect((await call(emu, 'GET', '/credits')).body.data.balance).toBe(9995);
  });

  it('regenerates and edits an item: fresh assets on the same item, the old ones kept', async () => {
    emu = await start();
    const path = `/collections/${DEMO.collectionId}/generate`;
    const first = (await call(emu, 'POST', path, { type: 'image', name: 'Thinker', image_prompt: 'p' })).body.data;
    const regen = (await call(emu, 'POST', path, { type: 'image', item_id: first.item_id, image_prompt: 'again' })).body.data;
    const edit = (
      await call(emu, 'POST', path, {
        type: 'edit',
        item_id: first.item_id,
        source_image_asset_id: first.asset_ids.image,
        edit_instructions: 'add a hat',
      })
    ).body.data;
    expect([regen.item_id, edit.item_id]).toEqual([first.item_id, first.item_id]);
    expect([regen.cost_credits, edit.cost_credits]).toEqual([1, 1]);
    expect(new Set([first.urls.image, regen.urls.image, edit.urls.image]).size).toBe(3);
    await settle(emu);
    const item = (await call(emu, 'GET', `/items/${first.item_id}`)).body.data;
    expect(item.assets.filter((a: any) => a.type === 'image' && a.size === null)).toHaveLength(3);
    expect(item.status).toBe('completed');
    const bytes = Buffer.from(await (await fetch(edit.urls.image)).arrayBuffer());
    expect(sha256(bytes)).toBe(media('thinking.png')); // the item keeps its pose
    const other = await call(emu, 'POST', path, { type: 'image', item_id: '00000000-0000-4000-8000-000000000000', image_prompt: 'p' });
    expect(other.status).toBe(400);
    expect(other.body.error.message).toContain('item_id');
  });

  it('animates an existing image, keeping its pose unless the name says otherwise', async () => {
    emu = await start();
    const path = `/collections/${DEMO.collectionId}/generate`;
    const thumbs = await demoAsset(DEMO.items['Thumbs Up'], 'transparent_image');
    const same = (
      await call(emu, 'POST', path, {
        type: 'animation',
        name: 'Pose 7',
        source_image_asset_id: thumbs.id,
        animation_prompt: 'bobs gently',
        duration: 3,
        loop: true,
      })
    ).body.data;
    expect(same.cost_credits).toBe(15);
    expect(Object.keys(same.urls).sort()).toEqual(['stacked_video', 'video', 'webm']);
    await settle(emu);
    expect(sha256(Buffer.from(await (await fetch(same.urls.webm)).arrayBuffer()))).toBe(media('thumbs-up.webm'));
    const item = (await call(emu, 'GET', `/items/${same.item_id}`)).body.data;
    expect(item).toMatchObject({ loop: true, duration: 3, type: 'animation' });
  });

  it('runs a batch all-or-nothing', async () => {
    emu = await start({ credits: 12 });
    const path = `/collections/${DEMO.collectionId}/generate-batch`;
    const good = { type: 'image', name: 'A', image_prompt: 'p' };
    const invalid = await call(emu, 'POST', path, { requests: [good, { type: 'image', name: 'B' }] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toContain('requests[1].image_prompt');
    const anim = { type: 'animation', name: 'C', image_prompt: 'p', animation_prompt: 'a', duration: 2 };
    const short = await call(emu, 'POST', path, { requests: [good, anim, good] });
    expect(short.status).toBe(402);
    expect(short.body.error).toMatchObject({ required: 13, balance: 12 });
    expect((await call(emu, 'GET', '/jobs')).body.data).toEqual([]);
    const okRes = await call(emu, 'POST', path, { requests: [good, anim] });
    expect(okRes.status).toBe(202);
    expect(okRes.body.data.total_cost).toBe(12);
    expect(okRes.body.data.jobs).toHaveLength(2);
    expect((await call(emu, 'GET', '/credits')).body.data.balance).toBe(0);
  });

  it('long-polls: ?wait=true returns when the job completes, timeout=0 at once', async () => {
    const timers = new ManualTimers();
    emu = await start({ timers });
    const g = (await call(emu, 'POST', `/collections/${DEMO.collectionId}/generate`, { type: 'image', name: 'Think', image_prompt: 'p' })).body.data;
    expect((await call(emu, 'GET', `/jobs/${g.job_id}?wait=true&timeout=0`)).body.data.status).toBe('pending');
    const waiting = call(emu, 'GET', `/jobs/${g.job_id}?wait=true`);
    let settled = false;
    void waiting.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    timers.step(); // processing
    timers.step(); // completed
    const res = await waiting;
    expect(res.body.data.status).toBe('completed');
  });
});
