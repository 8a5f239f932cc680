// createMaskoClient: composes the resources over one HttpCore (one Agent, one rate-limit gate).

import type { GenerateBody } from 'masko-wire';
import { type DownloadOptions, type DownloadResult, download } from './download.js';
import { generate, generateBatch } from './generate.js';
import { HttpCore } from './http.js';
import { type WaitOptions, waitForJob, waitForJobs } from './jobs.js';
import { type MaskoClientOptions, resolveOptions } from './options.js';
import { accountResource } from './resources/account.js';
import { canvasesResource, canvasTemplates } from './resources/canvases.js';
import { collectionsResource } from './resources/collections.js';
import { assetsResource, itemsResource } from './resources/items.js';
import { jobsResource } from './resources/jobs.js';
import { projectsResource } from './resources/projects.js';
import { webhooksResource } from './resources/webhooks.js';
import type { CanvasTemplate } from './schemas/canvases.js';
import type { GenerateBatchResult, GenerateResult, Job } from './schemas/resources.js';

export function createMaskoClient(options: MaskoClientOptions = {}) {
  const http = new HttpCore(resolveOptions(options));
  const account = accountResource(http);
  return {
    /** The API base URL in use (never includes the key). */
    apiUrl: http.options.apiUrl.href,
    credits: account.credits,
    upload: account.upload,
    suggestActions: account.suggestActions,
    projects: projectsResource(http),
    collections: collectionsResource(http),
    items: itemsResource(http),
    assets: assetsResource(http),
    jobs: jobsResource(http),
    canvases: canvasesResource(http),
    webhooks: webhooksResource(http),
    canvasTemplates: (filter?: { source?: 'builtin' | 'mine' }): Promise<CanvasTemplate[]> => canvasTemplates(http, filter),
    /** Starts one generation. Never posted twice for one call (see README, "Generation is never blindly retried"). */
    generate: (collectionId: string, body: GenerateBody, opts?: { signal?: AbortSignal }): Promise<GenerateResult> => generate(http, collectionId, body, opts),
    /** Starts 1–10 generations at once (all-or-nothing credit check); same ambiguity rule as `generate`. */
    generateBatch: (collectionId: string, bodies: GenerateBody[], opts?: { signal?: AbortSignal }): Promise<GenerateBatchResult> =>
      generateBatch(http, collectionId, bodies, opts),
    /** Resolves when the job completes; throws MaskoApiError `job_failed` when it fails. */
    waitForJob: (id: string, opts?: WaitOptions): Promise<Job> => waitForJob(http, id, opts),
    /** Waits for several jobs concurrently; the first failure rejects and cancels the rest. */
    waitForJobs: (ids: string[], opts?: WaitOptions): Promise<Job[]> => waitForJobs(http, ids, opts),
    /** Streams `url` to `destPath` atomically, hashing on the way. */
    download: (url: string, destPath: string, opts?: DownloadOptions): Promise<DownloadResult> => download(http, url, destPath, opts),
    /** Releases the sockets. */
    close: (): Promise<void> => http.close(),
  };
}

export type MaskoClient = ReturnType<typeof createMaskoClient>;
