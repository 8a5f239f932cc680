// Response shaping of canvases (masko-wire's `WireCanvas…` shapes): graph, status, templates, generate-all.
import type { WireCanvas, WireCanvasStatus, WireCanvasTemplate, WireFromTemplateResult, WireGenerateAllResult, WirePlannedJob } from 'masko-wire';
import type { CanvasRec, JobRec } from '../model/records.js';
import { generateResult, type WireContext } from './resources.js';

export interface CanvasStatusRec {
  nodesTotal: number;
  nodesComplete: number;
  edgesTotal: number;
  edgesComplete: number;
  jobsPending: number;
}

export const canvasStatus = (s: CanvasStatusRec): WireCanvasStatus => ({
  nodes_total: s.nodesTotal,
  nodes_complete: s.nodesComplete,
  edges_total: s.edgesTotal,
  edges_complete: s.edgesComplete,
  percent: s.nodesTotal + s.edgesTotal === 0 ? 100 : Math.round(((s.nodesComplete + s.edgesComplete) * 100) / (s.nodesTotal + s.edgesTotal)),
  jobs_pending: s.jobsPending,
});

export function canvas(c: CanvasRec, detail?: { status: CanvasStatusRec }): WireCanvas {
  const base: WireCanvas = {
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

export const template = (t: { id: string; name: string; description: string; nodes: unknown[]; edges: unknown[] }): WireCanvasTemplate => ({
  id: t.id,
  name: t.name,
  description: t.description,
  node_count: t.nodes.length,
  edge_count: t.edges.length,
});

export interface GenerateAllRec {
  dryRun: boolean;
  plannedJobs: { kind: 'node' | 'edge'; id: string; name: string; type: WirePlannedJob['type']; cost: number; prompt: string }[];
  generated: JobRec[];
  skippedItems: string[];
  reverseFree: number;
  alreadyComplete: number;
  estimatedCost: number;
  actualCost: number;
}

export const generateAll = (ctx: WireContext, r: GenerateAllRec): WireGenerateAllResult => ({
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
export const fromTemplate = (ctx: WireContext, canvasJson: WireCanvas, made: { key: string; nodeId: string; job: JobRec }[]): WireFromTemplateResult => ({
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
