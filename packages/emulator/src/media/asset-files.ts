import { badRequest } from '../http/errors.js';
import { newId, nowIso, sha256Hex } from '../model/ids.js';
import { type Media, type MediaClip, UNLISTED_TYPES } from './media.js';
import { ASSET_FILES, type AssetType, type JobStatus } from 'masko-wire';
import type { AssetRec, CollectionRec, ItemRec } from '../model/records.js';

export interface BuildAssets {
  media: Media;
  collection: CollectionRec;
  item: ItemRec;
  clip: MediaClip;
  types: readonly AssetType[];
  sizes: number[];
  status: JobStatus;
  jobId: string | null;
  /** Fixed ids (the demo); default random. */
  idFor?: (type: AssetType, width: string) => string;
}

/** Sizes the media can serve: its variant widths (the original width means "the original"). */
export function checkSizes(media: Media, sizes: number[], field: string): number[] {
  const allowed = media.index.sizes;
  for (const s of sizes) {
    if (s !== media.index.width && !allowed.includes(s)) {
      throw badRequest(`${field}: size ${s} is not available in the emulator (available: ${allowed.join(', ')}, original ${media.index.width})`);
    }
  }
  return [...new Set(sizes.filter((s) => s !== media.index.width))].sort((a, b) => a - b);
}

/** Asset records for one item: an original per listed type, then the size variants the clip has. */
export function buildAssets(b: BuildAssets): AssetRec[] {
  const out: AssetRec[] = [];
  const original = String(b.media.index.width);
  for (const type of b.types) {
    if (UNLISTED_TYPES.includes(type)) continue;
    const files = b.clip.files[type];
    const origFile = files?.[original];
    if (!files || !origFile) continue;
    const parent = makeAsset(b, type, original, origFile, null, null);
    out.push(parent);
    for (const size of b.sizes) {
      const file = files[String(size)];
      if (file) out.push(makeAsset(b, type, String(size), file, size, parent.id));
    }
  }
  return out;
}

function makeAsset(b: BuildAssets, type: AssetType, width: string, file: string, size: number | null, parentId: string | null): AssetRec {
  const id = b.idFor ? b.idFor(type, width) : newId();
  const meta = b.media.meta(b.clip, type, width, file);
  const hash = sha256Hex(id).slice(0, 8);
  return {
    id,
    itemId: b.item.id,
    collectionId: b.collection.id,
    type,
    status: b.status,
    path: `/${b.collection.userPrefix}/${b.collection.slug}/${b.item.slug}-${hash}${size ? `-${size}` : ''}${ASSET_FILES[type].ext}`,
    externalUrl: null,
    size,
    parentAssetId: parentId,
    width: meta.width,
    height: meta.height,
    bytes: meta.bytes,
    mime: meta.mime,
    file,
    jobId: b.jobId,
    createdAt: nowIso(),
  };
}
