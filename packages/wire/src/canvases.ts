/**
 * Canvases as the REST API sends them (snake_case graph, packages/emulator/API.md). Not the canvas
 * *export* (MaskoAnimationConfig v2.0, camelCase), whose type is masko-manifest's `CanvasExport`.
 */
import type { InputType } from './enums.js';
import type { WireGenerateResult } from './resources.js';

export interface WireCondition {
  input: string;
  op: string;
  value: boolean | number;
}

export interface WireCanvasInput {
  name: string;
  type: InputType;
  default?: boolean | number;
  /** Masko's system inputs (`claudeCode::isWorking`, …), seeded by the runtime. */
  system?: boolean;
}

export interface WireCanvasNode {
  id: string;
  name: string;
  item_id: string | null;
  image_prompt?: string | null;
}

export interface WireCanvasEdge {
  id: string;
  /** A node id, or `'*'` for an any-state edge. */
  source: string;
  target: string;
  is_loop: boolean;
  duration: number;
  speed?: number;
  priority?: number;
  reverse?: boolean;
  description?: string | null;
  conditions: WireCondition[];
  item_id: string | null;
}

export interface WireCanvasGraph {
  initial_node_id?: string | null;
  nodes: WireCanvasNode[];
  edges: WireCanvasEdge[];
  inputs?: WireCanvasInput[];
}

/** Any-state edges (no clip) are not counted in `edges_*`. */
export interface WireCanvasStatus {
  nodes_total: number;
  nodes_complete: number;
  edges_total: number;
  edges_complete: number;
  percent: number;
  jobs_pending: number;
}

/** Listings leave out `graph` and `status`; one canvas has both. */
export interface WireCanvas {
  id: string;
  collection_id: string;
  name: string;
  template_id?: string | null;
  created_at: string;
  updated_at?: string;
  graph?: WireCanvasGraph;
  status?: WireCanvasStatus;
}

export interface WireCanvasTemplate {
  id: string;
  name: string;
  description?: string | null;
  node_count?: number;
  edge_count?: number;
}

export interface WirePlannedJob {
  kind: 'node' | 'edge';
  id: string;
  name: string;
  type: 'image' | 'animation' | 'transition';
  cost_credits: number;
  prompt: string;
}

export interface WireGenerateAllResult {
  dry_run: boolean;
  planned_jobs: WirePlannedJob[];
  generated: WireGenerateResult[];
  skipped_items?: string[];
  reverse_free?: number;
  already_complete?: number;
  estimated_cost: number;
  actual_cost?: number | null;
  would_charge_credits?: number | null;
}

export interface WireFromTemplateResult {
  canvas: WireCanvas;
  /** Template node key → what was made for it. */
  node_mapping: Record<string, { node_id: string; item_id: string; asset_ids?: WireGenerateResult['asset_ids'] }>;
  jobs: WireGenerateResult[];
  total_cost: number;
}
