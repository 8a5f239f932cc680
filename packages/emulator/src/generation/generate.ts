import type { App } from '../context.js';
import { buildAssets } from '../media/asset-files.js';
import { newId, nowIso } from '../model/ids.js';
import type { CollectionRec, ItemRec, JobRec } from '../model/records.js';
import { reverseOf } from './pick-clip.js';
import type { GenPlan } from './plan.js';

/** The request that causes jobs: job faults (`slow-job`, `fail-job`) match on it. */
export interface JobOrigin {
  method: string;
  path: string;
}

/** Creates the item (or reuses it), its pending assets and the job; charges the credits; starts it. */
export function commitGeneration(app: App, plan: GenPlan, origin: JobOrigin | null): JobRec {
  const charged = app.credits.spend(plan.cost);
  const at = nowIso();
  const item: ItemRec =
    'id' in plan.item
      ? plan.item
      : {
          id: newId(),
          collectionId: plan.collection.id,
          ...plan.item,
          status: 'pending',
          clip: plan.clip.slug,
          createdAt: at,
          updatedAt: at,
        };
  item.status = 'pending';
  item.updatedAt = at;
  app.store.items.set(item.id, item);

  const jobId = newId();
  const assets = buildAssets({
    media: app.media,
    collection: plan.collection,
    item,
    clip: plan.clip,
    types: plan.types,
    sizes: plan.sizes,
    status: 'pending',
    jobId,
  });
  for (const a of assets) app.store.addAsset(a);

  const slow = origin ? app.faults.takeJobFault('slow-job', origin.method, origin.path) : undefined;
  const fail = origin ? app.faults.takeJobFault('fail-job', origin.method, origin.path) : undefined;
  const job: JobRec = {
    id: jobId,
    status: 'pending',
    type: plan.jobType,
    collectionId: plan.collection.id,
    itemId: item.id,
    itemName: item.name,
    costCredits: plan.cost,
    assetIds: assets.map((a) => a.id),
    error: null,
    createdAt: at,
    updatedAt: at,
    completedAt: null,
    plan: {
      delayMs: app.opts.jobDelayMs + (slow ? (slow.jobDelayMs ?? 1000) : 0),
      fail: Boolean(fail),
      autoReverse: plan.autoReverse,
    },
    charged,
  };
  app.store.jobs.set(job.id, job);
  touchStyleCard(plan.collection);
  app.persist();
  app.jobs.start(job);
  return job;
}

/** The first generation in a collection "extracts" its style card (free), as Masko does. */
function touchStyleCard(c: CollectionRec): void {
  if (c.styleCard === null) c.styleCard = `Style of ${c.name}: ${c.prompt ?? 'as in the references'} (emulated style card)`;
}

/** After a forward transition with `auto_reverse` completes: the free `reverse` job for B -> A. */
export function spawnReverse(app: App, forward: JobRec): JobRec | undefined {
  if (forward.status !== 'completed' || !forward.plan.autoReverse) return undefined;
  const fwdItem = app.store.items.get(forward.itemId);
  const collection = app.store.collections.get(forward.collectionId);
  const clip = fwdItem?.clip ? app.media.clip(fwdItem.clip) : undefined;
  if (!fwdItem || !collection || !clip) return undefined;
  const from = fwdItem.transition?.toItemId ? app.store.items.get(fwdItem.transition.toItemId) : undefined;
  const to = fwdItem.transition?.fromItemId ? app.store.items.get(fwdItem.transition.fromItemId) : undefined;
  const sizes = app.store.itemAssets(fwdItem.id).flatMap((a) => (a.size !== null && a.jobId === forward.id ? [a.size] : []));
  return commitGeneration(
    app,
    {
      kind: 'transition',
      jobType: 'reverse',
      cost: 0,
      collection,
      item: {
        name: from && to ? `${from.name} to ${to.name}` : `${fwdItem.name} (reverse)`,
        slug: (from && to ? `${from.slug}-${to.slug}` : `${fwdItem.slug}-reverse`).slice(0, 50),
        type: 'animation',
        loop: false,
        duration: fwdItem.duration,
        transition: { fromItemId: from?.id ?? null, toItemId: to?.id ?? null, reverseOfItemId: fwdItem.id },
      },
      clip: reverseOf(app.media, clip),
      types: ['transparent_image', 'video', 'webm', 'hevc', 'stacked_video'],
      sizes: [...new Set(sizes)],
      autoReverse: false,
    },
    null,
  );
}
