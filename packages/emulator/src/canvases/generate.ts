import type { App } from '../context.js';
import { commitGeneration, type JobOrigin } from '../generation/generate.js';
import { CREDITS_PER_IMAGE, CREDITS_PER_SECOND, planGeneration } from '../generation/plan.js';
import { nowIso } from '../model/ids.js';
import type { CanvasEdgeRec, CanvasNodeRec, CanvasRec, CollectionRec, JobRec } from '../model/records.js';
import type { GenerateAllRec } from '../wire/canvases.js';
import { latestAsset } from './canvas.js';

export type Targets = 'all' | 'images' | 'animations';

interface Work {
  kind: 'node' | 'edge';
  node?: CanvasNodeRec;
  edge?: CanvasEdgeRec;
  name: string;
  type: 'image' | 'animation' | 'transition';
  cost: number;
  prompt: string;
}

const nodeImage = (app: App, node: CanvasNodeRec | undefined) =>
  node ? (latestAsset(app, node.itemId, 'transparent_image') ?? latestAsset(app, node.itemId, 'image')) : undefined;

/** Node image jobs for nodes without an item (from-template and generate-all share this). */
export function generateNodeImages(app: App, canvas: CanvasRec, collection: CollectionRec, origin: JobOrigin): { node: CanvasNodeRec; job: JobRec }[] {
  const missing = canvas.nodes.filter((n) => !n.itemId);
  app.credits.assertCanSpend(missing.length * CREDITS_PER_IMAGE);
  return missing.map((node) => {
    const plan = planGeneration(app, collection, { type: 'image', name: node.name, image_prompt: node.imagePrompt ?? node.name });
    const job = commitGeneration(app, plan, origin);
    node.itemId = job.itemId;
    return { node, job };
  });
}

/**
 * generate-all: queues what the graph lacks. Loops and forward edges are paid (5/s); `reverse`
 * edges are free (made when their forward clip completes); any-state edges have no clip.
 * The whole estimate is checked against the balance before anything is created.
 */
export function generateAll(
  app: App,
  canvas: CanvasRec,
  collection: CollectionRec,
  o: { dryRun: boolean; targets: Targets; skipCompleted: boolean; duration: number },
  origin: JobOrigin,
): GenerateAllRec {
  const work: Work[] = [];
  const skippedItems: string[] = [];
  let alreadyComplete = 0;
  let reverseFree = 0;
  const state = (itemId: string | null): 'none' | 'running' | 'done' => {
    const s = itemId ? app.store.items.get(itemId)?.status : undefined;
    return !s ? 'none' : s === 'completed' ? 'done' : s === 'failed' ? 'none' : 'running';
  };
  const consider = (itemId: string | null, name: string, add: () => void): void => {
    const s = state(itemId);
    if (s === 'done' && o.skipCompleted) alreadyComplete++;
    else if (s === 'running' && o.skipCompleted) skippedItems.push(name);
    else add();
  };
  if (o.targets !== 'animations') {
    for (const node of canvas.nodes) {
      consider(node.itemId, node.name, () =>
        work.push({ kind: 'node', node, name: node.name, type: 'image', cost: CREDITS_PER_IMAGE, prompt: node.imagePrompt ?? node.name }),
      );
    }
  }
  if (o.targets !== 'images') {
    const byId = new Map(canvas.nodes.map((n) => [n.id, n]));
    for (const edge of canvas.edges) {
      if (edge.source === '*') continue;
      const from = byId.get(edge.source);
      const to = byId.get(edge.target);
      const name = edge.isLoop ? `${from?.name} loop` : `${from?.name} to ${to?.name}`;
      if (edge.reverse) {
        if (state(edge.itemId) === 'done') alreadyComplete++;
        else reverseFree++;
        continue;
      }
      const cost = (edge.duration || o.duration) * CREDITS_PER_SECOND;
      const imageless = [from, edge.isLoop ? from : to].some((n) => !n?.itemId);
      if (imageless && o.targets === 'animations') {
        skippedItems.push(`${name} (a node has no image: generate images first)`);
        continue;
      }
      consider(edge.itemId, name, () =>
        work.push({ kind: 'edge', edge, name, type: edge.isLoop ? 'animation' : 'transition', cost, prompt: edge.description || name }),
      );
    }
  }
  const estimatedCost = work.reduce((s, w) => s + w.cost, 0);
  const result: GenerateAllRec = {
    dryRun: o.dryRun,
    plannedJobs: work.map((w) => ({ kind: w.kind, id: (w.node ?? w.edge)!.id, name: w.name, type: w.type, cost: w.cost, prompt: w.prompt })),
    generated: [],
    skippedItems,
    reverseFree,
    alreadyComplete,
    estimatedCost,
    actualCost: 0,
  };
  if (o.dryRun) return result;
  app.credits.assertCanSpend(estimatedCost);

  for (const w of work.filter((x) => x.kind === 'node')) {
    const plan = planGeneration(app, collection, {
      type: 'image',
      name: w.name,
      image_prompt: w.prompt,
      ...(w.node!.itemId ? { item_id: w.node!.itemId } : {}),
    });
    const job = commitGeneration(app, plan, origin);
    w.node!.itemId = job.itemId;
    result.generated.push(job);
  }
  const byId = new Map(canvas.nodes.map((n) => [n.id, n]));
  for (const w of work.filter((x) => x.kind === 'edge')) {
    const edge = w.edge!;
    const src = nodeImage(app, byId.get(edge.source));
    const dst = nodeImage(app, byId.get(edge.target));
    if (!src || (!edge.isLoop && !dst)) {
      skippedItems.push(`${w.name} (a node has no image: generate images first)`);
      continue;
    }
    const duration = edge.duration || o.duration;
    const hasReverse = canvas.edges.some((e) => e.reverse && e.source === edge.target && e.target === edge.source);
    const body = edge.isLoop
      ? { type: 'animation', name: w.name, source_image_asset_id: src.id, animation_prompt: w.prompt, duration, loop: true }
      : {
          type: 'animation',
          name: w.name,
          source_image_asset_id: src.id,
          end_image_asset_id: dst!.id,
          animation_prompt: w.prompt,
          duration,
          auto_reverse: hasReverse,
        };
    const job = commitGeneration(app, planGeneration(app, collection, body), origin);
    edge.itemId = job.itemId;
    result.generated.push(job);
  }
  result.actualCost = result.generated.reduce((s, j) => s + j.costCredits, 0);
  canvas.updatedAt = nowIso();
  app.persist();
  return result;
}
