import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, type Emulator } from '../src/index.js';
import { AUTH, call, KEY, rawRequest, sha256, start } from './helpers.js';

let emu: Emulator;
afterEach(() => emu?.close());

async function assetUrl(): Promise<{ url: string; bytes: number; sha: string }> {
  const list = await call(emu, 'GET', `/collections/${DEMO.collectionId}/assets?item_id=${DEMO.items.Idle}&type=webm`);
  const a = list.body.data.find((x: any) => x.size === null);
  const body = Buffer.from(await (await fetch(a.url)).arrayBuffer());
  return { url: a.url, bytes: a.bytes, sha: sha256(body) };
}

describe('fault injection', () => {
  it('answers a status burst for `count` matching requests, then recovers', async () => {
    emu = await start({ faults: [{ kind: 'status', status: 503, count: 2, path: '/v1/credits' }] });
    expect((await call(emu, 'GET', '/projects')).status).toBe(200); // other paths untouched
    const a = await call(emu, 'GET', '/credits');
    expect(a.status).toBe(503);
    expect(a.body.error.code).toBe('internal_error');
    expect((await call(emu, 'GET', '/credits')).status).toBe(503);
    expect((await call(emu, 'GET', '/credits')).status).toBe(200);
  });

  it('storms 429 with Retry-After on a glob, on one origin only', async () => {
    emu = await start();
    emu.addFault({ kind: 'rate-limit', retryAfter: 7, path: '/v1/collections/**', origin: 'api' });
    const res = await call(emu, 'GET', `/collections/${DEMO.collectionId}/items`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.body.error.code).toBe('rate_limited');
    expect((await call(emu, 'GET', '/credits')).status).toBe(200);
    emu.clearFaults();
    expect((await call(emu, 'GET', `/collections/${DEMO.collectionId}/items`)).status).toBe(200);
  });

  it('resets the connection mid-body', async () => {
    emu = await start();
    const a = await assetUrl();
    emu.addFault({ kind: 'reset', origin: 'assets', count: 1 });
    const res = await rawRequest(a.url);
    expect(res.status).toBe(200);
    expect(res.error).toBeTruthy();
    expect(res.bytes.length).toBeLessThan(a.bytes);
    expect((await rawRequest(a.url)).bytes.length).toBe(a.bytes); // one-shot
  });

  it('truncates: fewer bytes than Content-Length, then the connection closes', async () => {
    emu = await start();
    const a = await assetUrl();
    emu.addFault({ kind: 'truncate', origin: 'assets', afterBytes: 100, count: 1 });
    const res = await rawRequest(a.url);
    expect(Number(res.headers!['content-length'])).toBe(a.bytes);
    expect(res.bytes.length).toBe(100);
    expect(res.error).toBeTruthy();
  });

  it('corrupts bytes: same length, different sha', async () => {
    emu = await start();
    const a = await assetUrl();
    emu.addFault({ kind: 'corrupt', path: '/**/*.webm', seed: 42, count: 1 });
    const res = await rawRequest(a.url);
    expect(res.error).toBeUndefined();
    expect(res.bytes.length).toBe(a.bytes);
    expect(sha256(res.bytes)).not.toBe(a.sha);
  });

  it('stalls: headers and the first bytes, then nothing within the window', async () => {
    emu = await start();
    const a = await assetUrl();
    emu.addFault({ kind: 'stall', origin: 'assets', afterBytes: 10, count: 1 });
    const res = await rawRequest(a.url, { windowMs: 300 });
    expect(res.timedOut).toBe(true);
    expect(res.status).toBe(200);
    expect(res.bytes.length).toBe(10);
  });

  it('drops the response of a POST it fully handled', async () => {
    emu = await start({ faults: [{ kind: 'drop-response', method: 'POST', path: '/v1/projects', count: 1 }] });
    const res = await rawRequest(`${emu.apiUrl}/projects`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Lost' }),
    });
    expect(res.error).toBeTruthy();
    expect(res.status).toBeUndefined();
    const list = await call(emu, 'GET', '/projects');
    expect(list.body.data.map((p: any) => p.name)).toContain('Lost');
  });

  it('slows jobs created while a slow-job fault is active, only on its path', async () => {
    emu = await start({ faults: [{ kind: 'slow-job', jobDelayMs: 60_000, count: 1 }] });
    const path = `/collections/${DEMO.collectionId}/generate`;
    const slow = (await call(emu, 'POST', path, { type: 'image', name: 'Slow', image_prompt: 'p' })).body.data;
    const fast = (await call(emu, 'POST', path, { type: 'image', name: 'Fast', image_prompt: 'p' })).body.data;
    expect((await call(emu, 'GET', `/jobs/${fast.job_id}?wait=true`)).body.data.status).toBe('completed');
    expect(['pending', 'processing']).toContain((await call(emu, 'GET', `/jobs/${slow.job_id}`)).body.data.status);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After and X-RateLimit-* once the window is spent', async () => {
    emu = await start({ rateLimit: { requests: 3, windowMs: 60_000 } });
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await call(emu, 'GET', '/credits');
      expect(res.status).toBe(200);
      remaining.push(res.headers.get('x-ratelimit-remaining')!);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await call(emu, 'GET', '/credits');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('x-ratelimit-limit')).toBe('3');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    // Another key has its own window.
    const other = await call(emu, 'GET', '/credits', undefined, { authorization: `Bearer masko_${'cd'.repeat(32)}` });
    expect(other.status).toBe(200);
  });
});

