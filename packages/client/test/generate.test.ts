// Generation and jobs against the real emulator: no credit is ever spent twice, whatever breaks.
import { DEMO } from 'masko-emulator';
import { describe, expect, it } from 'vitest';
import { type GenerateBody, MaskoApiError, MaskoJobFailedError, MaskoTimeoutError, toArray } from '../src/index.js';
import { useHarness } from './emulator.js';
import { allMessages, KEY_FRAGMENT, rejection } from './helpers.js';

const h = useHarness({ jobDelayMs: 60 });
let n = 0;
const col = DEMO.collectionId;
/** A fresh pose name per test, so jobs are easy to count. */
const pose = () => ({ type: 'image' as const, name: `Pose ${++n} ${Date.now()}`, image_prompt: 'waving a paw' });

const posts = (suffix: string) => h.requests().filter((r) => r.method === 'POST' && r.path.endsWith(suffix));
const jobsNamed = async (name: string) => (await toArray(h.client.jobs.list({ collection_id: col }))).filter((j) => j.item_name === name);
const balance = async () => (await h.client.credits()).balance;

describe('generate', () => {
  it('creates a job, waits for it by long-poll and downloads its image', async () => {
    const before = await balance();
    const body = pose();
    const result = await h.client.generate(col, body);
    expect(result.poll_url).toBe(`/v1/jobs/${result.job_id}`);
    const updates: string[] = [];
    const job = await h.client.waitForJob(result.job_id, { onUpdate: (j) => updates.push(j.status) });
    expect(job).toMatchObject({ id: result.job_id, status: 'completed', item_name: body.name });
    expect(updates.at(-1)).toBe('completed');
    expect(h.requests().some((r) => r.path === `/v1/jobs/${result.job_id}` && r.query.includes('wait=true'))).toBe(true);
    expect(await balance()).toBe(before - result.cost_credits);
  });

  it('refuses to download a placeholder before the job completes', async () => {
    h.emu.addFault({ kind: 'slow-job', jobDelayMs: 5000, count: 1 });
    const result = await h.client.generate(col, pose());
    const url = result.urls.transparent_image ?? result.urls.image;
    expect(url).toBeDefined();
    const err = await rejection(() => h.client.download(url!, `/tmp/never-${Date.now()}.png`));
    expect(err).toMatchObject({ code: 'asset_not_ready' });
  });

  it('after a dropped response, finds the job instead of posting again', async () => {
    const before = await balance();
    h.emu.addFault({ kind: 'drop-response', method: 'POST', path: '/v1/collections/*/generate' });
    const body = pose();
    const result = await h.client.generate(col, body);
    expect(posts('/generate')).toHaveLength(1);
    const jobs = await jobsNamed(body.name);
    expect(jobs.map((j) => j.id)).toEqual([result.job_id]);
    expect(await balance()).toBe(before - result.cost_credits);
    expect(h.log.lines.some((l) => l.includes('the server had created it; not posting again'))).toBe(true);
  });

  it('after a reset mid-answer, finds the job instead of posting again', async () => {
    h.emu.addFault({ kind: 'reset', method: 'POST', path: '/v1/collections/*/generate', count: 1, afterBytes: 10 });
    const body = pose();
    const result = await h.client.generate(col, body);
    expect(posts('/generate')).toHaveLength(1);
    expect((await jobsNamed(body.name)).map((j) => j.id)).toEqual([result.job_id]);
  });

  it('after 5xx answers that created nothing, posts again and creates exactly one job', async () => {
    const before = await balance();
    h.emu.addFault({ kind: 'status', status: 503, method: 'POST', path: '/v1/collections/*/generate', count: 2 });
    const body = pose();
    const result = await h.client.generate(col, body);
    expect(posts('/generate').map((r) => r.status)).toEqual([503, 503, 202]);
    expect((await jobsNamed(body.name)).map((j) => j.id)).toEqual([result.job_id]);
    expect(await balance()).toBe(before - result.cost_credits);
  });

  it("an edit right after its item was made: after 5xx answers, posts again (the item's own job is not taken for it)", async () => {
    const made = await h.client.generate(col, pose());
    const done = await h.client.waitForJob(made.job_id);
    h.emu.addFault({ kind: 'status', status: 503, method: 'POST', path: '/v1/collections/*/generate', count: 1 });
    const edit = {
      type: 'edit' as const,
      item_id: made.item_id,
      source_image_asset_id: done.asset_ids.transparent_image!,
      edit_instructions: 'add a party hat',
    };
    const result = await h.client.generate(col, edit);
    expect(result.job_id).not.toBe(made.job_id);
    expect(posts('/generate').map((r) => r.status)).toEqual([202, 503, 202]);
    const edited = await h.client.waitForJob(result.job_id);
    expect(edited.asset_ids.transparent_image).not.toBe(done.asset_ids.transparent_image);
  });

  it('waits out a 429 (Retry-After) and posts again', async () => {
    h.emu.addFault({ kind: 'rate-limit', retryAfter: 1, method: 'POST', path: '/v1/collections/*/generate', count: 1 });
    const body = pose();
    const result = await h.client.generate(col, body);
    expect(posts('/generate').map((r) => r.status)).toEqual([429, 202]);
    expect((await jobsNamed(body.name)).map((j) => j.id)).toEqual([result.job_id]);
    expect(h.log.lines.some((l) => l.includes('posting again in 1000 ms'))).toBe(true);
  });

  it('gives a clear error when every attempt fails, having created nothing', async () => {
    const before = await balance();
    h.emu.addFault({ kind: 'status', status: 502, method: 'POST', path: '/v1/collections/*/generate' });
    const body = pose();
    const err = await rejection(() => h.client.generate(col, body));
    expect(err).toBeInstanceOf(MaskoApiError);
    expect(err).toMatchObject({ status: 502 });
    expect(err.message).toContain(`POST /v1/collections/${col}/generate`);
    expect(posts('/generate')).toHaveLength(5); // 1 + retries (4)
    expect(await jobsNamed(body.name)).toEqual([]);
    expect(await balance()).toBe(before);
    expect(allMessages(err)).not.toContain(KEY_FRAGMENT);
  });

  it('maps 402 with required and balance and creates nothing', async () => {
    h.emu.setCredits(3);
    const body: GenerateBody = { type: 'animation', name: `Dance ${Date.now()}`, image_prompt: 'dancing', animation_prompt: 'dance', duration: 4, loop: true };
    const err = await rejection(() => h.client.generate(col, body));
    expect(err).toMatchObject({ status: 402, code: 'insufficient_credits', required: 21, balance: 3 });
    expect(posts('/generate')).toHaveLength(1);
    expect(await jobsNamed(body.name)).toEqual([]);
  });

  it('names the field of a body the server rejects', async () => {
    const err = await rejection(() => h.client.generate(col, { type: 'image', name: 'No prompt' } as unknown as GenerateBody));
    expect(err).toMatchObject({ status: 400, code: 'bad_request' });
    expect(err.message).toContain('image_prompt');
  });
});

