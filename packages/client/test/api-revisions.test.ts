// Both API revisions over real HTTP against masko-emulator: the `{data, meta}` envelope and the older bare
// bodies, list shapes and flat 402; pagination; retry and rate-limit decisions. (Answers no revision gives
// — HTML error pages, garbage JSON — are in hostile-answers.test.ts.)
import { DEMO } from 'masko-emulator';
import { describe, expect, it } from 'vitest';
import { MaskoApiError, toArray } from '../src/index.js';
import { startHarness, useHarness } from './emulator.js';
import { rejection } from './helpers.js';

const col = DEMO.collectionId;
const image = (name: string) => ({ type: 'image' as const, name, image_prompt: 'waving a paw' });

describe('the new revision', () => {
  const h = useHarness({ jobDelayMs: 30 });

  it('unwraps {data, meta} and sends the bearer key to the API origin only', async () => {
    h.emu.setCredits(7);
    expect(await h.client.credits()).toMatchObject({ balance: 7 });
    const [call] = h.requests();
    expect(call!.headers.authorization).toBe('Bearer masko_…(redacted)');
  });

  it('follows limit/offset pages until has_more is false', async () => {
    for (let i = 0; i < 101; i++) await h.client.projects.create({ name: `P${i}` });
    h.mark();
    const names = (await toArray(h.client.projects.list())).map((p) => p.name);
    expect(names).toHaveLength(102); // the demo project too
    expect(h.requests().map((r) => r.query)).toEqual(['?limit=100&offset=0', '?limit=100&offset=100']);
  });

  it('maps the 402 envelope to required and balance', async () => {
    h.emu.setCredits(0);
    const err = await rejection(() => h.client.generate(col, image('Broke')));
    expect(err).toBeInstanceOf(MaskoApiError);
    expect(err).toMatchObject({ status: 402, code: 'insufficient_credits', required: 1, balance: 0, url: `/v1/collections/${col}/generate` });
    expect(err.message).toMatch(/^\[masko\] POST \/v1\/collections\/\S+\/generate failed with 402 insufficient_credits: Not enough credits/);
  });

  it('retries a GET after a 429 with Retry-After, then succeeds', async () => {
    h.emu.addFault({ kind: 'rate-limit', retryAfter: 0, count: 1, path: '/v1/credits' });
    expect((await h.client.credits()).balance).toBeGreaterThan(0);
    expect(h.requests().map((r) => r.status)).toEqual([429, 200]);
    expect(h.log.lines.some((l) => l.includes('retry 1/'))).toBe(true);
  });

  it('gives up after the retries with the last typed error', async () => {
    h.emu.addFault({ kind: 'status', status: 503, path: '/v1/credits' });
    const err = await rejection(() => h.client.credits());
    expect(err).toMatchObject({ status: 503, code: 'internal_error' });
    expect(h.requests()).toHaveLength(5); // the first try and 4 retries (FAST_RETRY)
  });
});

describe('the old revision', () => {
  const h = useHarness({ revision: 'old', jobDelayMs: 30 });

  it('accepts a bare body', async () => {
    h.emu.setCredits(3);
    expect((await h.client.credits()).balance).toBe(3);
  });

  it('iterates an old `{projects: [...]}` list without pagination meta', async () => {
    const projects = await toArray(h.client.projects.list());
    expect(projects.map((p) => p.name)).toEqual(['Demo']);
    expect(h.requests()).toHaveLength(1);
    const items = await toArray(h.client.items.list(col));
    expect(items.map((i) => i.name)).toEqual(expect.arrayContaining(['Idle', 'Wave']));
  });

  it('maps the flat 402 body (error string, available)', async () => {
    h.emu.setCredits(0);
    const err = await rejection(() => h.client.generate(col, image('Broke')));
    expect(err).toMatchObject({ status: 402, code: 'insufficient_credits', required: 1, balance: 0 });
    expect(err.message).toContain('Insufficient credits');
  });

  it('after a dropped answer, finds the old-shaped job (no item_name) instead of posting again', async () => {
    h.emu.setCredits(10);
    h.emu.addFault({ kind: 'drop-response', method: 'POST', path: '/v1/collections/*/generate', count: 1 });
    const result = await h.client.generate(col, image('Lost'));
    expect(h.requests().filter((r) => r.method === 'POST')).toHaveLength(1);
    expect((await h.client.credits()).balance).toBe(9);
    expect((await h.client.items.get(result.item_id)).name).toBe('Lost');
  });

  it('reads old jobs (output_data.item_id, no cost) and waits for them', async () => {
    const made = await h.client.generate(col, image('Party'));
    const job = await h.client.waitForJob(made.job_id);
    expect(job).toMatchObject({ id: made.job_id, status: 'completed', item_id: made.item_id, cost_credits: 0 });
  });
});

describe('rate limits and long-poll support', () => {
  it('waits for X-RateLimit-Reset when the window is exhausted', async () => {
    const h = await startHarness({ rateLimit: { requests: 1, windowMs: 1000 } });
    try {
      await h.client.credits();
      expect((await h.client.credits()).balance).toBeGreaterThan(0);
      expect(h.log.lines.some((l) => l.includes('rate limit exhausted'))).toBe(true);
      expect(h.requests().every((r) => r.status === 200)).toBe(true); // it waited instead of hitting a 429
    } finally {
      await h.close();
    }
  });

  it('falls back to polling when the server answers ?wait=true at once', async () => {
    const h = await startHarness({ longPollMaxMs: 0, jobDelayMs: 1500 });
    try {
      const made = await h.client.generate(col, image('Slow'));
      h.mark();
      const updates: string[] = [];
      const done = await h.client.waitForJob(made.job_id, { pollIntervalMs: 50, onUpdate: (j) => updates.push(j.status) });
      expect(done.status).toBe('completed');
      const polls = h.requests().filter((r) => r.path === `/v1/jobs/${made.job_id}`);
      expect(polls.slice(0, 3).every((r) => r.query.includes('wait=true'))).toBe(true);
      expect(polls.at(-1)!.query).not.toContain('wait=true');
      expect(updates.at(-1)).toBe('completed');
    } finally {
      await h.close();
    }
  });
});
