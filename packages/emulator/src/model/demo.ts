import { ASSET_TYPES } from 'masko-wire';
import { demoCanvas } from '../canvases/demo-canvas.js';
import { buildAssets } from '../media/asset-files.js';
import type { Media } from '../media/media.js';
import { sha256Hex, slugify, stableUuid } from './ids.js';
import type { CollectionRec, ItemRec } from './records.js';
import type { Store } from './store.js';

const SEEDED_AT = '2026-01-01T00:00:00.000Z';
const POSES = ['Idle', 'Wave', 'Thumbs Up', 'Thinking'] as const;
const TRANSITIONS = ['idle-wave', 'wave-idle', 'idle-thumbs-up', 'thumbs-up-idle', 'idle-thinking', 'thinking-idle'] as const;

/** Well-known ids of the preloaded demo mascot (the same on every start). */
export const DEMO = {
  projectId: stableUuid('demo:project'),
  collectionId: stableUuid('demo:collection'),
  canvasId: stableUuid('demo:canvas'),
  collectionName: 'Felix the Fox',
  userPrefix: sha256Hex('demo:user').slice(0, 6),
  collectionSlug: `felix-the-fox-${sha256Hex('demo:slug').slice(0, 4)}`,
  /** Pose item ids by name. */
  items: Object.fromEntries(POSES.map((p) => [p, stableUuid(`demo:item:${slugify(p)}`)])) as Record<(typeof POSES)[number], string>,
  /** Transition item ids by clip slug (`idle-wave`, …). */
  transitions: Object.fromEntries(TRANSITIONS.map((t) => [t, stableUuid(`demo:item:${t}`)])) as Record<(typeof TRANSITIONS)[number], string>,
} as const;

/** Loads the demo project, "Felix the Fox" with every clip of the media index, and its canvas. */
export function seedDemo(store: Store, media: Media): void {
  store.projects.set(DEMO.projectId, {
    id: DEMO.projectId,
    name: 'Demo',
    organizationId: null,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  });
  const collection: CollectionRec = {
    id: DEMO.collectionId,
    projectId: DEMO.projectId,
    name: media.index.character || DEMO.collectionName,
    slug: DEMO.collectionSlug,
    publicSlug: `${DEMO.collectionSlug}${sha256Hex('demo:public').slice(0, 4)}`,
    userPrefix: DEMO.userPrefix,
    isPublished: true,
    prompt: media.index.prompt ?? null,
    referenceAssetIds: [],
    styleCard: null,
    cautionList: [],
    animationSizes: [...media.index.sizes].sort((a, b) => a - b),
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  };
  store.collections.set(collection.id, collection);

  const poseItemIdBySlug = new Map<string, string>();
  for (const clip of media.poses()) {
    poseItemIdBySlug.set(clip.slug, stableUuid(`demo:item:${clip.slug}`));
  }
  for (const clip of media.index.clips) {
    const id = stableUuid(`demo:item:${clip.slug}`);
    const isPose = clip.kind === 'pose';
    const reverseSource = !isPose ? media.transitions().find((t) => t.from === clip.to && t.to === clip.from) : undefined;
    const item: ItemRec = {
      id,
      collectionId: collection.id,
      name: isPose ? (clip.pose ?? clip.slug) : `${clip.from} to ${clip.to}`,
      slug: clip.slug,
      type: 'animation',
      status: 'completed',
      loop: clip.loop,
      duration: clip.duration,
      transition: isPose
        ? null
        : {
            fromItemId: poseItemIdBySlug.get(slugify(clip.from ?? '')) ?? null,
            toItemId: poseItemIdBySlug.get(slugify(clip.to ?? '')) ?? null,
            // The clip back to Idle from Thinking is Masko's `reverse` edge: generated from idle-thinking.
            reverseOfItemId: clip.slug === 'thinking-idle' && reverseSource ? stableUuid(`demo:item:${reverseSource.slug}`) : null,
          },
      clip: clip.slug,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    };
    store.items.set(id, item);
    const assets = buildAssets({
      media,
      collection,
      item,
      clip,
      types: ASSET_TYPES,
      sizes: media.index.sizes,
      status: 'completed',
      jobId: null,
      idFor: (type, width) => stableUuid(`demo:asset:${clip.slug}:${type}:${width}`),
    });
    for (const a of assets) store.addAsset({ ...a, createdAt: SEEDED_AT });
  }
  const canvas = demoCanvas(DEMO.canvasId, collection.id, poseItemIdBySlug, (slug) => stableUuid(`demo:item:${slug}`));
  store.canvases.set(canvas.id, { ...canvas, createdAt: SEEDED_AT, updatedAt: SEEDED_AT });
}
