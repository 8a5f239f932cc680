// Generation spends credits, so a POST is never repeated blindly. After an ambiguous failure (the
// request may have reached the server: reset, dropped answer, header timeout, 5xx) we look for a job
// the server created for it since the call began; only when there is none do we post again.

import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GenerateBody } from 'masko-wire';
import { MaskoApiError, MaskoError, MaskoNetworkError, MaskoTimeoutError } from './errors.js';
import type { HttpCore } from './http.js';
import { pathId } from './ids.js';
import { listOf } from './paginate.js';
import { backoffDelay } from './retry.js';
import {
  type GenerateBatchResult,
  GenerateBatchResultSchema,
  type GenerateResult,
  GenerateResultSchema,
  ItemSchema,
  type Job,
  JobSchema,
} from './schemas/resources.js';

/** Network failures where the request provably never reached the server: safe to send again. */
const NOT_SENT = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
/** Our clock and the server's `Date` (1 s resolution) may disagree a little. */
const CLOCK_TOLERANCE_MS = 2000;

type Outcome = 'retry' | 'look' | 'throw';

function classify(err: unknown): Outcome {
  if (err instanceof MaskoApiError) {
    if (err.status === 429) return 'retry'; // refused before any work: nothing was created
    if (err.status >= 500 || err.status === 408 || (err.status < 300 && err.code === 'invalid_response')) return 'look';
    return 'throw';
  }
  if (err instanceof MaskoNetworkError) return err.code && NOT_SENT.has(err.code) ? 'retry' : 'look';
  return 'throw';
}

/** What identifies the job a body creates: the new item's name, or the existing item's id. */
function matcher(body: GenerateBody): (job: Job) => boolean {
  if ('item_id' in body) return (job) => job.item_id === body.item_id;
  return (job) => job.item_name === body.name;
}

function resultFromJob(http: HttpCore, job: Job): GenerateResult {
  return {
    job_id: job.id,
    poll_url: `${http.options.apiUrl.pathname}/jobs/${job.id}`,
    item_id: job.item_id ?? '',
    cost_credits: job.cost_credits,
    asset_ids: job.asset_ids,
    urls: job.urls,
  };
}

/** Jobs of the collection created since `sinceServerMs` (server clock), oldest first, reverse clips excluded. */
async function jobsSince(http: HttpCore, collectionId: string, sinceServerMs: number, signal: AbortSignal): Promise<Job[]> {
  const found: Job[] = [];
  for await (const job of listOf(http, '/jobs', JobSchema, { collection_id: collectionId }, signal)) {
    if (job.type !== 'reverse' && Date.parse(job.created_at) >= sinceServerMs) found.push(job);
  }
  // The older revision's jobs name no item: ask the item for its name, or a lost answer would post again.
  await Promise.all(
    found.map(async (job) => {
      if (job.item_name === null && job.item_id) {
        job.item_name = (await http.call({ method: 'GET', path: `/items/${encodeURIComponent(job.item_id)}`, signal }, ItemSchema)).data.name;
      }
    }),
  );
  return found.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
}

/**
 * Jobs that already exist in the look-back window, for bodies that name an existing item (regenerate,
 * edit): a job made for that item a moment before this call (say, the item's own generation) would
 * otherwise pass for this call's. One listing, before the first POST, and only for such bodies.
 */
async function preexisting(http: HttpCore, collectionId: string, bodies: GenerateBody[], signal?: AbortSignal): Promise<Set<string>> {
  if (!bodies.some((b) => 'item_id' in b)) return new Set();
  const since = Date.now() + http.serverSkewMs - CLOCK_TOLERANCE_MS;
  const deadline = http.deadline(signal);
  return new Set((await jobsSince(http, collectionId, since, deadline.signal)).map((j) => j.id));
}

/** For each body, a distinct job created for it, or undefined. */
function matchJobs(bodies: GenerateBody[], jobs: Job[]): (Job | undefined)[] {
  const taken = new Set<string>();
  return bodies.map((body) => {
    const job = jobs.find((j) => !taken.has(j.id) && matcher(body)(j));
    if (job) taken.add(job.id);
    return job;
  });
}

function checkBody(body: GenerateBody, where: string): void {
  if (!body || typeof body !== 'object') throw new MaskoError('invalid_argument', `${where} must be a generate body object`);
  if (!('type' in body) || typeof body.type !== 'string')
    throw new MaskoError('invalid_argument', `${where}.type is required ('image' | 'edit' | 'animation')`);
  if (!('item_id' in body) && !('name' in body && typeof body.name === 'string' && body.name)) {
    throw new MaskoError('invalid_argument', `${where} needs a non-empty name (new item) or an item_id (existing item)`);
  }
}

/**
 * Posts until the server answers, recovering from ambiguous failures by looking for the created jobs.
 * `recover` gets the jobs created since the call began; it returns the result, or undefined to post again.
 */
