/**
 * When the API gives less than API.md assumes: items without inline assets get them listed
 * (`/collections/:id/assets?item_id=`), and assets without a width or height are downloaded into the
 * cache and probed, so the planner can choose sizes from the files themselves. Only such APIs pay for
 * this: with the assumed fields present nothing here makes a request.
 */

import type { ApiAsset, ApiItem, SyncClient } from './api-types.js';
import type { AssetCache } from './cache.js';
import { EXT } from './emit.js';
import { SOURCE_FORMAT_OF } from './plan.js';
import { probeDims } from './probe/index.js';

/** The items, each with its assets (listed for those the API did not inline). */
export async function withAssets(client: SyncClient, collectionId: string, items: ApiItem[]): Promise<ApiItem[]> {
  return Promise.all(
    items.map(async (item) => {
      if (item.assets) return item;
      const assets: ApiAsset[] = [];
      for await (const asset of client.assets.list(collectionId, { itemId: item.id })) assets.push(asset);
      return { ...item, assets };
    }),
  );
}

/** Assets the planner needs dimensions of, and the API gave none. */
const unsized = (items: ApiItem[]): ApiAsset[] =>
  items.flatMap((i) => (i.assets ?? []).filter((a) => SOURCE_FORMAT_OF[a.type] && (a.width === null || a.height === null)));

export const needsProbe = (items: ApiItem[]): boolean => unsized(items).length > 0;

export interface ProbeRun {
  cache: AssetCache;
  limit<T>(request: () => Promise<T>): Promise<T>;
  signal: AbortSignal;
}

/**
 * Downloads each unsized asset (into the cache: the later lock step finds it there by its sha256),
 * probes its pixel size and fills `width`, `height`, `bytes`, `sha256`. Then `size`, when the API gave
 * none: the widest file of a type in an item is the original (null), the others are variants of their width.
 */
export async function probeListing(run: ProbeRun, items: ApiItem[]): Promise<void> {
  await Promise.all(
    unsized(items).map(async (asset) => {
      const format = SOURCE_FORMAT_OF[asset.type]!;
      const got = await run.cache.fetch(asset.url, EXT[format], { assetId: asset.id, signal: run.signal, schedule: (request) => run.limit(request) });
      const dims = await probeDims(got.path, format, `asset ${asset.id} (${asset.type})`);
      Object.assign(asset, { ...dims, bytes: got.bytes, sha256: got.sha256, probed: true });
    }),
  );
  for (const item of items) {
    const byType = new Map<string, ApiAsset[]>();
    for (const a of item.assets ?? []) if ((a as Probed).probed) byType.set(a.type, [...(byType.get(a.type) ?? []), a]);
    for (const group of byType.values()) {
      const widest = Math.max(...group.map((a) => a.width ?? 0));
      for (const a of group) a.size = a.width === widest ? null : a.width;
    }
  }
}

type Probed = ApiAsset & { probed?: boolean };
