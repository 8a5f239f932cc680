/**
 * ALL response shaping: the only file that knows the API's field names (see API.md).
 * When the real API turns out different, fix it here (and in API.md and the client's wire.ts).
 */

import type { Media } from '../media/media.js';
import type { UrlSigner } from '../media/signed-urls.js';
import { sha256Hex } from '../model/ids.js';
import type { AssetRec, AssetType, CanvasRec, CollectionRec, ItemRec, JobRec, ProjectRec, WebhookRec } from '../model/records.js';
import type { Store } from '../model/store.js';

export interface WireContext {
  store: Store;
  assetsOrigin: string;
  /** The served files, for the assets' `sha256` (absent: `sha256` is null). */
  media?: Pick<Media, 'bytes'>;
  /** `stripped`: only what public sources confirm (asset id, type, URL; no inline assets, no transition link). */
  fields?: 'full' | 'stripped';
  /** Signs every asset URL it hands out (expiring URLs); absent: stable unsigned URLs. */
  signer?: UrlSigner;
}

type Json = Record<string, unknown>;

export const ok = (data: unknown, meta?: Json): Json => (meta ? { data, meta } : { data });

export function page<T>(all: T[], limit: number, offset: number, shape: (t: T) => unknown): Json {
  const slice = all.slice(offset, offset + limit);
  return {
    data: slice.map(shape),
    meta: { pagination: { total: all.length, limit, offset, has_more: offset + slice.length < all.length } },
  };
}

export const errorBody = (code: string, message: string, extra: Json = {}): Json => ({
  error: { code, message, ...extra },
});

export const project = (p: ProjectRec): Json => ({
  id: p.id,
  name: p.name,
  organization_id: p.organizationId,
  created_at: p.createdAt,
  updated_at: p.updatedAt,
});

export function collection(ctx: WireContext, c: CollectionRec): Json {
  let itemCount = 0;
  let assetCount = 0;
  for (const i of ctx.store.items.values()) if (i.collectionId === c.id) itemCount++;
  for (const a of ctx.store.assets.values()) if (a.collectionId === c.id) assetCount++;
  return {
    id: c.id,
    project_id: c.projectId,
    name: c.name,
    type: 'mascot',
    slug: c.slug,
    public_slug: c.publicSlug,
    user_prefix: c.userPrefix,
    is_published: c.isPublished,
    item_count: itemCount,
    asset_count: assetCount,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    config: {
      prompt: c.prompt,
      reference_asset_ids: c.referenceAssetIds,
      style_card: c.styleCard,
      caution_list: c.cautionList,
      ...(ctx.fields === 'stripped' ? {} : { animation_sizes: c.animationSizes }),
    },
  };
}

export const assetUrl = (ctx: WireContext, a: AssetRec): string =>
  a.path ? `${ctx.assetsOrigin}${ctx.signer ? ctx.signer.sign(a.path) : a.path}` : (a.externalUrl ?? '');

const digests = new WeakMap<object, Map<string, string>>();

/**
 * `sha256` of what the asset URL serves once completed (emulator assumption, see API.md): hashed from
 * the served bytes themselves (once per file), so a custom media dir can never publish a wrong digest.
 * Null while the URL serves the placeholder, and for uploads by URL (no file here).
 */
function fileSha256(ctx: WireContext, a: AssetRec): string | null {
  if (!ctx.media || !a.file || a.status !== 'completed') return null;
  let known = digests.get(ctx.media);
  if (!known) digests.set(ctx.media, (known = new Map()));
  let digest = known.get(a.file);
  if (!digest) known.set(a.file, (digest = sha256Hex(ctx.media.bytes(a.file))));
  return digest;
}

/** In `stripped` mode only what public sources confirm: id, type and URL. */
export function asset(ctx: WireContext, a: AssetRec): Json {
  if (ctx.fields === 'stripped') return { id: a.id, type: a.type, url: assetUrl(ctx, a) };
  return {
    id: a.id,
    item_id: a.itemId,
    collection_id: a.collectionId,
    type: a.type,
    status: a.status,
    url: assetUrl(ctx, a),
    size: a.size,
    parent_asset_id: a.parentAssetId,
    width: a.width,
    height: a.height,
    bytes: a.bytes,
    mime: a.mime,
    sha256: fileSha256(ctx, a),
    created_at: a.createdAt,
  };
}

/** In `stripped` mode without the assumed parts: the inline `assets` and the `transition` link. */
export function item(ctx: WireContext, i: ItemRec): Json {
  const confirmed: Json = {
    id: i.id,
    collection_id: i.collectionId,
    name: i.name,
    slug: i.slug,
    type: i.type,
    status: i.status,
    loop: i.loop,
    duration: i.duration,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
  };
  if (ctx.fields === 'stripped') return confirmed;
  return {
    ...confirmed,
    transition: i.transition
      ? {
          from_item_id: i.transition.fromItemId,
          to_item_id: i.transition.toItemId,
          reverse_of_item_id: i.transition.reverseOfItemId,
        }
      : null,
    assets: ctx.store.itemAssets(i.id).map((a) => asset(ctx, a)),
  };
}

/** Originals only, keyed by type (size variants are listed on the item / asset endpoints). */
function byType(ctx: WireContext, assetIds: string[]): { asset_ids: Json; urls: Json } {
  const ids: Partial<Record<AssetType, string>> = {};
  const urls: Partial<Record<AssetType, string>> = {};
  for (const id of assetIds) {
    const a = ctx.store.assets.get(id);
    if (!a || a.size !== null) continue;
    ids[a.type] = a.id;
    urls[a.type] = assetUrl(ctx, a);
  }
  return { asset_ids: ids, urls };
}

