/**
 * The planner: pure. A collection listing + a mascot's options in; what to ship, what to generate and
 * what it costs out. No I/O, so every decision about credits is testable without a network.
 */
import { SOURCE_FORMAT_OF, type SourceFormat, type VideoFormat } from 'masko-wire';
import type { ApiAsset, ApiCollection, ApiItem, GenerateBody } from './api-types.js';
import type { LockedCanvas } from './canvas.js';
import type { ResolvedMascot } from './options.js';

export { SOURCE_FORMAT_OF, type SourceFormat, type VideoFormat };

export interface PlannedFile {
  format: SourceFormat;
  asset: ApiAsset;
}
export interface PlannedClip {
  item: ApiItem;
  files: PlannedFile[];
  posterWidths: number[];
}
export interface PlannedPose extends PlannedClip {
  name: string /** An edit pose (pins.ts): what it was made from. */;
  edit?: { from: string; instructions: string };
}
export interface PlannedTransition extends PlannedClip {
  from: string;
  to: string;
  reverse: boolean;
}
export interface PlannedGeneration {
  pose: string;
  body: GenerateBody;
  cost: number;
}

export interface MascotPlan {
  key: string;
  collection: string;
  name: string;
  poses: PlannedPose[];
  transitions: PlannedTransition[];
  generate: PlannedGeneration[];
  /** Credits the generations cost. */
  cost: number;
  /** Declared or included poses that can be neither shipped nor generated (no prompt). */
  unavailable: string[];
  /** Items that exist but are still being generated. */
  pending: ApiItem[];
  /** Requested sizes the collection does not offer (`animation_sizes`); those fall back to the original. */
  missingSizes: number[];
  /** Canvas mode: the state machine (set by the sync engine, which fetches the export). */
  canvas?: LockedCanvas;
}

/** Credits of one generation request, by the API's price list. */
export function costOf(body: GenerateBody): number {
  return body.type === 'animation' ? 1 + 5 * body.duration : 1; // image, regenerate and edit: 1
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The newest item of a status per name (Masko allows duplicates; the latest wins). */
export function latestByName(items: ApiItem[], status: ApiItem['status']): Map<string, ApiItem> {
  const out = new Map<string, ApiItem>();
  for (const item of items) {
    if (item.status !== status) continue;
    const seen = out.get(item.name);
    if (!seen || seen.created_at < item.created_at) out.set(item.name, item);
  }
  return out;
}

/** Files of one item to ship: wanted formats, wanted widths (the original when no variant matches). */
export function pickFiles(item: ApiItem, mascot: ResolvedMascot): PlannedFile[] {
  const wantsPoster = mascot.formats.some((f) => f === 'png' || f === 'webp' || f === 'avif');
  const files: PlannedFile[] = [];
  const groups = new Map<SourceFormat, ApiAsset[]>();
  for (const asset of item.assets ?? []) {
    const format = SOURCE_FORMAT_OF[asset.type];
    // No status (the API may not give one): the item is completed, so are its assets.
    if (!format || (asset.status ?? 'completed') !== 'completed') continue;
    if (format === 'png' ? !wantsPoster : !mascot.formats.includes(format)) continue;
    groups.set(format, [...(groups.get(format) ?? []), asset]);
  }
  for (const [format, assets] of groups) {
    const originals = assets.filter((a) => a.size === null);
    if (format === 'png') {
      // Posters are resized locally from the original, so only the original is downloaded.
      const source = originals[0] ?? assets.sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0];
      if (source) files.push({ format, asset: source });
      continue;
    }
    const sized = mascot.sizes ? assets.filter((a) => mascot.sizes!.includes(a.size ?? a.width ?? -1)) : assets;
    const chosen = sized.length ? sized : originals.slice(0, 1);
    for (const asset of chosen) files.push({ format, asset });
  }
  return files.sort((a, b) => (a.format < b.format ? -1 : a.format > b.format ? 1 : (a.asset.width ?? 0) - (b.asset.width ?? 0)));
}

