import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type Emulator } from '../src/index.js';
import { call, fixtureMedia, sha256, start } from './helpers.js';

let emu: Emulator;
let webm: { url: string; bytes: number; mime: string };
let expected: Buffer;

beforeAll(async () => {
  emu = await start();
  const assets = await call(emu, 'GET', `/collections/${DEMO.collectionId}/assets?item_id=${DEMO.items.Wave}&type=webm`);
  webm = assets.body.data.find((a: any) => a.size === 360);
  expected = readFileSync(join(fixtureMedia(), 'wave-360.webm'));
});
afterAll(() => emu.close());

describe('asset host', () => {
  it('serves the file bytes without auth, with type, length, ETag, CORS and ranges', async () => {
    const res = await fetch(webm.url);
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    expect(sha256(body)).toBe(sha256(expected));
    expect(res.headers.get('content-type')).toBe(webm.mime);
    expect(Number(res.headers.get('content-length'))).toBe(webm.bytes);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    const etag = res.headers.get('etag')!;
    expect((await fetch(webm.url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const part = await fetch(webm.url, { headers: { range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${webm.bytes}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(expected.subarray(10, 20));
    const tail = await fetch(webm.url, { headers: { range: 'bytes=-5' } });
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(expected.subarray(-5));
    expect((await fetch(webm.url, { headers: { range: `bytes=${webm.bytes + 10}-` } })).status).toBe(416);
  });

  it('answers HEAD without a body and a CORS preflight', async () => {
    const head = await fetch(webm.url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBe(webm.bytes);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    const pre = await fetch(webm.url, { method: 'OPTIONS', headers: { origin: 'http://example.com', 'access-control-request-method': 'GET' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toContain('GET');
    expect((await fetch(webm.url, { method: 'POST' })).status).toBe(405);
  });

  it('answers 404 for an unknown path and is a different origin from the API', async () => {
    expect((await fetch(`${emu.assetsUrl}/nope.webm`)).status).toBe(404);
    expect(new URL(emu.assetsUrl).origin).not.toBe(new URL(emu.apiUrl).origin);
  });
});
