import type { CanvasExport } from 'masko-manifest';
import type { AssetType } from 'masko-wire';
import type { App } from '../context.js';
import { isTerminal } from '../generation/jobs.js';
import { newId } from '../model/ids.js';
import type { AssetRec, CanvasRec } from '../model/records.js';
import type { CanvasStatusRec } from '../wire/canvases.js';
import { assetUrl } from '../wire/resources.js';
import type { CanvasTemplate } from './templates.js';

/** Fills a canvas with a template's graph (fresh node and edge ids, no items yet). */
export function applyTemplate(canvas: CanvasRec, t: CanvasTemplate): void {
  const ids = new Map(t.nodes.map((n) => [n.key, newId()]));
  canvas.templateId = t.id;
  canvas.nodes = t.nodes.map((n) => ({ id: ids.get(n.key)!, key: n.key, name: n.name, itemId: null, imagePrompt: n.imagePrompt }));
  canvas.edges = t.edges.map((e) => ({
    id: newId(),
    source: e.source === '*' ? '*' : ids.get(e.source)!,
    target: ids.get(e.target)!,
    isLoop: e.isLoop ?? false,
    duration: e.duration,
    ...(e.speed !== undefined ? { speed: e.speed } : {}),
    ...(e.priority !== undefined ? { priority: e.priority } : {}),
    ...(e.reverse !== undefined ? { reverse: e.reverse } : {}),
    description: e.description,
    conditions: e.conditions.map((c) => ({ ...c })),
    itemId: null,
  }));
  canvas.inputs = t.inputs.map((i) => ({ ...i }));
  canvas.initialNodeId = canvas.nodes[0]?.id ?? null;
}

const itemDone = (app: App, itemId: string | null): boolean => !!itemId && app.store.items.get(itemId)?.status === 'completed';

export function canvasStatus(app: App, c: CanvasRec): CanvasStatusRec {
  const edges = c.edges.filter((e) => e.source !== '*');
  const itemIds = new Set([...c.nodes, ...edges].map((x) => x.itemId).filter((x): x is string => !!x));
  let jobsPending = 0;
  for (const j of app.store.jobs.values()) if (itemIds.has(j.itemId) && !isTerminal(j.status)) jobsPending++;
  return {
    nodesTotal: c.nodes.length,
    nodesComplete: c.nodes.filter((n) => itemDone(app, n.itemId)).length,
    edgesTotal: edges.length,
    edgesComplete: edges.filter((e) => itemDone(app, e.itemId)).length,
    jobsPending,
  };
}

/** The newest original of a type on an item, preferring completed ones. */
export function latestAsset(app: App, itemId: string | null, type: AssetType): AssetRec | undefined {
  if (!itemId) return undefined;
  const all = app.store.itemAssets(itemId).filter((a) => a.type === type && a.size === null);
  return all.filter((a) => a.status === 'completed').at(-1) ?? all.at(-1);
}

/** `MaskoAnimationConfig` v2.0 in the shape of real exports (API.md, "Export"). */
export function exportCanvas(app: App, c: CanvasRec): CanvasExport {
  const url = (itemId: string | null, type: AssetType): string => {
    const a = latestAsset(app, itemId, type);
    return a ? assetUrl(app.wire, a) : '';
  };
  const collection = app.store.collections.get(c.collectionId);
  return {
    version: '2.0',
    name: collection?.name ?? c.name,
    canvasName: c.name,
    initialNode: c.initialNodeId ?? c.nodes[0]?.id ?? '',
    autoPlay: true,
    nodes: c.nodes.map((n) => ({ id: n.id, name: n.name, transparentThumbnailUrl: url(n.itemId, 'transparent_image') })),
    edges: c.edges.map((e) => {
      const anyState = e.source === '*';
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        isLoop: e.isLoop,
        duration: anyState ? 0 : e.duration,
        ...(e.speed !== undefined ? { speed: e.speed } : {}),
        ...(e.reverse !== undefined ? { reverse: e.reverse } : {}),
        ...(e.priority !== undefined ? { priority: e.priority } : {}),
        conditions: e.conditions.map((k) => ({ op: k.op, input: k.input, value: k.value })),
        videos: anyState ? { webm: '', hevc: '' } : { webm: url(e.itemId, 'webm'), hevc: url(e.itemId, 'hevc') },
      };
    }),
    inputs: c.inputs,
  };
}

/** A free reverse clip was made for `forwardItemId`: give it to the canvas's matching `reverse` edge. */
export function linkReverseEdge(app: App, forwardItemId: string, reverseItemId: string): void {
  for (const c of app.store.canvases.values()) {
    const fwd = c.edges.find((e) => e.itemId === forwardItemId);
    if (!fwd) continue;
    const rev = c.edges.find((e) => e.reverse && e.source === fwd.target && e.target === fwd.source && !e.itemId);
    if (rev) rev.itemId = reverseItemId;
  }
}
