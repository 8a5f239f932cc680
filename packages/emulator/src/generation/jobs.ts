import type { JobStatus } from 'masko-wire';
import type { Credits } from '../model/credits.js';
import { nowIso } from '../model/ids.js';
import type { JobRec } from '../model/records.js';
import type { Store } from '../model/store.js';

/** Timers are injected so the lifecycle can be driven without waiting on the wall clock. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

const TERMINAL: JobStatus[] = ['completed', 'failed'];
export const isTerminal = (s: JobStatus): boolean => TERMINAL.includes(s);

/**
 * Job lifecycle: pending -> processing (after half the delay) -> completed | failed (after the
 * rest). Failing refunds the credits. Long-poll waiters are woken when a job ends.
 */
export class JobRunner {
  private readonly handles = new Set<unknown>();
  private readonly waiters = new Map<string, Set<() => void>>();

  constructor(
    private readonly store: Store,
    private readonly credits: Credits,
    private readonly onChange: () => void,
    private readonly onFinished: (job: JobRec) => void,
    private readonly timers: Timers = realTimers,
  ) {}

  start(job: JobRec): void {
    const half = Math.floor(job.plan.delayMs / 2);
    if (job.status === 'pending') this.later(half, () => this.advance(job.id, 'processing'));
    this.later(job.status === 'pending' ? job.plan.delayMs : half, () => this.finish(job.id));
  }

  /** Restarts every unfinished job (after restoring persisted state). */
  resumeAll(): void {
    for (const job of this.store.jobs.values()) if (!isTerminal(job.status)) this.start(job);
  }

  /** Resolves when the job ends or after `ms`, whichever is first. */
  wait(jobId: string, ms: number): Promise<void> {
    const job = this.store.jobs.get(jobId);
    if (!job || isTerminal(job.status) || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const set = this.waiters.get(jobId) ?? new Set();
      this.waiters.set(jobId, set);
      const done = (): void => {
        this.timers.clearTimeout(handle);
        this.handles.delete(handle);
        set.delete(done);
        resolve();
      };
      const handle = this.later(ms, done);
      set.add(done);
    });
  }

  /** Stops every timer and releases every waiter (server shutdown). */
  close(): void {
    for (const h of this.handles) this.timers.clearTimeout(h);
    this.handles.clear();
    for (const set of this.waiters.values()) for (const done of [...set]) done();
    this.waiters.clear();
  }

  private later(ms: number, fn: () => void): unknown {
    const handle = this.timers.setTimeout(() => {
      this.handles.delete(handle);
      fn();
    }, ms);
    this.handles.add(handle);
    return handle;
  }

  private advance(jobId: string, status: JobStatus): void {
    const job = this.store.jobs.get(jobId);
    if (job?.status !== 'pending') return;
    this.setStatus(job, status);
    this.onChange();
  }

  private finish(jobId: string): void {
    const job = this.store.jobs.get(jobId);
    if (!job || isTerminal(job.status)) return;
    if (job.plan.fail) {
      job.error = { code: 'generation_failed', message: 'The emulator was told to fail this job (fail-job fault).' };
      this.credits.refund(job.charged);
      this.setStatus(job, 'failed');
    } else {
      this.setStatus(job, 'completed');
    }
    job.completedAt = job.updatedAt;
    this.onChange();
    for (const done of [...(this.waiters.get(jobId) ?? [])]) done();
    this.waiters.delete(jobId);
    this.onFinished(job);
  }

  private setStatus(job: JobRec, status: JobStatus): void {
    const at = nowIso();
    job.status = status;
    job.updatedAt = at;
    for (const id of job.assetIds) {
      const a = this.store.assets.get(id);
      if (a) a.status = status;
    }
    const item = this.store.items.get(job.itemId);
    // The item shows its newest job's status (an older job finishing late must not mark it done).
    const newest = [...this.store.jobs.values()].filter((j) => j.itemId === job.itemId).at(-1);
    if (item && newest === job) {
      item.status = status;
      item.updatedAt = at;
    }
  }
}
