// Downloads against the real emulator's asset host, with every byte-level fault it can inject.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO } from 'masko-emulator';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Asset, createMaskoClient, MaskoApiError, MaskoError, MaskoIntegrityError, MaskoNetworkError } from '../src/index.js';
import { type Harness, startHarness, tempFiles } from './emulator.js';
import { allMessages, FAKE_KEY, KEY_FRAGMENT, rejection } from './helpers.js';

let h: Harness;
let dir: string;
let asset: Asset;
let reference: { sha256: string; bytes: number };

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  h = await startHarness({}, { timeouts: { body: 500 } });
  for await (const a of h.client.assets.list(DEMO.collectionId, { type: 'webm' })) {
    if (a.status === 'completed' && (a.bytes ?? 0) > 10_000) {
      asset = a;
      break;
    }
  }
  expect(asset, 'the demo mascot has a completed webm asset').toBeDefined();
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  h.emu.clearFaults();
  h.mark();
  dir = await mkdtemp(join(tmpdir(), 'masko-client-dl-'));
  if (!reference) {
    const first = await h.client.download(asset.url, join(dir, 'reference.webm'));
    reference = { sha256: first.sha256, bytes: first.bytes };
    h.mark();
  }
});
afterEach(async () => {
  expect(h.log.lines.join('\n')).not.toContain(KEY_FRAGMENT);
  await rm(dir, { recursive: true, force: true });
});

