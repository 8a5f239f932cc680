/**
 * Response shaping of the API's objects, with canvases.ts the only files of the emulator that know the
 * API's field names (see API.md). Each returns masko-wire's shape, so what the emulator sends and what
 * masko-client accepts are checked against one declaration. When the real API turns out different, fix
 * masko-wire, API.md and these.
 */
import type {
  AssetType,
  WireAsset,
  WireAssetsByType,
  WireCollection,
  WireCredits,
  WireGenerateResult,
  WireItem,
  WireJob,
  WireProject,
  WireWebhook,
  WireWebhookDelivery,
} from 'masko-wire';
import type { Media } from '../media/media.js';
import type { UrlSigner } from '../media/signed-urls.js';
import { sha256Hex } from '../model/ids.js';
import type { AssetRec, CollectionRec, ItemRec, JobRec, ProjectRec, WebhookRec } from '../model/records.js';
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

export const project = (p: ProjectRec): WireProject => ({
  id: p.id,
  name: p.name,
  organization_id: p.organizationId,
  created_at: p.createdAt,
  updated_at: p.updatedAt,
});

export function collection(ctx: WireContext, c: CollectionRec): WireCollection {
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
export function asset(ctx: WireContext, a: AssetRec): WireAsset {
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
export function item(ctx: WireContext, i: ItemRec): WireItem {
  const confirmed: WireItem = {
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
function byType(ctx: WireContext, assetIds: string[]): Required<WireAssetsByType> {
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

export const job = (ctx: WireContext, j: JobRec): WireJob => ({
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

export const generateResult = (ctx: WireContext, j: JobRec): WireGenerateResult => ({
  job_id: j.id,
  poll_url: `/v1/jobs/${j.id}`,
  item_id: j.itemId,
  cost_credits: j.costCredits,
  ...byType(ctx, j.assetIds),
});

export const credits = (c: { subscription: number; topup: number }): WireCredits => ({
  balance: c.subscription + c.topup,
  subscription_credits: c.subscription,
  topup_credits: c.topup,
});

export const webhook = (w: WebhookRec, withSecret: boolean): WireWebhook => ({
  id: w.id,
  url: w.url,
  events: w.events,
  ...(withSecret ? { secret: w.secret } : {}),
  created_at: w.createdAt,
});

/** Webhook delivery body (API.md, "Webhook delivery"). */
export const webhookPayload = (ctx: WireContext, event: WireWebhookDelivery['event'], j: JobRec): WireWebhookDelivery => ({
  event,
  job_id: j.id,
  type: j.type,
  collection_id: j.collectionId,
  item_id: j.itemId,
  ...byType(ctx, j.assetIds),
  error: j.error,
  timestamp: j.updatedAt,
});
