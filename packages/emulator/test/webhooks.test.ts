import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, type Emulator } from '../src/index.js';
import { call, start } from './helpers.js';

let emu: Emulator;
let receiver: Server;
afterEach(async () => {
  await emu?.close();
  await new Promise((r) => receiver?.close(r));
});

interface Delivery {
  headers: Record<string, string | string[] | undefined>;
  raw: string;
}

/** A local receiver that hands over deliveries as they arrive. */
async function listenReceiver(): Promise<{ url: string; next: () => Promise<Delivery> }> {
  const queue: Delivery[] = [];
  const waiting: ((d: Delivery) => void)[] = [];
  receiver = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      res.end();
      const d = { headers: req.headers, raw };
      const w = waiting.shift();
      if (w) w(d);
      else queue.push(d);
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const { port } = receiver.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hook`,
    next: () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise((r) => waiting.push(r))),
  };
}

const verify = (secret: string, d: Delivery): boolean => {
  const expected = Buffer.from(createHmac('sha256', secret).update(d.raw).digest('hex'));
  const got = Buffer.from(String(d.headers['x-masko-signature']));
  return got.length === expected.length && timingSafeEqual(got, expected);
};

describe('webhooks', () => {
  it('delivers signed job.completed and job.failed events', async () => {
    const rx = await listenReceiver();
    emu = await start();
    const bad = await call(emu, 'POST', '/webhooks', { url: rx.url, events: ['job.exploded'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('events');
    const hook = (await call(emu, 'POST', '/webhooks', { url: rx.url, events: ['job.completed', 'job.failed'] })).body.data;
    expect(hook.secret).toMatch(/^whsec_/);

    const g = (await call(emu, 'POST', `/collections/${DEMO.collectionId}/generate`, { type: 'image', name: 'Wave', image_prompt: 'p' })).body.data;
    const done = await rx.next();
    expect(verify(hook.secret, done)).toBe(true);
    expect(verify('whsec_wrong', done)).toBe(false);
    const payload = JSON.parse(done.raw);
    expect(payload).toMatchObject({ event: 'job.completed', job_id: g.job_id, collection_id: DEMO.collectionId, urls: g.urls, asset_ids: g.asset_ids });
    expect(payload.timestamp).toBeTruthy();

    emu.addFault({ kind: 'fail-job', count: 1 });
    const f = (await call(emu, 'POST', `/collections/${DEMO.collectionId}/generate`, { type: 'image', name: 'Oops', image_prompt: 'p' })).body.data;
    const failed = await rx.next();
    expect(verify(hook.secret, failed)).toBe(true);
    expect(JSON.parse(failed.raw)).toMatchObject({ event: 'job.failed', job_id: f.job_id });

    const list = (await call(emu, 'GET', '/webhooks')).body.data;
    expect(list).toHaveLength(1);
    expect(list[0].secret).toBeUndefined();
    expect((await call(emu, 'DELETE', `/webhooks/${hook.id}`)).status).toBe(204);
    expect((await call(emu, 'DELETE', `/webhooks/${hook.id}`)).status).toBe(404);
  });
});
