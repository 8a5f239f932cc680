/**
 * A Masko canvas export (`MaskoAnimationConfig`, `version: "2.0"`), as served by
 * `GET /v1/collections/:id/canvases/:canvasId/export` and `masko.ai/api/mascot-templates/{slug}`.
 * Fields marked "legacy" come from the older documentation example and are accepted too.
 */
export interface CanvasExport {
  version: '2.0';
  name: string;
  /** Editor name of the canvas; informational, not kept. */
  canvasName?: string;
  /** Community-template fields; informational, not kept. */
  slug?: string;
  description?: string;
  initialNode?: string;
  autoPlay?: boolean;
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  /** Absent in older exports. */
  inputs?: CanvasInput[];
}

export interface CanvasNode {
  id: string;
  name?: string;
  /** Legacy spelling of `name`. */
  label?: string;
  transparentThumbnailUrl?: string;
  /** Legacy spelling of `transparentThumbnailUrl`. */
  imageUrl?: string;
  /** Legacy: whether the node's clip loops. */
  loop?: boolean;
}

export interface CanvasEdge {
  id?: string;
  /** A node id, or `'*'` for an any-state edge. */
  source: string;
  target: string;
  /** Defaults to `source === target`. */
  isLoop?: boolean;
  duration?: number;
  speed?: number;
  priority?: number;
  reverse?: boolean;
  conditions?: CanvasCondition[];
  /** Legacy single condition. */
  condition?: 'default' | 'on_click' | 'on_complete';
  /** Empty strings mean "no clip" (an instant jump). */
  videos?: { webm?: string; hevc?: string };
}

export interface CanvasCondition {
  input: string;
  /** `== != > < >= <=`, or the legacy `eq neq gt lt gte lte`. Default `==`. */
  op?: string;
  /** Default `true`. */
  value?: boolean | number;
}

export interface CanvasInput {
  name: string;
  type: 'boolean' | 'number' | 'trigger';
  default?: boolean | number;
  system?: boolean;
}