describe('generateBatch', () => {
  it('after a dropped response, returns the batch it created without posting again', async () => {
    const before = await balance();
    h.emu.addFault({ kind: 'drop-response', method: 'POST', path: '/v1/collections/*/generate-batch', count: 1 });
    const bodies = [pose(), pose(), pose()];
    const result = await h.client.generateBatch(col, bodies);
    expect(posts('/generate-batch')).toHaveLength(1);
    expect(result.jobs).toHaveLength(3);
    expect(result.total_cost).toBe(3);
    for (const [i, body] of bodies.entries()) {
      expect((await jobsNamed(body.name)).map((j) => j.id)).toEqual([result.jobs[i]!.job_id]);
    }
    expect(await balance()).toBe(before - 3);
    const done = await h.client.waitForJobs(result.jobs.map((j) => j.job_id));
    expect(done.map((j) => j.status)).toEqual(['completed', 'completed', 'completed']);
  });
});

describe('waitForJobs', () => {
  it('rejects with the first failure', async () => {
    h.emu.addFault({ kind: 'fail-job', count: 1 });
    const { jobs } = await h.client.generateBatch(col, [pose(), pose()]);
    const err = await rejection(() => h.client.waitForJobs(jobs.map((j) => j.job_id)));
    expect(err).toBeInstanceOf(MaskoJobFailedError);
    expect(jobs.map((j) => j.job_id)).toContain((err.job as { id: string }).id);
  });
});

describe('waitForJob', () => {
  it('long-polls a slow job to completion', async () => {
    h.emu.addFault({ kind: 'slow-job', jobDelayMs: 1500, count: 1 });
    const { job_id } = await h.client.generate(col, pose());
    h.mark();
    const job = await h.client.waitForJob(job_id);
    expect(job.status).toBe('completed');
    const gets = h.requests().filter((r) => r.path === `/v1/jobs/${job_id}`);
    expect(gets.length).toBeLessThanOrEqual(2); // held, not hammered
    expect(gets.every((r) => r.query.includes('wait=true'))).toBe(true);
  });

  it('polls when long-poll is off', async () => {
    h.emu.addFault({ kind: 'slow-job', jobDelayMs: 800, count: 1 });
    const { job_id } = await h.client.generate(col, pose());
    h.mark();
    const job = await h.client.waitForJob(job_id, { longPoll: false, pollIntervalMs: 50 });
    expect(job.status).toBe('completed');
    const gets = h.requests().filter((r) => r.path === `/v1/jobs/${job_id}`);
    expect(gets.length).toBeGreaterThan(1);
    expect(gets.some((r) => r.query.includes('wait'))).toBe(false);
  });

  it('rides out a 5xx burst while waiting', async () => {
    const { job_id } = await h.client.generate(col, pose());
    h.emu.addFault({ kind: 'status', status: 500, method: 'GET', path: '/v1/jobs/*', count: 3 });
    expect((await h.client.waitForJob(job_id)).status).toBe('completed');
  });

  it('throws job_failed for a failing job, and its credits come back', async () => {
    const before = await balance();
    h.emu.addFault({ kind: 'fail-job', count: 1 });
    const { job_id } = await h.client.generate(col, pose());
    const err = await rejection(() => h.client.waitForJob(job_id));
    expect(err).toBeInstanceOf(MaskoJobFailedError);
    expect(err).toMatchObject({ code: 'job_failed', url: `/v1/jobs/${job_id}` });
    expect(err.message).toContain(job_id);
    expect(await balance()).toBe(before);
  });

  it('times out with a clear error', async () => {
    h.emu.addFault({ kind: 'slow-job', jobDelayMs: 10_000, count: 1 });
    const { job_id } = await h.client.generate(col, pose());
    const err = await rejection(() => h.client.waitForJob(job_id, { timeoutMs: 1200 }));
    expect(err).toBeInstanceOf(MaskoTimeoutError);
    expect(err.message).toContain(`job ${job_id} still`);
  });
});