describe('download', () => {
  it('streams to disk, hashes on the way and sends no Authorization to the asset origin', async () => {
    const dest = join(dir, 'nested', 'idle.webm');
    const progress: number[] = [];
    const result = await h.client.download(asset.url, dest, { onProgress: (n) => progress.push(n) });
    const bytes = await readFile(dest);
    expect(result).toMatchObject({ path: dest, bytes: bytes.length, sha256: sha(bytes), contentType: expect.stringMatching(/^video\/webm/) });
    expect(bytes.length).toBe(asset.bytes);
    expect(progress.at(-1)).toBe(bytes.length);
    const assetRequests = h.requests().filter((r) => r.origin === 'assets');
    expect(assetRequests).toHaveLength(1);
    expect(assetRequests[0]!.headers.authorization).toBeUndefined();
    expect(await tempFiles(join(dir, 'nested'))).toEqual([]);
  });

  it('sends Authorization to the API origin (and only there)', async () => {
    await h.client.credits();
    const [api] = h.requests().filter((r) => r.origin === 'api');
    expect(api!.headers.authorization).toMatch(/^Bearer masko_/);
  });

  // One-shot faults: the retry must end with exactly the right bytes.
  for (const kind of ['reset', 'truncate', 'stall', 'corrupt'] as const) {
    it(`recovers from a one-off ${kind} with the right bytes`, async () => {
      h.emu.addFault({ kind, origin: 'assets', count: 1, seed: 7, ...(kind === 'stall' && { stallMs: 3000 }) });
      const dest = join(dir, `${kind}.webm`);
      const result = await h.client.download(asset.url, dest, { expectedSha256: reference.sha256 });
      expect(result.sha256).toBe(reference.sha256);
      expect(sha(await readFile(dest))).toBe(reference.sha256);
      const hits = h.requests().filter((r) => r.origin === 'assets');
      expect(hits.map((r) => r.fault)).toEqual([kind, null]);
      expect(h.log.lines.some((l) => l.includes('retry 1/'))).toBe(true);
      expect(await tempFiles(dir)).toEqual([]);
    });
  }

  for (const kind of ['reset', 'truncate'] as const) {
    it(`resumes a body cut short by ${kind} with Range + If-Range`, async () => {
      h.emu.addFault({ kind, origin: 'assets', count: 1, afterBytes: 20_000 });
      const dest = join(dir, `resume-${kind}.webm`);
      const result = await h.client.download(asset.url, dest, { expectedSha256: reference.sha256 });
      expect(result).toMatchObject({ sha256: reference.sha256, bytes: reference.bytes });
      expect(sha(await readFile(dest))).toBe(reference.sha256);
      const [first, second] = h.requests().filter((r) => r.origin === 'assets');
      expect(first!.headers.range).toBeUndefined();
      expect(second!.headers.range).toMatch(/^bytes=\d+-$/);
      expect(Number(second!.headers.range!.slice(6, -1))).toBeGreaterThan(0);
      expect(second!.headers['if-range']).toMatch(/^"/);
      expect(second!.status).toBe(206);
    });
  }

  it('starts over (no Range) after corrupted bytes', async () => {
    h.emu.addFault({ kind: 'corrupt', origin: 'assets', count: 1, seed: 3 });
    const result = await h.client.download(asset.url, join(dir, 'c.webm'), { expectedSha256: reference.sha256 });
    expect(result.sha256).toBe(reference.sha256);
    const hits = h.requests().filter((r) => r.origin === 'assets');
    expect(hits.map((r) => [r.headers.range, r.status])).toEqual([
      [undefined, 200],
      [undefined, 200],
    ]);
  });

  // Persistent faults: a clear error, nothing left on disk.
  for (const [kind, errorType] of [
    ['reset', MaskoNetworkError],
    ['truncate', MaskoNetworkError],
    ['stall', MaskoNetworkError],
    ['corrupt', MaskoIntegrityError],
  ] as const) {
    it(`fails clearly and leaves no file when every attempt hits ${kind}`, async () => {
      h.emu.addFault({ kind, origin: 'assets', ...(kind === 'stall' && { stallMs: 3000 }) });
      const c = h.clientWith({ retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 }, timeouts: { body: 300 } });
      const dest = join(dir, `${kind}.webm`);
      const err = await rejection(() => c.download(asset.url, dest, { expectedSha256: reference.sha256 }));
      expect(err).toBeInstanceOf(errorType);
      expect(err.message).toMatch(/^\[masko\] GET http:\/\/127\.0\.0\.1:\d+\/.+\.webm/);
      expect(existsSync(dest)).toBe(false);
      expect(await tempFiles(dir)).toEqual([]);
      expect(h.requests().filter((r) => r.origin === 'assets')).toHaveLength(3);
      expect(allMessages(err)).not.toContain(KEY_FRAGMENT);
    });
  }

  it('cleans up when the caller aborts mid-body', async () => {
    h.emu.addFault({ kind: 'stall', origin: 'assets', afterBytes: 10_000, stallMs: 3000 });
    const ac = new AbortController();
    const dest = join(dir, 'aborted.webm');
    const pending = h.client.download(asset.url, dest, { signal: ac.signal, onProgress: () => ac.abort(new Error('user cancelled')) });
    const err = await rejection(() => pending);
    expect(err.message).toBe('user cancelled');
    expect(existsSync(dest)).toBe(false);
    expect(await tempFiles(dir)).toEqual([]);
  });

  it('retries a 5xx burst', async () => {
    h.emu.addFault({ kind: 'status', status: 503, origin: 'assets', count: 3 });
    const result = await h.client.download(asset.url, join(dir, 'a.webm'));
    expect(result.sha256).toBe(reference.sha256);
    expect(h.requests().map((r) => r.status)).toEqual([503, 503, 503, 200]);
  });

  it('honours Retry-After through a 429 storm', async () => {
    h.emu.addFault({ kind: 'rate-limit', retryAfter: 1, origin: 'assets', count: 2 });
    const result = await h.client.download(asset.url, join(dir, 'a.webm'));
    expect(result.sha256).toBe(reference.sha256);
    expect(h.requests().map((r) => r.status)).toEqual([429, 429, 200]);
    // The retry waited what the server asked, not the (much shorter) backoff.
    expect(h.log.lines.filter((l) => l.includes('in 1000 ms'))).toHaveLength(2);
  });

  it('rejects a wrong expected sha256 and keeps nothing', async () => {
    const c = h.clientWith({ retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1 } });
    const dest = join(dir, 'wrong.webm');
    const err = await rejection(() => c.download(asset.url, dest, { expectedSha256: '0'.repeat(64) }));
    expect(err).toBeInstanceOf(MaskoIntegrityError);
    expect(err.message).toContain(`sha256 ${reference.sha256} does not match`);
    expect(existsSync(dest)).toBe(false);
    expect(await tempFiles(dir)).toEqual([]);
  });

  it('reports a local write problem as such, keeps nothing and does not retry', async () => {
    const dest = join(dir, 'occupied');
    await mkdir(join(dest, 'child'), { recursive: true }); // a folder where the file should go
    const err = await rejection(() => h.client.download(asset.url, dest));
    expect(err).toBeInstanceOf(MaskoError);
    expect(err).not.toBeInstanceOf(MaskoNetworkError);
    expect(err.message).toContain(`cannot write ${dest}`);
    expect(await tempFiles(dir)).toEqual([]);
    expect(h.requests().filter((r) => r.origin === 'assets')).toHaveLength(1);
  });

  it('turns a 404 into a typed error naming the URL', async () => {
    const missing = asset.url.replace(/\.webm$/, '-nope.webm');
    const err = await rejection(() => h.client.download(missing, join(dir, 'x.webm')));
    expect(err).toBeInstanceOf(MaskoApiError);
    expect(err).toMatchObject({ status: 404 });
    expect(err.message).toContain('-nope.webm');
  });
});

describe('download redirects', () => {
  let server: Server;
  let seenAuth: (string | undefined)[];
  beforeEach(async () => {
    seenAuth = [];
    // Plays the API origin: it redirects a download to the (cross-origin) asset host.
    server = createServer((req, res) => {
      seenAuth.push(req.headers.authorization);
      res.writeHead(302, { location: asset.url }).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterEach(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('drops Authorization when a redirect leaves the API origin', async () => {
    const { port } = server.address() as { port: number };
    const c = createMaskoClient({ apiKey: FAKE_KEY, apiUrl: `http://127.0.0.1:${port}/v1` });
    try {
      const result = await c.download(`http://127.0.0.1:${port}/v1/files/idle`, join(dir, 'r.webm'));
      expect(result.sha256).toBe(reference.sha256);
    } finally {
      await c.close();
    }
    expect(seenAuth).toEqual([`Bearer ${FAKE_KEY}`]);
    const assetHits = h.requests().filter((r) => r.origin === 'assets');
    expect(assetHits).toHaveLength(1);
    expect(assetHits[0]!.headers.authorization).toBeUndefined();
  });
});
