import { linkReverseEdge } from './canvases/canvas.js';
import type { App } from './context.js';
import { spawnReverse } from './generation/generate.js';
import { JobRunner } from './generation/jobs.js';
import { deliverJobEvent } from './generation/webhooks.js';
import { createAdminHandler } from './http/admin.js';
import { createApiHandler } from './http/api.js';
import { type FaultSpec, Faults } from './http/faults.js';
import { pipeline } from './http/pipeline.js';
import { RateLimiter } from './http/rate-limit.js';
import { type LoggedRequest, RequestLog } from './http/request-log.js';
import { listen } from './http/server.js';
import { Media } from './media/media.js';
import { serveAsset } from './media/serve-asset.js';
import { UrlSigner } from './media/signed-urls.js';
import { Credits } from './model/credits.js';
import { seedDemo } from './model/demo.js';
import type { JobRec } from './model/records.js';
import { Store } from './model/store.js';
import { type EmulatorOptions, resolveOptions } from './options.js';
import { createRouter } from './routes/index.js';
import type { WireContext } from './wire/resources.js';

/** A running emulator. */
export interface Emulator {
  /** API base, e.g. `http://127.0.0.1:4010/v1`. */
  apiUrl: string;
  /** Asset host origin, e.g. `http://127.0.0.1:4011`. */
  assetsUrl: string;
  port: number;
  assetsPort: number;
  /** Adds a fault layer (newest first); returns its id. */
  addFault(spec: FaultSpec): string;
  clearFaults(): void;
  /** The request log of both origins (authorization redacted). */
  requests(): LoggedRequest[];
  /** Sets the credit balance. */
  setCredits(balance: number): void;
  /** Invalidates every signed asset URL issued so far (with `signedUrls`; otherwise a no-op). */
  expireSignedUrls(): void;
  /** Back to the seeded state: demo mascot, starting balance, no jobs. */
  reset(): void;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const opts = resolveOptions(options);
  const media = Media.load(opts.mediaDir);
  const store = new Store(opts.dataDir);
  const credits = new Credits(store);
  const faults = new Faults();
  for (const f of [...opts.faults].reverse()) faults.add(f);
  const log = new RequestLog(opts.log);
  const limiter = new RateLimiter(opts.rateLimit);
  const signer = opts.signedUrls ? new UrlSigner(opts.signedUrls.ttlMs) : undefined;
  const wire: WireContext = { store, assetsOrigin: '', media, fields: opts.fields, ...(signer ? { signer } : {}) };
  const onFinished: ((job: JobRec) => void)[] = [];
  const persist = (): void => store.persist();
  const jobs = new JobRunner(store, credits, persist, (job) => onFinished.forEach((f) => f(job)), opts.timers);
  const app: App = { opts, store, media, credits, jobs, faults, wire, persist };
  onFinished.push(
    (job) => deliverJobEvent(app, job),
    (job) => {
      const reverse = spawnReverse(app, job);
      if (reverse) linkReverseEdge(app, job.itemId, reverse.itemId);
    },
  );

  const seed = (): void => {
    store.clear();
    seedDemo(store, media);
    credits.set(opts.credits);
    persist();
  };
  if (!store.restore()) seed();

  const apiHandler = createApiHandler(app, createRouter(), limiter);
  const admin = createAdminHandler(app, log, () => {
    jobs.close();
    limiter.reset();
    seed();
  });
  const api = await listen(pipeline('api', faults, log, apiHandler, admin), opts.host, opts.port);
  let assets;
  try {
    assets = await listen(
      pipeline('assets', faults, log, (req, url) => serveAsset(app, req.method ?? 'GET', url, req.headers)),
      opts.host,
      opts.assetsPort,
    );
  } catch (e) {
    await api.close();
    throw e;
  }
  const urlHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  wire.assetsOrigin = `http://${urlHost}:${assets.port}`;
  jobs.resumeAll();

  return {
    apiUrl: `http://${urlHost}:${api.port}/v1`,
    assetsUrl: wire.assetsOrigin,
    port: api.port,
    assetsPort: assets.port,
    addFault: (spec) => faults.add(spec),
    clearFaults: () => faults.clear(),
    expireSignedUrls: () => signer?.rotate(),
    requests: () => log.list(),
    setCredits: (balance) => {
      credits.set(balance);
      persist();
    },
    reset: () => {
      jobs.close();
      limiter.reset();
      seed();
    },
    close: async () => {
      jobs.close();
      await Promise.all([api.close(), assets.close()]);
    },
  };
}
