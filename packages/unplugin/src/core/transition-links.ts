/**
 * The transition link (`item.transition`: which pose a clip leaves and which it reaches) is an
 * assumption (API.md): an API that does not give it would ship every transition as a non-looping pose.
 * This fills it in from what public sources do confirm, for items the API gave no link:
 *
 * 1. A canvas export's edges name their clips by URL (real exports; canvas.ts ties each edge to the item
 *    whose asset has that URL): that item is the edge's transition, `reverse` as the edge says.
 * 2. Without a canvas, Masko's file naming: a transition's files are `{from}-{to}-{hash}[-{size}].{ext}`
 *    (e.g. `idle-working-2acd4462.webm`), where a pose's are `{pose}-{hash}…`. An item whose file slug is
 *    exactly two other items' slugs joined by `-`, in only one way, and that does not loop, is that
 *    transition. Used only when no item in the listing carries a link (an API that gives links is
 *    trusted as it is); whether it is a reverse clip cannot be told from names, so it is not marked one.
 * Pure.
 */

import type { ApiItem } from './api-types.js';
import type { LockedEdge } from './lockfile-schema.js';
import { latestByName } from './plan.js';
import { withoutQuery } from './url-identity.js';

type Link = NonNullable<ApiItem['transition']>;

/** The item slug in a Masko file URL: the last path segment without `.{ext}`, `-{size}` and `-{hash}`. */
export function fileSlug(url: string): string | undefined {
  const segment = decodeURIComponent(withoutQuery(url).split('/').pop() ?? '');
  return /^(.+?)-[0-9a-f]{4,64}(?:-\d+)?\.[a-z0-9]+$/.exec(segment)?.[1];
}

/** The slug an item's files share (the first asset's; an item's files all carry its slug). */
const slugOf = (item: ApiItem): string | undefined => {
  const url = item.assets?.[0]?.url;
  return url ? fileSlug(url) : undefined;
};

const linked = (item: ApiItem, link: Link): ApiItem => ({ ...item, transition: link });

/** From a canvas's edges: each edge with a clip item makes that item the transition between its poses. */
function fromCanvas(items: ApiItem[], edges: LockedEdge[]): ApiItem[] {
  const poses = latestByName(
    items.filter((i) => !i.transition),
    'completed',
  );
  const byItem = new Map<string, LockedEdge>();
  for (const e of edges) if (e.item && e.from !== '*' && e.from !== e.to && poses.has(e.from) && poses.has(e.to)) byItem.set(e.item, e);
  // A pose's own item is never made a transition, even when an edge names its clip.
  const poseIds = new Set([...byItem.values()].flatMap((e) => [poses.get(e.from)!.id, poses.get(e.to)!.id]));
  const forward = (e: LockedEdge) => edges.find((o) => o.from === e.to && o.to === e.from && o.item && !o.reverse)?.item;
  return items.map((item) => {
    const edge = byItem.get(item.id);
    if (item.transition || !edge || poseIds.has(item.id)) return item;
    // The plan only asks whether it is a reverse clip; the forward clip's id when the canvas has one.
    const reverseOf = edge.reverse ? (forward(edge) ?? item.id) : null;
    return linked(item, { from_item_id: poses.get(edge.from)!.id, to_item_id: poses.get(edge.to)!.id, reverse_of_item_id: reverseOf });
  });
}

/** From Masko's file naming (see above): `{from}-{to}` between two other items, one way only. */
function fromFileNames(items: ApiItem[]): ApiItem[] {
  const completed = items.filter((i) => i.status === 'completed');
  const bySlug = new Map<string, ApiItem>();
  for (const item of latestByName(completed, 'completed').values()) {
    const slug = slugOf(item);
    if (slug) bySlug.set(slug, item);
  }
  const links = new Map<string, Link>();
  for (const item of completed) {
    const slug = slugOf(item);
    if (!slug || item.loop) continue;
    const splits = [...slug.matchAll(/-/g)]
      .map((m) => [bySlug.get(slug.slice(0, m.index)), bySlug.get(slug.slice(m.index + 1))] as const)
      .filter((pair): pair is readonly [ApiItem, ApiItem] => !!pair[0] && !!pair[1] && pair[0] !== item && pair[1] !== item && pair[0] !== pair[1]);
    if (splits.length === 1) links.set(item.id, { from_item_id: splits[0]![0].id, to_item_id: splits[0]![1].id, reverse_of_item_id: null });
  }
  // A transition leads between poses: one whose end is itself a transition is not placed.
  return items.map((item) => {
    const link = links.get(item.id);
    return link && !links.has(link.from_item_id!) && !links.has(link.to_item_id!) ? linked(item, link) : item;
  });
}

/** The items, with the transition link filled in where the API gave none (see the top of this file). */
export function linkTransitions(items: ApiItem[], canvasEdges?: LockedEdge[]): ApiItem[] {
  if (canvasEdges) return fromCanvas(items, canvasEdges);
  if (items.some((i) => i.transition)) return items;
  return fromFileNames(items);
}
