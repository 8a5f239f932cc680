// Validators of the API's canvas answers (masko-wire's `WireCanvas…` shapes) and of the canvas export.
import type { WireCanvas, WireCanvasStatus, WireCanvasTemplate, WireFromTemplateResult, WireGenerateAllResult } from 'masko-wire';
import * as v from 'valibot';
import type { Accepts, Proven } from './check.js';
import { GenerateResultSchema, int, nullableStr, str } from './resources.js';

export const CanvasTemplateSchema = v.looseObject({
  id: str,
  name: str,
  description: v.optional(nullableStr),
  node_count: v.optional(int),
  edge_count: v.optional(int),
});
export type CanvasTemplate = v.InferOutput<typeof CanvasTemplateSchema>;

export const CanvasStatusSchema = v.looseObject({
  nodes_total: int,
  nodes_complete: int,
  edges_total: int,
  edges_complete: int,
  percent: v.number(),
  jobs_pending: int,
});
export type CanvasStatus = v.InferOutput<typeof CanvasStatusSchema>;

const ConditionSchema = v.looseObject({ input: str, op: v.optional(str), value: v.optional(v.union([v.boolean(), v.number()])) });

export const CanvasGraphNodeSchema = v.looseObject({
  id: str,
  name: str,
  item_id: nullableStr,
  image_prompt: v.optional(nullableStr),
});
/** A node of a canvas graph as the REST API lists it (not the export's `CanvasNode` of masko-manifest). */
export type CanvasGraphNode = v.InferOutput<typeof CanvasGraphNodeSchema>;

export const CanvasGraphEdgeSchema = v.looseObject({
  id: str,
  source: str,
  target: str,
  is_loop: v.boolean(),
  duration: v.number(),
  speed: v.optional(v.number()),
  priority: v.optional(v.number()),
  reverse: v.optional(v.boolean()),
  description: v.optional(nullableStr),
  conditions: v.array(ConditionSchema),
  item_id: nullableStr,
});
/** An edge of a canvas graph as the REST API lists it (not the export's `CanvasEdge` of masko-manifest). */
export type CanvasGraphEdge = v.InferOutput<typeof CanvasGraphEdgeSchema>;

export const CanvasSchema = v.looseObject({
  id: str,
  collection_id: str,
  name: str,
  template_id: v.optional(nullableStr),
  created_at: str,
  updated_at: v.optional(str),
  graph: v.optional(
    v.looseObject({
      nodes: v.array(CanvasGraphNodeSchema),
      edges: v.array(CanvasGraphEdgeSchema),
      inputs: v.optional(v.array(v.looseObject({ name: str, type: str }))),
    }),
  ),
  status: v.optional(CanvasStatusSchema),
});
export type Canvas = v.InferOutput<typeof CanvasSchema>;

export const FromTemplateResultSchema = v.looseObject({
  canvas: CanvasSchema,
  node_mapping: v.record(str, v.unknown()),
  jobs: v.array(GenerateResultSchema),
  total_cost: int,
});
export type FromTemplateResult = v.InferOutput<typeof FromTemplateResultSchema>;

export const GenerateAllResultSchema = v.looseObject({
  dry_run: v.boolean(),
  planned_jobs: v.array(v.unknown()),
  generated: v.union([int, v.array(v.unknown())]),
  skipped_items: v.optional(v.union([int, v.array(v.unknown())])),
  reverse_free: v.optional(v.union([int, v.array(v.unknown())])),
  already_complete: v.optional(v.union([int, v.array(v.unknown())])),
  estimated_cost: int,
  actual_cost: v.optional(v.nullable(int)),
  would_charge_credits: v.optional(v.nullable(int)),
});
export type GenerateAllResult = v.InferOutput<typeof GenerateAllResultSchema>;

/** MaskoAnimationConfig v2.0 (its shape: masko-emulator's API.md, "Export"); only the skeleton is checked, the rest passes through. */
export const CanvasExportSchema = v.looseObject({
  version: str,
  name: v.optional(str),
  initialNode: str,
  nodes: v.array(v.looseObject({ id: str, name: v.optional(str) })),
  edges: v.array(v.looseObject({ id: str, source: str, target: str })),
  inputs: v.optional(v.array(v.looseObject({ name: str }))),
});
export type MaskoCanvasExport = v.InferOutput<typeof CanvasExportSchema>;

/** tsc's proof that every canvas shape masko-wire declares passes these schemas. */
export type CanvasesAcceptWire = Proven<
  [
    Accepts<WireCanvasTemplate, typeof CanvasTemplateSchema>,
    Accepts<WireCanvasStatus, typeof CanvasStatusSchema>,
    Accepts<WireCanvas, typeof CanvasSchema>,
    Accepts<WireFromTemplateResult, typeof FromTemplateResultSchema>,
    Accepts<WireGenerateAllResult, typeof GenerateAllResultSchema>,
  ]
>;
