// Envelope and error mapping, pagination and retry decisions, over undici's MockAgent (no sockets).
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMaskoClient, MaskoApiError, MaskoError, toArray } from '../src/index.js';
import { allMessages, FAKE_KEY, KEY_FRAGMENT, recordingLogger, rejection } from './helpers.js';

const ORIGIN = 'https://api.masko.test';
const json = { headers: { 'content-type': 'application/json' } };
let agent: MockAgent;
let log: ReturnType<typeof recordingLogger>;

function client(retries = 0) {
  return createMaskoClient({ apiKey: FAKE_KEY, apiUrl: `${ORIGIN}/v1`, dispatcher: agent, logger: log.logger, retry: { retries, minDelayMs: 1, maxDelayMs: 5 } });
}

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  log = recordingLogger();
});
afterEach(async () => {
  expect(log.lines.join('\n')).not.toContain(KEY_FRAGMENT);
  await agent.close();
});

describe('envelopes', () => {
  it('unwraps {data, meta}', async () => {
    agent.get(ORIGIN).intercept({ path: '/v1/credits', method: 'GET' }).reply(200, { data: { balance: 7, subscription_credits: 5, topup_credits: 2 } }, json);
    expect(await client().credits()).toEqual({ balance: 7, subscription_credits: 5, topup_credits: 2 });
  });

  it('accepts a bare body (old revision)', async () => {
    agent.get(ORIGIN).intercept({ path: '/v1/credits', method: 'GET' }).reply(200, { balance: 3 }, json);
    expect((await client().credits()).balance).toBe(3);
  });

  it('sends the bearer key to the API origin', async () => {
    let auth: unknown;
    agent
      .get(ORIGIN)
      .intercept({ path: '/v1/credits', method: 'GET' })
      .reply(200, (opts) => {
        auth = (opts.headers as Record<string, string>).authorization;
        return { data: { balance: 1 } };
      }, json);
    await client().credits();
    expect(auth).toBe(`Bearer ${FAKE_KEY}`);
  });

  it('iterates an old bare list `{projects: [...]}` without pagination meta', async () => {
    const projects = [{ id: 'p1', name: 'One', created_at: '2026-01-01T00:00:00Z' }];
    agent.get(ORIGIN).intercept({ path: '/v1/projects?limit=100&offset=0', method: 'GET' }).reply(200, { projects }, json);
    expect((await toArray(client().projects.list())).map((p) => p.id)).toEqual(['p1']);
  });

  it('follows limit/offset pages until has_more is false', async () => {
    const page = (ids: string[], offset: number, more: boolean) => ({
      data: ids.map((id) => ({ id, name: id, created_at: '2026-01-01T00:00:00Z' })),
      meta: { pagination: { total: 101, limit: 100, offset, has_more: more } },
    });
    const many = Array.from({ length: 100 }, (_, i) => `p${i}`);
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/v1/projects?limit=100&offset=0', method: 'GET' }).reply(200, page(many, 0, true), json);
    pool.intercept({ path: '/v1/projects?limit=100&offset=100', method: 'GET' }).reply(200, page(['last'], 100, false), json);
    const ids = (await toArray(client().projects.list())).map((p) => p.id);
    expect(ids).toHaveLength(101);
    expect(ids.at(-1)).toBe('last');
  });
});

describe('errors', () => {
  it('maps the new error envelope of a 402 with required and balance', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/v1/collections/c1/generate', method: 'POST' })
      .reply(402, { error: { code: 'insufficient_credits', message: 'Not enough credits. Required: 21, balance: 5.', required: 21, balance: 5 } }, json);
    const err = await rejection(() => client().generate('c1', { type: 'image', name: 'Wave', image_prompt: 'waving' }));
    expect(err).toBeInstanceOf(MaskoApiError);
    expect(err).toMatchObject({ status: 402, code: 'insufficient_credits', required: 21, balance: 5, url: '/v1/collections/c1/generate' });
    expect(err.message).toMatch(/^\[masko\] POST \/v1\/collections\/c1\/generate failed with 402 insufficient_credits/);
  });

  it('maps the old flat 402 body (error string, available)', async () => {
    agent.get(ORIGIN).intercept({ path: '/v1/collections/c1/generate', method: 'POST' }).reply(402, { error: 'Insufficient credits', required: 21, available: 5 }, json);
    const err = await rejection(() => client().generate('c1', { type: 'image', name: 'Wave', image_prompt: 'waving' }));
    expect(err).toMatchObject({ status: 402, code: 'insufficient_credits', required: 21, balance: 5 });
    expect(err.message).toContain('Insufficient credits');
  });

  it('names the path and status of an HTML error page', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/v1/projects', method: 'POST' })
      .reply(502, '<html><body><h1>502 Bad Gateway</h1></body></html>', { headers: { 'content-type': 'text/html' } });
    const err = await rejection(() => client().projects.create({ name: 'x' }));
    expect(err).toMatchObject({ status: 502, code: 'internal_error', url: '/v1/projects' });
    expect(err.message).toContain('POST /v1/projects failed with 502');
    expect(err.message).toContain('text/html');
  });

  it('names the field of an unexpected response shape', async () => {
    agent.get(ORIGIN).intercept({ path: '/v1/jobs/j1', method: 'GET' }).reply(200, { data: { id: 'j1', status: 'exploded' } }, json);
    const err = await rejection(() => client().jobs.get('j1'));
    expect(err).toMatchObject({ code: 'invalid_response', url: '/v1/jobs/j1' });
    expect(err.message).toMatch(/status/);
  });

  it('rejects a 200 body that is not JSON', async () => {
    agent.get(ORIGIN).intercept({ path: '/v1/credits', method: 'GET' }).reply(200, '<html>login</html>', { headers: { 'content-type': 'text/html' } });
    const err = await rejection(() => client().credits());
    expect(err).toMatchObject({ code: 'invalid_response' });
    expect(err.message).toContain('GET /v1/credits');
  });

  it('never shows the key, even when the server echoes it', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/v1/credits', method: 'GET' })
      .reply(401, { error: { code: 'unauthorized', message: `key ${FAKE_KEY} revoked (Authorization: Bearer ${FAKE_KEY})` } }, json);
    const err = await rejection(() => client().credits());
    expect(err).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(allMessages(err)).not.toContain(KEY_FRAGMENT);
  });

  it('refuses a malformed key without echoing it', () => {
    const bad = 'masko_not-a-real-key-c0ffee42c0ffee42';
    expect(() => createMaskoClient({ apiKey: bad, apiUrl: `${ORIGIN}/v1` })).toThrow(MaskoError);
    try {
      createMaskoClient({ apiKey: bad, apiUrl: `${ORIGIN}/v1` });
    } catch (err) {
      expect(allMessages(err)).not.toContain('c0ffee42');
      expect((err as Error).message).toContain('apiKey');
    }
  });
});

