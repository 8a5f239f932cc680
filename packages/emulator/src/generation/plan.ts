import type { AssetType, JobType } from 'masko-wire';
import type { App } from '../context.js';
import { badRequest } from '../http/errors.js';
import { optBool, optIntArray, optString, reqNumber, reqString } from '../http/fields.js';
import { checkSizes } from '../media/asset-files.js';
import type { MediaClip } from '../media/media.js';
import { slugify } from '../model/ids.js';
import type { AssetRec, CollectionRec, ItemRec, TransitionRef } from '../model/records.js';
import { pickPose, pickTransition } from './pick-clip.js';

export type GenKind = 'image' | 'regenerate' | 'edit' | 'animation' | 'animate-existing' | 'transition';

export const CREDITS_PER_IMAGE = 1;
export const CREDITS_PER_SECOND = 5;

const IMAGE_TYPES: AssetType[] = ['image', 'transparent_image'];
const ANIMATION_TYPES: AssetType[] = ['image', 'transparent_image', 'video', 'webm', 'hevc', 'stacked_video'];
const VIDEO_TYPES: AssetType[] = ['video', 'webm', 'hevc', 'stacked_video'];
const TRANSITION_TYPES: AssetType[] = ['transparent_image', 'video', 'webm', 'hevc', 'stacked_video'];

export interface NewItem {
  name: string;
  slug: string;
  type: 'image' | 'animation';
  loop: boolean;
  duration: number | null;
  transition: TransitionRef | null;
}

/** A validated generation: nothing is created until `commitGeneration`. */
export interface GenPlan {
  kind: GenKind;
  jobType: JobType;
  cost: number;
  collection: CollectionRec;
  item: ItemRec | NewItem;
  clip: MediaClip;
  types: AssetType[];
  sizes: number[];
  autoReverse: boolean;
}

/**
 * Reads a generate body (`type` decides the shape, see API.md), answering 400 naming the field.
 * `prefix` names the place in a batch, e.g. `requests[2].`.
 */
export function planGeneration(app: App, collection: CollectionRec, body: Record<string, unknown>, prefix = ''): GenPlan {
  const type = body.type;
  const sizes = checkSizes(app.media, optIntArray(body, 'sizes', prefix) ?? collection.animationSizes, `${prefix}sizes`);
  const base = { collection, sizes, autoReverse: false };
  if (type === 'image' || type === 'edit') {
    const itemId = type === 'edit' ? reqString(body, 'item_id', prefix) : optString(body, 'item_id', prefix);
    if (itemId) {
      const item = itemIn(app, collection, itemId, `${prefix}item_id`);
      let prompt: string;
      if (type === 'edit') {
        assetRef(app, reqString(body, 'source_image_asset_id', prefix), `${prefix}source_image_asset_id`);
        prompt = reqString(body, 'edit_instructions', prefix);
      } else prompt = reqString(body, 'image_prompt', prefix);
      const clip = app.media.clip(item.clip ?? '') ?? pickPose(app.media, item.name, prompt);
      return { ...base, kind: type === 'edit' ? 'edit' : 'regenerate', jobType: 'image_generation', cost: CREDITS_PER_IMAGE, item, clip, types: IMAGE_TYPES };
    }
    const name = reqString(body, 'name', prefix);
    const prompt = reqString(body, 'image_prompt', prefix);
    return {
      ...base,
      kind: 'image',
      jobType: 'image_generation',
      cost: CREDITS_PER_IMAGE,
      types: IMAGE_TYPES,
      item: newItem(name, 'image', false, null),
      clip: pickPose(app.media, name, prompt),
    };
  }
  if (type === 'animation') {
    const name = reqString(body, 'name', prefix);
    const animationPrompt = reqString(body, 'animation_prompt', prefix);
    const duration = reqNumber(body, 'duration', 1, 30, prefix);
    if (!Number.isInteger(duration)) throw badRequest(`${prefix}duration must be whole seconds`);
    const videoCost = duration * CREDITS_PER_SECOND;
    const source = optString(body, 'source_image_asset_id', prefix);
    const end = optString(body, 'end_image_asset_id', prefix);
    if (end) {
      if (!source) throw badRequest(`${prefix}source_image_asset_id is required with end_image_asset_id (a transition)`);
      const from = assetRef(app, source, `${prefix}source_image_asset_id`);
      const to = assetRef(app, end, `${prefix}end_image_asset_id`);
      const fromItem = from.itemId ? app.store.items.get(from.itemId) : undefined;
      const toItem = to.itemId ? app.store.items.get(to.itemId) : undefined;
      const clip = pickTransition(app.media, poseClip(app, fromItem), poseClip(app, toItem), name);
      const item = newItem(name, 'animation', false, duration, {
        fromItemId: fromItem?.id ?? null,
        toItemId: toItem?.id ?? null,
        reverseOfItemId: null,
      });
      if (fromItem && toItem) item.slug = `${fromItem.slug}-${toItem.slug}`.slice(0, 50);
      return {
        ...base,
        kind: 'transition',
        jobType: 'animation',
        cost: videoCost,
        item,
        clip,
        types: TRANSITION_TYPES,
        autoReverse: optBool(body, 'auto_reverse', prefix) ?? false,
      };
    }
    const loop = optBool(body, 'loop', prefix) ?? false;
    if (source) {
      const src = assetRef(app, source, `${prefix}source_image_asset_id`);
      const srcItem = src.itemId ? app.store.items.get(src.itemId) : undefined;
      return {
        ...base,
        kind: 'animate-existing',
        jobType: 'animation',
        cost: videoCost,
        types: VIDEO_TYPES,
        item: newItem(name, 'animation', loop, duration),
        clip: pickPose(app.media, name, animationPrompt, poseClip(app, srcItem)),
      };
    }
    const imagePrompt = reqString(body, 'image_prompt', prefix);
    return {
      ...base,
      kind: 'animation',
      jobType: 'item_generation',
      cost: CREDITS_PER_IMAGE + videoCost,
      types: ANIMATION_TYPES,
      item: newItem(name, 'animation', loop, duration),
      clip: pickPose(app.media, name, `${imagePrompt} ${animationPrompt}`),
    };
  }
  if (type === 'logo') throw badRequest(`${prefix}type "logo" is not emulated`);
  throw badRequest(`${prefix}type is required: one of "image", "edit", "animation"`);
}

function newItem(name: string, type: 'image' | 'animation', loop: boolean, duration: number | null, transition: TransitionRef | null = null): NewItem {
  return { name, slug: slugify(name), type, loop, duration, transition };
}

function itemIn(app: App, collection: CollectionRec, id: string, field: string): ItemRec {
  const item = app.store.items.get(id);
  if (!item || item.collectionId !== collection.id) throw badRequest(`${field}: item ${id} not found in collection ${collection.id}`);
  return item;
}

function assetRef(app: App, id: string, field: string): AssetRec {
  const asset = app.store.assets.get(id);
  if (!asset) throw badRequest(`${field}: asset ${id} not found`);
  return asset;
}

function poseClip(app: App, item: ItemRec | undefined): MediaClip | undefined {
  const clip = item?.clip ? app.media.clip(item.clip) : undefined;
  return clip?.kind === 'pose' ? clip : undefined;
}
