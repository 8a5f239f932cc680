/**
 * Canvas mode (`mascots.<key>.canvas`): the Masko canvas gives the state machine — initial pose, inputs,
 * and the edges with their conditions — while the media still come from the collection's items, so every
 * size and format is shipped. Edges are matched to transition items by the URL of their clip. Pure.
 */
import { convertCanvasExport, type Media, type Variant } from 'masko-manifest';
import type { ApiItem } from './api-types.js';
import type { LockedCanvas, LockedEdge } from './lockfile-schema.js';
import { withoutQuery } from './url-identity.js';

export type { LockedCanvas, LockedEdge };

/** Every URL a manifest's clip lists (any format, any size). */
function clipUrls(media: Media | undefined): string[] {
  const lists: (Variant[] | undefined)[] = [media?.webm, media?.hevc, media?.stacked];
  return lists.flatMap((variants) => (variants ?? []).map((v) => v.url));
}

/** Converts the export and ties its edges to collection items. Also returns the pose names it needs. */
export function lockCanvas(canvasId: string, exported: unknown, items: ApiItem[]): { canvas: LockedCanvas; poses: string[] } {
  const manifest = convertCanvasExport(exported);
  const itemByUrl = new Map<string, string>();
  // By URL without its query: signed URLs are signed afresh in every answer.
  for (const item of items) for (const asset of item.assets ?? []) itemByUrl.set(withoutQuery(asset.url), item.id);
  const edges = manifest.transitions.map((t): LockedEdge => {
    const item = clipUrls(t.media)
      .map((url) => itemByUrl.get(withoutQuery(url)))
      .find(Boolean);
    return {
      ...(t.id ? { id: t.id } : {}),
      from: t.from,
      to: t.to,
      ...(item ? { item } : {}),
      conditions: t.conditions,
      ...(t.duration !== undefined ? { duration: t.duration } : {}),
      ...(t.speed !== undefined ? { speed: t.speed } : {}),
      ...(t.priority !== undefined ? { priority: t.priority } : {}),
      ...(t.reverse ? { reverse: true } : {}),
    };
  });
  return { canvas: { id: canvasId, initial: manifest.initial, inputs: manifest.inputs, edges }, poses: Object.keys(manifest.poses).sort() };
}