describe('retries and rate limits', () => {
  it('retries a GET after 429 with Retry-After, then succeeds', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/v1/credits', method: 'GET' }).reply(429, { error: { code: 'rate_limited', message: 'slow down' } }, { headers: { 'retry-after': '0' } });
    pool.intercept({ path: '/v1/credits', method: 'GET' }).reply(200, { data: { balance: 9 } }, json);
    expect((await client(2).credits()).balance).toBe(9);
    expect(log.lines.some((l) => l.includes('retry 1/2'))).toBe(true);
  });

  it('gives up after the retries with the last typed error', async () => {
    agent.get(ORIGIN).intercept({ path: '/v1/credits', method: 'GET' }).reply(503, { error: { code: 'internal_error', message: 'down' } }, json).times(3);
    const err = await rejection(() => client(2).credits());
    expect(err).toMatchObject({ status: 503, code: 'internal_error' });
  });

  it('does not retry a POST that fails with 503 when it finds the job it created', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/v1/collections/c1/generate', method: 'POST' }).reply(503, { error: { code: 'internal_error', message: 'oops' } }, json);
    const job = {
      id: 'j1', status: 'pending', type: 'item_generation', collection_id: 'c1', item_id: 'i1', item_name: 'Wave', cost_credits: 1,
      asset_ids: { image: 'a1' }, urls: { image: 'https://assets.test/x.png' }, error: null, created_at: new Date(Date.now() + 60_000).toISOString(),
    };
    pool.intercept({ path: '/v1/jobs?collection_id=c1&limit=100&offset=0', method: 'GET' }).reply(200, { data: [job], meta: { pagination: { total: 1, limit: 100, offset: 0, has_more: false } } }, json);
    const result = await client(2).generate('c1', { type: 'image', name: 'Wave', image_prompt: 'waving' });
    expect(result).toMatchObject({ job_id: 'j1', item_id: 'i1', poll_url: '/v1/jobs/j1' });
    agent.assertNoPendingInterceptors(); // and a second POST would have failed: no interceptor for it
  });

  it('waits for X-RateLimit-Reset when the window is exhausted', async () => {
    const pool = agent.get(ORIGIN);
    const reset = String(Math.ceil(Date.now() / 1000)); // now: the wait is short but must be announced
    pool.intercept({ path: '/v1/credits', method: 'GET' }).reply(200, { data: { balance: 1 } }, { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Number(reset) + 1) } });
    pool.intercept({ path: '/v1/credits', method: 'GET' }).reply(200, { data: { balance: 2 } }, json);
    const c = client();
    await c.credits();
    expect((await c.credits()).balance).toBe(2);
    expect(log.lines.some((l) => l.includes('rate limit exhausted'))).toBe(true);
  });
});

describe('waitForJob', () => {
  it('falls back to polling when the server answers ?wait=true at once', async () => {
    const pool = agent.get(ORIGIN);
    const job = (status: string, updated: string) => ({
      data: { id: 'j1', status, type: 'image_generation', collection_id: 'c1', item_id: 'i1', item_name: 'Wave', cost_credits: 1, asset_ids: {}, urls: {}, error: null, created_at: '2026-01-01T00:00:00Z', updated_at: updated },
    });
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      pool.intercept({ path: (p: string) => p.startsWith('/v1/jobs/j1?') && p.includes('wait=true'), method: 'GET' }).reply(200, () => {
        seen.push('long');
        return job('processing', 'u1');
      }, json);
    }
    pool.intercept({ path: '/v1/jobs/j1', method: 'GET' }).reply(200, () => {
      seen.push('poll');
      return job('completed', 'u2');
    }, json);
    const updates: string[] = [];
    const done = await client().waitForJob('j1', { pollIntervalMs: 1, onUpdate: (j) => updates.push(j.status) });
    expect(done.status).toBe('completed');
    expect(seen).toEqual(['long', 'long', 'long', 'poll']);
    expect(updates).toEqual(['processing', 'completed']);
  });
});