describe('admin API', () => {
  it('is refused unless started with admin: true', async () => {
    emu = await start();
    const res = await fetch(`${emu.apiUrl.replace('/v1', '')}/__admin/requests`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.message).toContain('--admin');
    const post = await fetch(`${emu.apiUrl.replace('/v1', '')}/__admin/faults`, { method: 'POST', body: JSON.stringify({ kind: 'status' }) });
    expect(post.status).toBe(404);
    expect((await call(emu, 'GET', '/credits')).status).toBe(200);
  });

  it('adds faults, sets credits, resets, and logs headers per origin with the key redacted', async () => {
    emu = await start({ admin: true });
    const admin = `${emu.apiUrl.replace('/v1', '')}/__admin`;
    const post = (p: string, body: unknown): Promise<Response> =>
      fetch(`${admin}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const bad = await post('/faults', { kind: 'meteor' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.message).toContain('fault.kind');
    expect((await post('/faults', { kind: 'status', status: 500, count: 1 })).status).toBe(201);
    expect((await call(emu, 'GET', '/credits')).status).toBe(500);
    expect((await post('/credits', { balance: 42 })).status).toBe(200);
    expect((await call(emu, 'GET', '/credits')).body.data.balance).toBe(42);
    await call(emu, 'POST', '/projects', { name: 'Temp' });
    expect((await post('/reset', {})).status).toBe(204);
    expect((await call(emu, 'GET', '/credits')).body.data.balance).toBe(10000);
    expect((await call(emu, 'GET', '/projects')).body.data.map((p: any) => p.name)).toEqual(['Demo']);

    await fetch(`${admin}/requests`, { method: 'DELETE' });
    const a = await call(emu, 'GET', `/collections/${DEMO.collectionId}/assets?type=webm&limit=1`);
    await (await fetch(a.body.data[0].url)).arrayBuffer();
    const log = ((await (await fetch(`${admin}/requests`)).json()) as any).data as any[];
    const api = log.find((e) => e.origin === 'api');
    const asset = log.find((e) => e.origin === 'assets');
    expect(api.headers.authorization).toBe('Bearer masko_…(redacted)');
    expect(asset.headers.authorization).toBeUndefined();
    expect(asset).toMatchObject({ method: 'GET', status: 200 });
    expect(JSON.stringify(log)).not.toContain(KEY.slice(6));

    // A leak would be visible: an asset request carrying a key is logged with the marker, never the value.
    await (await fetch(a.body.data[0].url, { headers: AUTH })).arrayBuffer();
    const leaked = (((await (await fetch(`${admin}/requests`)).json()) as any).data as any[]).filter((e) => e.origin === 'assets');
    expect(leaked.at(-1).headers.authorization).toBe('Bearer masko_…(redacted)');
    expect(JSON.stringify(leaked)).not.toContain(KEY.slice(6));
  });
});
