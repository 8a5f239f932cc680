/**
 * Executes plans: reuse lock entries that still answer the options, list and plan the rest, print the
 * cost, generate (batched, awaited together, within budget), download (bounded, one per URL), and return
 * the next lockfile. Never spends credits unless `generate` allows it, and never above `maxCredits`.
 */
import { setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import type { ApiItem, GenerateResult, SyncClient } from './api-types.js';
import { describeBudget } from './budget.js';
import type { AssetCache } from './cache.js';
import { lockCanvas } from './canvas.js';
import { needsProbe, probeListing, withAssets } from './complete-listing.js';
import { MaskoError } from './errors.js';
import { type DownloadRun, lockMascot } from './lock-mascot.js';
import { emptyLockfile, type Lockfile, mascotOptionsHash, readLockfile } from './lockfile.js';
import { MAX_NAME_LENGTH } from './lockfile-schema.js';
import type { ResolvedMascot, ResolvedOptions } from './options.js';
import { applyPins, type Pins, pinFromResult, pinsFromLock } from './pins.js';
import { type MascotPlan, planMascot } from './plan.js';
import { leavingACoreTo, loadSharpOnceRequestsAreSent, posterFormatsOf } from './posters.js';
import type { Logger, Progress } from './reporting.js';
import { settleAll } from './settle.js';
import { linkTransitions } from './transition-links.js';

export interface SyncEnv {
  options: ResolvedOptions;
  cache: AssetCache;
  logger: Logger;
  /** Created only when the network is needed; absent means the caller cannot reach the API. */
  client?: () => SyncClient;
  progress?: Progress;
  /** Re-resolve every mascot from the API even when its lock entry still matches (`masko sync --update`). */
  update?: boolean;
  /** Pins that win over the lockfile's (a regeneration just made: `masko generate --regenerate`), by mascot key. */
  pins?: Record<string, Pins>;
}

export interface SyncResult {
  lock: Lockfile;
  plans: MascotPlan[];
  plannedCost: number;
  creditsSpent: number;
  downloaded: { files: number; bytes: number };
  /** Mascots resolved from the API in this run (the others came from the lockfile). */
  refreshed: string[];
}

const BATCH = 10;

async function listItems(client: SyncClient, collectionId: string): Promise<ApiItem[]> {
  const items: ApiItem[] = [];
  for await (const item of client.items.list(collectionId)) items.push(item);
  return withAssets(client, collectionId, items);
}

/**
 * `prepare`: a step on each listing before it is planned (probing files the API gave no size for).
 * `pins`: poses pinned to assets (edits, regenerations; pins.ts), by mascot.
 */
export async function planAll(
  client: SyncClient,
  mascots: ResolvedMascot[],
  prepare?: (items: ApiItem[]) => Promise<void>,
  pins?: (m: ResolvedMascot) => Pins,
): Promise<MascotPlan[]> {
  return Promise.all(
    mascots.map(async (m) => {
      const [collection, items, exported] = await Promise.all([
        client.collections.get(m.collection),
        listItems(client, m.collection).then(async (items) => {
          await prepare?.(items);
          return items;
        }),
        m.canvas ? client.canvases.export(m.collection, m.canvas) : undefined,
      ]);
      // An API without transition links: inferred from the canvas's edges, else Masko's file naming.
      const plan = (linked: ApiItem[], canvasPoses?: string[]) => applyPins(planMascot(m, collection, linked, canvasPoses), m, linked, pins?.(m) ?? new Map());
      if (!m.canvas) return plan(linkTransitions(items));
      const { canvas, poses } = lockCanvas(m.canvas, exported, items);
      return { ...plan(linkTransitions(items, canvas.edges), poses), canvas };
    }),
  );
}

/** Waits for items another run started (their generation is already paid for). */
async function waitForPending(client: SyncClient, mascots: ResolvedMascot[], plans: MascotPlan[], logger: Logger): Promise<MascotPlan[]> {
  for (let round = 0; plans.some((p) => p.pending.length); round++) {
    if (round === 600)
      throw new MaskoError('pending_timeout', `items still generating after 10 minutes: ${plans.flatMap((p) => p.pending.map((i) => i.name)).join(', ')}`);
    if (round === 0) logger.info(`waiting for ${plans.flatMap((p) => p.pending.map((i) => `"${i.name}"`)).join(', ')} (already being generated)`);
    await new Promise((r) => setTimeout(r, 1000));
    plans = await planAll(client, mascots);
  }
  return plans;
}

function describeGeneration(plans: MascotPlan[]): string {
  return plans.flatMap((p) => p.generate.map((g) => `${p.key}/"${g.pose}" (${g.body.type}, ${g.cost} credits)`)).join(', ');
}

export async function runSync(env: SyncEnv): Promise<SyncResult> {
  const { options, logger } = env;
  const previous = await readPrevious(env);
  const next = emptyLockfile();
  const stale: ResolvedMascot[] = [];
  for (const m of options.mascots) {
    const entry = previous.mascots[m.key];
    if (!env.update && entry && entry.collection === m.collection && entry.optionsHash === mascotOptionsHash(m)) next.mascots[m.key] = entry;
    else stale.push(m);
  }
  const result: SyncResult = { lock: next, plans: [], plannedCost: 0, creditsSpent: 0, downloaded: { files: 0, bytes: 0 }, refreshed: stale.map((m) => m.key) };
  if (!stale.length) return result;

  const names = stale.map((m) => `"${m.key}"`).join(', ');
  if (options.offline) {
    throw new MaskoError(
      'offline_unlocked',
      `offline, and the lockfile has no current entry for ${names}`,
      'Run `masko sync` with network access and commit masko.lock.json.',
    );
  }
  if (options.frozen) {
    throw new MaskoError(
      'lockfile_frozen',
      `lockfile ${options.lockfile} would change (${names} missing or options changed), and frozen mode forbids changing it`,
      'Run `masko sync` locally and commit masko.lock.json.',
    );
  }
  if (!env.client) throw new MaskoError('no_api_key', `no API key: set MASKO_API_KEY (or the apiKey option) to resolve ${names}`);
  const client = env.client();
  env.cache.prepareDownloads();
  // Posters will be encoded: sharp loads while the listing is on the wire.
  if (stale.some((m) => posterFormatsOf(m.formats).length)) loadSharpOnceRequestsAreSent();
  // The lockfile's pins, then those of generations made now (edits), then the caller's (a regeneration).
  const made = new Map<string, Pins>();
  const pins = (m: ResolvedMascot): Pins => new Map([...pinsFromLock(previous.mascots[m.key], m), ...(made.get(m.key) ?? []), ...(env.pins?.[m.key] ?? [])]);
  const planWith = (prepare?: (items: ApiItem[]) => Promise<void>) => planAll(client, stale, prepare, pins);

  let plans = await waitForPending(client, stale, await planWith(), logger);
  const unavailable = plans.flatMap((p) => p.unavailable.map((n) => `${p.key}/"${n}"`));
  if (unavailable.length) {
    throw new MaskoError(
      'pose_unavailable',
      `not in the collection and no prompt to generate it: ${unavailable.join(', ')}`,
      'Fix the pose name, or give it an `image` prompt (and `animation` for a clip) under mascots.<key>.poses.',
    );
  }
  // The lockfile schema refuses longer names when it is read back: refuse them now, before any download.
  const long = plans.flatMap((p) =>
    p.poses.filter((c) => c.name.length > MAX_NAME_LENGTH).map((c) => `${p.key}/item ${c.item.id} (${c.name.length} characters)`),
  );
  if (long.length) {
    throw new MaskoError(
      'name_too_long',
      `item names longer than ${MAX_NAME_LENGTH} characters: ${long.join(', ')}; nothing was downloaded`,
      'Rename the item in Masko, or leave it out with mascots.<key>.include.',
    );
  }
  for (const p of plans) {
    if (p.missingSizes.length)
      logger.warn(
        `mascot "${p.key}": sizes ${p.missingSizes.join(', ')} are not among the collection's animation_sizes; videos fall back to the nearest files the API has`,
      );
  }
  const cost = plans.reduce((sum, p) => sum + p.cost, 0);
  result.plannedCost = cost;
  result.plans = plans;
  if (plans.some((p) => p.generate.length)) {
    logger.info(`plan: generate ${describeGeneration(plans)} — total ${cost} credits (${describeBudget(options)})`);
    if (options.generate === false) {
      throw new MaskoError(
        'generation_disabled',
        `declared poses are missing and generation is off: ${describeGeneration(plans)}; nothing was spent`,
        `Set generate: { maxCredits: ${cost} } to allow it.`,
      );
    }
    if (cost > options.generate.maxCredits) {
      throw new MaskoError(
        'over_budget',
        `the plan costs ${cost} credits, above generate.maxCredits = ${options.generate.maxCredits}; nothing was spent`,
        `Raise generate.maxCredits to at least ${cost}, or declare fewer poses.`,
      );
    }
    result.creditsSpent = await generateAll(client, plans, (plan, pose, made_) => {
      const pin = pinFromResult(made_);
      if (pin) made.set(plan.key, new Map([...(made.get(plan.key) ?? []), [pose, pin]]));
    });
    if (result.creditsSpent !== cost)
      logger.warn(`the API charged ${result.creditsSpent} credits for a plan priced at ${cost}; our price list may be out of date`);
    plans = await planWith();
    const left = plans.flatMap((p) => p.generate.map((g) => g.pose));
    if (left.length) throw new MaskoError('generation_incomplete', `generated poses did not appear in the collection: ${left.join(', ')}`);
  } else {
    logger.info('plan: nothing to generate (0 credits)');
  }
  // Every mascot's files at once under one limit; the first failure stops them all (see settle.ts).
  const run: DownloadRun = {
    cache: env.cache,
    // The client opens `concurrency` sockets per origin and queues the rest; twice as many downloads under
    // way keep every socket busy while finished ones close, hash-check and rename their files.
    limit: pLimit(options.concurrency * 2),
    abort: new AbortController(),
    progress: env.progress,
    downloaded: result.downloaded,
    posters: [],
  };
  setMaxListeners(0, run.abort.signal); // one listener per download in flight, by design
  // An API without sizes on its assets: probe the files, then plan again with what they say.
  if (plans.some((p) => needsProbe([...p.poses, ...p.transitions].map((c) => c.item)))) {
    plans = await planWith((items) => probeListing({ cache: env.cache, limit: run.limit, signal: run.abort.signal }, items));
  }
  const locked = await leavingACoreTo(() =>
    settleAll(
      run.abort,
      stale.map((m, i) => lockMascot(run, m, plans[i]!)),
    ),
  ).finally(() => Promise.allSettled(run.posters)); // a failed sync returns only once nothing writes
  stale.forEach((m, i) => {
    next.mascots[m.key] = locked[i]!;
  });
  return result;
}

async function readPrevious(env: SyncEnv): Promise<Lockfile> {
  return (await readLockfile(env.options.lockfile)) ?? emptyLockfile();
}

/**
 * Sends every planned generation in batches of ≤10 per collection, then awaits all jobs together. Returns
 * credits spent. `onResult` hears each pose's job once it completed (edits are pinned to its assets).
 */
export async function generateAll(
  client: SyncClient,
  plans: MascotPlan[],
  onResult?: (plan: MascotPlan, pose: string, result: GenerateResult) => void,
): Promise<number> {
  let spent = 0;
  const jobIds: string[] = [];
  const sent: [MascotPlan, string, GenerateResult][] = [];
  for (const plan of plans) {
    for (let i = 0; i < plan.generate.length; i += BATCH) {
      const chunk = plan.generate.slice(i, i + BATCH);
      const batch = await client.generateBatch(
        plan.collection,
        chunk.map((g) => g.body),
      );
      spent += batch.total_cost;
      jobIds.push(...batch.jobs.map((j) => j.job_id));
      batch.jobs.forEach((job, n) => sent.push([plan, chunk[n]!.pose, job]));
    }
  }
  // Awaited together: wall time is the slowest job, not the sum.
  await client.waitForJobs(jobIds, { timeoutMs: 15 * 60_000 });
  for (const [plan, pose, job] of sent) onResult?.(plan, pose, job);
  return spent;
}
