// Waiting for jobs: long-poll `GET /jobs/:id?wait=true`, falling back to plain polling with backoff when
// the server answers at once (no long-poll support) or refuses the parameter.

import { setTimeout as sleep } from 'node:timers/promises';
import { MaskoApiError, MaskoJobFailedError, MaskoTimeoutError } from './errors.js';
import type { HttpCore } from './http.js';
import { pathId } from './ids.js';
import { type Job, JobSchema } from './schemas/resources.js';

export interface WaitOptions {
  signal?: AbortSignal;
  /** Give up after this long. @default 900000 (15 min) */
  timeoutMs?: number;
  /** Called whenever the job's status or `updated_at` changes. */
  onUpdate?(job: Job): void;
  /** Use `?wait=true`. @default true */
  longPoll?: boolean;
  /** First polling interval; grows ×1.5 up to 5 s. @default 1000 */
  pollIntervalMs?: number;
}

const MAX_POLL_MS = 5000;
/** The longest hold we ask for (API.md: max 60 s, default 30 s). */
const MAX_HOLD_S = 30;
/** Long-poll answers faster than this, still running, suggest the server ignores `wait`. */
const QUICK_ANSWER_MS = 500;
const QUICK_ANSWERS_BEFORE_FALLBACK = 3;

export async function waitForJob(http: HttpCore, id: string, opts: WaitOptions = {}): Promise<Job> {
  const deadline = http.deadline(opts.signal, opts.timeoutMs ?? 900_000);
  const path = `/jobs/${pathId(id, 'job id')}`;
  const urlPath = http.url(path).pathname;
  let longPoll = opts.longPoll ?? true;
  let quickAnswers = 0;
  let interval = opts.pollIntervalMs ?? 1000;
  let last: Job | undefined;
  try {
    for (;;) {
      const remaining = deadline.at - Date.now();
      // Ask for a hold shorter than both the headers timeout and what is left of our deadline.
      const holdS = Math.max(1, Math.min(MAX_HOLD_S, Math.floor((http.options.timeouts.headers - 5000) / 1000), Math.floor(remaining / 1000)));
      const started = Date.now();
      let job: Job;
      try {
        const query = longPoll ? { wait: 'true', timeout: holdS } : undefined;
        job = (await http.call({ method: 'GET', path, signal: deadline.signal, totalMs: Math.max(1, remaining), ...(query && { query }) }, JobSchema)).data;
      } catch (err) {
        if (longPoll && err instanceof MaskoApiError && err.code === 'bad_request') {
          http.log.debug(`GET ${urlPath}: the server refused ?wait=true; polling instead`);
          longPoll = false;
          continue;
        }
        throw err;
      }
      if (!last || last.status !== job.status || last.updated_at !== job.updated_at) {
        try {
          opts.onUpdate?.(job);
        } catch (err) {
          http.log.warn(`onUpdate threw: ${(err as Error).message}`);
        }
      }
      last = job;
      if (job.status === 'completed') return job;
      if (job.status === 'failed') {
        const reason = job.error ? `${job.error.code}: ${job.error.message}` : 'no reason given';
        throw new MaskoJobFailedError(`job ${id} (${job.item_name ?? job.type}) failed: ${reason}`, { status: 200, code: 'job_failed', url: urlPath }, job);
      }
      if (longPoll) {
        quickAnswers = Date.now() - started < QUICK_ANSWER_MS ? quickAnswers + 1 : 0;
        if (quickAnswers < QUICK_ANSWERS_BEFORE_FALLBACK) continue;
        http.log.debug(`GET ${urlPath}: ?wait=true answers at once; polling instead`);
        longPoll = false;
      }
      await sleep(interval, undefined, { signal: deadline.signal });
      interval = Math.min(MAX_POLL_MS, interval * 1.5);
    }
  } catch (err) {
    if (opts.signal?.aborted) throw opts.signal.reason;
    // Our deadline, or the last request's own (set to what remained of ours), ran out.
    if (deadline.timedOut() || (err instanceof MaskoTimeoutError && Date.now() >= deadline.at - 100)) {
      throw new MaskoTimeoutError(`job ${id} still ${last?.status ?? 'unknown'} after ${deadline.ms} ms (timeoutMs)`, urlPath, { cause: err });
    }
    throw err;
  }
}

/**
 * Waits for several jobs at once. Long-polls hold a socket each, so at most `connections − 2` run
 * together, leaving sockets for other calls. The first failure cancels the remaining waits.
 */
export async function waitForJobs(http: HttpCore, ids: string[], opts: WaitOptions = {}): Promise<Job[]> {
  const results: Job[] = new Array(ids.length);
  const endAt = Date.now() + (opts.timeoutMs ?? 900_000); // one deadline for the whole set
  const stop = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal;
  const width = Math.max(1, Math.min(ids.length, http.options.connections - 2));
  let next = 0;
  let firstError: unknown;
  const worker = async () => {
    while (next < ids.length && !stop.signal.aborted) {
      const index = next++;
      try {
        results[index] = await waitForJob(http, ids[index]!, { ...opts, signal, timeoutMs: Math.max(1, endAt - Date.now()) });
      } catch (err) {
        if (firstError === undefined) firstError = err;
        stop.abort();
      }
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  if (firstError !== undefined) throw firstError;
  return results;
}