async function postSafely<T>(
  http: HttpCore,
  what: string,
  post: (idempotencyKey: string, signal: AbortSignal) => Promise<T>,
  recover: (since: number, signal: AbortSignal) => Promise<T | undefined>,
  signal?: AbortSignal,
): Promise<T> {
  const deadline = http.deadline(signal);
  const since = Date.now() + http.serverSkewMs - CLOCK_TOLERANCE_MS;
  const idempotencyKey = randomUUID(); // harmless where unsupported; lets a server that knows it dedupe
  const { retries } = http.options.retry;
  const path = what.split(' ')[1] ?? what;
  const loop = async (): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await post(idempotencyKey, deadline.signal);
      } catch (err) {
        const outcome = classify(err);
        if (outcome === 'throw' || deadline.signal.aborted || attempt >= retries) {
          if (outcome === 'look' && !deadline.signal.aborted) {
            const found = await recover(since, deadline.signal).catch((lookErr: unknown) => {
              if (lookErr instanceof MaskoApiError && lookErr.code === 'ambiguous_batch') throw lookErr;
              return undefined; // the lookup failed too: report the original failure
            });
            if (found !== undefined) return found;
          }
          throw err;
        }
        if (outcome === 'look') {
          // Give a slow server time to record the job before we look, else we would post it twice.
          await sleep(backoffDelay(attempt, http.options.retry), undefined, { signal: deadline.signal });
          http.log.warn(`${what}: ${(err as Error).message}; looking for a job created by it before posting again`);
          const found = await recover(since, deadline.signal);
          if (found !== undefined) {
            http.log.warn(`${what}: the server had created it; not posting again`);
            return found;
          }
          http.log.debug(`${what}: no job was created; posting again`);
        } else {
          const retryAfter = err instanceof MaskoApiError && err.retryAfter !== undefined ? err.retryAfter * 1000 : undefined;
          const delay = retryAfter ?? backoffDelay(attempt, http.options.retry);
          if (Date.now() + delay >= deadline.at) throw err; // a clear rate_limited beats a timeout
          http.log.debug(`${what}: not processed (${(err as Error).message}); posting again in ${delay} ms`);
          await sleep(delay, undefined, { signal: deadline.signal });
        }
      }
    }
  };
  try {
    return await loop();
  } catch (err) {
    const mapped = http.fail(err, deadline, signal, what, path);
    if (mapped instanceof MaskoTimeoutError) {
      throw new MaskoTimeoutError(`${mapped.message}; a job may have been created: check the collection's jobs before generating again`, path, { cause: err });
    }
    throw mapped;
  }
}

export async function generate(http: HttpCore, collectionId: string, body: GenerateBody, opts: { signal?: AbortSignal } = {}): Promise<GenerateResult> {
  if (!collectionId) throw new MaskoError('invalid_argument', 'generate: collectionId is required');
  checkBody(body, 'generate body');
  const path = `/collections/${pathId(collectionId, 'collection id')}/generate`;
  const what = `POST ${http.url(path).pathname}`;
  const known = await preexisting(http, collectionId, [body], opts.signal);
  return postSafely(
    http,
    what,
    async (key, signal) =>
      (await http.call({ method: 'POST', path, body, retry: false, signal, headers: { 'idempotency-key': key } }, GenerateResultSchema)).data,
    async (since, signal) => {
      const [job] = matchJobs(
        [body],
        (await jobsSince(http, collectionId, since, signal)).filter((j) => !known.has(j.id)),
      );
      return job && resultFromJob(http, job);
    },
    opts.signal,
  );
}

export async function generateBatch(
  http: HttpCore,
  collectionId: string,
  bodies: GenerateBody[],
  opts: { signal?: AbortSignal } = {},
): Promise<GenerateBatchResult> {
  if (!collectionId) throw new MaskoError('invalid_argument', 'generateBatch: collectionId is required');
  if (!Array.isArray(bodies) || bodies.length < 1 || bodies.length > 10) {
    throw new MaskoError('invalid_argument', `generateBatch: bodies must hold 1 to 10 requests, got ${Array.isArray(bodies) ? bodies.length : typeof bodies}`);
  }
  bodies.forEach((body, i) => checkBody(body, `generateBatch bodies[${i}]`));
  const path = `/collections/${pathId(collectionId, 'collection id')}/generate-batch`;
  const what = `POST ${http.url(path).pathname}`;
  const known = await preexisting(http, collectionId, bodies, opts.signal);
  return postSafely(
    http,
    what,
    async (key, signal) =>
      (
        await http.call(
          { method: 'POST', path, body: { requests: bodies }, retry: false, signal, headers: { 'idempotency-key': key } },
          GenerateBatchResultSchema,
        )
      ).data,
    async (since, signal) => {
      const matched = matchJobs(
        bodies,
        (await jobsSince(http, collectionId, since, signal)).filter((j) => !known.has(j.id)),
      );
      const found = matched.filter((j): j is Job => j !== undefined);
      if (found.length === 0) return undefined;
      if (found.length < bodies.length) {
        // The batch is all-or-nothing, so this should not happen; never guess with credits at stake.
        const missing = bodies.flatMap((b, i) => (matched[i] ? [] : ['name' in b ? b.name : b.item_id]));
        throw new MaskoApiError(
          `${what}: the answer was lost and only ${found.length} of ${bodies.length} jobs exist (missing: ${missing.join(', ')}); not posting again — check the collection's jobs`,
          { status: 0, code: 'ambiguous_batch', url: http.url(path).pathname },
        );
      }
      const jobs = found.map((job) => resultFromJob(http, job));
      return { jobs, total_cost: jobs.reduce((sum, j) => sum + j.cost_credits, 0) };
    },
    opts.signal,
  );
}