export const job = (ctx: WireContext, j: JobRec): Json => ({
  id: j.id,
  status: j.status,
  type: j.type,
  collection_id: j.collectionId,
  item_id: j.itemId,
  item_name: j.itemName,
  cost_credits: j.costCredits,
  ...byType(ctx, j.assetIds),
  error: j.error,
  created_at: j.createdAt,
  updated_at: j.updatedAt,
  completed_at: j.completedAt,
});

export const generateResult = (ctx: WireContext, j: JobRec): Json => ({
  job_id: j.id,
  poll_url: `/v1/jobs/${j.id}`,
  item_id: j.itemId,
  cost_credits: j.costCredits,
  ...byType(ctx, j.assetIds),
});

export const credits = (c: { subscription: number; topup: number }): Json => ({
  balance: c.subscription + c.topup,
  subscription_credits: c.subscription,
  topup_credits: c.topup,
});

export const webhook = (w: WebhookRec, withSecret: boolean): Json => ({
  id: w.id,
  url: w.url,
  events: w.events,
  ...(withSecret ? { secret: w.secret } : {}),
  created_at: w.createdAt,
});

/** Webhook delivery body (API.md, "Webhook delivery"). */
export const webhookPayload = (ctx: WireContext, event: string, j: JobRec): Json => ({
  event,
  job_id: j.id,
  type: j.type,
  collection_id: j.collectionId,
  item_id: j.itemId,
  ...byType(ctx, j.assetIds),
  error: j.error,
  timestamp: j.updatedAt,
});

export interface CanvasStatusRec {
  nodesTotal: number;
  nodesComplete: number;
  edgesTotal: number;
  edgesComplete: number;
  jobsPending: number;
}

export const canvasStatus = (s: CanvasStatusRec): Json => ({
  nodes_total: s.nodesTotal,
  nodes_complete: s.nodesComplete,
  edges_total: s.edgesTotal,
  edges_complete: s.edgesComplete,
  percent: s.nodesTotal + s.edgesTotal === 0 ? 100 : Math.round(((s.nodesComplete + s.edgesComplete) * 100) / (s.nodesTotal + s.edgesTotal)),
  jobs_pending: s.jobsPending,
});

export function canvas(c: CanvasRec, detail?: { status: CanvasStatusRec }): Json {
  const base: Json = {
    id: c.id,
    collection_id: c.collectionId,
    name: c.name,
    template_id: c.templateId,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
  if (!detail) return base;
  return {
    ...base,
    graph: {
      initial_node_id: c.initialNodeId,
      nodes: c.nodes.map((n) => ({ id: n.id, name: n.name, item_id: n.itemId, image_prompt: n.imagePrompt })),
      edges: c.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        is_loop: e.isLoop,
        duration: e.duration,
        ...(e.speed !== undefined ? { speed: e.speed } : {}),
        ...(e.priority !== undefined ? { priority: e.priority } : {}),
        ...(e.reverse !== undefined ? { reverse: e.reverse } : {}),
        description: e.description,
        conditions: e.conditions,
        item_id: e.itemId,
      })),
      inputs: c.inputs,
    },
    status: canvasStatus(detail.status),
  };
}

export const template = (t: { id: string; name: string; description: string; nodes: unknown[]; edges: unknown[] }): Json => ({
  id: t.id,
  name: t.name,
  description: t.description,
  node_count: t.nodes.length,
  edge_count: t.edges.length,
});

export interface GenerateAllRec {
  dryRun: boolean;
  plannedJobs: { kind: 'node' | 'edge'; id: string; name: string; type: string; cost: number; prompt: string }[];
  generated: JobRec[];
  skippedItems: string[];
  reverseFree: number;
  alreadyComplete: number;
  estimatedCost: number;
  actualCost: number;
}

export const generateAll = (ctx: WireContext, r: GenerateAllRec): Json => ({
  dry_run: r.dryRun,
  planned_jobs: r.plannedJobs.map((p) => ({
    kind: p.kind,
    id: p.id,
    name: p.name,
    type: p.type,
    cost_credits: p.cost,
    prompt: p.prompt,
  })),
  generated: r.generated.map((j) => generateResult(ctx, j)),
  skipped_items: r.skippedItems,
  reverse_free: r.reverseFree,
  already_complete: r.alreadyComplete,
  estimated_cost: r.estimatedCost,
  actual_cost: r.actualCost,
  would_charge_credits: r.dryRun ? r.estimatedCost : 0,
});

/** from-template answer: the canvas, template node key -> created item, the node image jobs, their cost. */
export const fromTemplate = (ctx: WireContext, canvasJson: Json, made: { key: string; nodeId: string; job: JobRec }[]): Json => ({
  canvas: canvasJson,
  node_mapping: Object.fromEntries(
    made.map(({ key, nodeId, job: j }) => {
      const r = generateResult(ctx, j);
      return [key, { node_id: nodeId, item_id: j.itemId, asset_ids: r.asset_ids }];
    }),
  ),
  jobs: made.map(({ job: j }) => generateResult(ctx, j)),
  total_cost: made.reduce((s, m) => s + m.job.costCredits, 0),
});