/** Poster widths: the shipped video widths plus the requested sizes, never wider than the source PNG. */
export function posterWidths(files: PlannedFile[], mascot: ResolvedMascot): number[] {
  const source = files.find((f) => f.format === 'png')?.asset;
  if (!source?.width) return [];
  const max = source.width;
  const widths = new Set<number>([max]);
  for (const f of files) if (f.format !== 'png' && f.asset.width) widths.add(f.asset.width);
  for (const s of mascot.sizes ?? []) widths.add(s);
  return [...widths].filter((w) => w <= max).sort((a, b) => a - b);
}

function generationFor(name: string, mascot: ResolvedMascot): GenerateBody | undefined {
  const pose = mascot.poses[name];
  if (!pose?.image) return undefined;
  const sizes = mascot.sizes ? { sizes: mascot.sizes } : {};
  if (pose.animation) {
    return {
      type: 'animation',
      name,
      image_prompt: pose.image,
      animation_prompt: pose.animation,
      duration: pose.duration ?? 4,
      loop: pose.loop ?? true,
      ...sizes,
    };
  }
  return { type: 'image', name, image_prompt: pose.image, ...sizes };
}

/** `canvasPoses`: in canvas mode, the node names (the default `include`). */
export function planMascot(mascot: ResolvedMascot, collection: ApiCollection, items: ApiItem[], canvasPoses?: string[]): MascotPlan {
  const poseItems = items.filter((i) => !i.transition);
  const completed = latestByName(poseItems, 'completed');
  const inFlight = new Map([...latestByName(poseItems, 'pending'), ...latestByName(poseItems, 'processing')]);

  const wanted = new Set(Object.keys(mascot.poses));
  const include = mascot.include ?? canvasPoses ?? 'all';
  if (include === 'all') for (const name of completed.keys()) wanted.add(name);
  else for (const name of include) wanted.add(name);

  const poses: PlannedPose[] = [];
  const generate: PlannedGeneration[] = [];
  const unavailable: string[] = [];
  const pending: ApiItem[] = [];
  for (const name of [...wanted].sort()) {
    const item = completed.get(name);
    if (item) {
      const files = pickFiles(item, mascot);
      poses.push({ name, item, files, posterWidths: posterWidths(files, mascot) });
      continue;
    }
    const running = inFlight.get(name);
    if (running) {
      pending.push(running);
      continue;
    }
    const body = generationFor(name, mascot);
    if (body) generate.push({ pose: name, body, cost: costOf(body) });
    else unavailable.push(name);
  }

  const poseByItem = new Map(poses.map((p) => [p.item.id, p.name]));
  const transitions: PlannedTransition[] = [];
  for (const item of items) {
    if (!item.transition || item.status !== 'completed') continue;
    const { from_item_id: fromId, to_item_id: toId } = item.transition;
    // A transition without both endpoints (null ids) cannot be placed between two poses.
    const from = fromId === null ? undefined : poseByItem.get(fromId);
    const to = toId === null ? undefined : poseByItem.get(toId);
    if (!from || !to) continue;
    const files = pickFiles(item, mascot).filter((f) => f.format !== 'png');
    if (!files.length) continue;
    transitions.push({ item, from, to, reverse: item.transition.reverse_of_item_id !== null, files, posterWidths: [] });
  }
  transitions.sort((a, b) => (`${a.from}\u0000${a.to}` < `${b.from}\u0000${b.to}` ? -1 : 1));

  return {
    key: mascot.key,
    collection: collection.id,
    name: collection.name,
    poses: poses.sort(byName),
    transitions,
    generate,
    cost: generate.reduce((sum, g) => sum + g.cost, 0),
    unavailable,
    pending,
    missingSizes: (mascot.sizes ?? []).filter((w) => !(collection.config?.animation_sizes ?? []).includes(w)),
  };
}
