// The wire types of packages/emulator/API.md: the only file of the client that knows field names.
// Responses are validated here, at the boundary, so an unexpected shape fails with the field's path
// instead of surfacing later as `undefined`. Objects are loose: unknown extra fields pass through.
import * as v from 'valibot';

const str = v.string();
const nullableStr = v.nullable(v.string());
const int = v.number();

export const ASSET_TYPES = ['image', 'transparent_image', 'video', 'webm', 'hevc', 'stacked_video'] as const;
export type AssetType = (typeof ASSET_TYPES)[number];
export const JOB_STATUSES = ['pending', 'processing', 'completed', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

const jobStatus = v.picklist(JOB_STATUSES);
/** `Partial<Record<AssetType, string>>`; unknown formats are kept (a newer API may add some). */
const byAssetType = v.custom<Partial<Record<AssetType, string>>>(
  (x) => typeof x === 'object' && x !== null && !Array.isArray(x) && Object.values(x).every((s) => typeof s === 'string'),
  'expected an object mapping asset types to strings',
);

export const PaginationSchema = v.looseObject({
  total: v.optional(int),
  limit: v.optional(int),
  offset: v.optional(int),
  has_more: v.optional(v.boolean()),
});
export type Pagination = v.InferOutput<typeof PaginationSchema>;

export const CreditsSchema = v.looseObject({
  balance: int,
  subscription_credits: v.optional(int),
  topup_credits: v.optional(int),
});
export type Credits = v.InferOutput<typeof CreditsSchema>;

export const ProjectSchema = v.looseObject({
  id: str,
  name: str,
  organization_id: v.optional(nullableStr),
  created_at: str,
  updated_at: v.optional(str),
});
export type Project = v.InferOutput<typeof ProjectSchema>;

export const CollectionSchema = v.looseObject({
  id: str,
  project_id: str,
  name: str,
  type: v.optional(str),
  slug: v.optional(str),
  public_slug: v.optional(nullableStr),
  user_prefix: v.optional(str),
  is_published: v.optional(v.boolean()),
  item_count: v.optional(int),
  asset_count: v.optional(int),
  created_at: str,
  updated_at: v.optional(str),
  config: v.optional(
    v.looseObject({
      prompt: v.optional(nullableStr),
      reference_asset_ids: v.optional(v.array(str)),
      style_card: v.optional(nullableStr),
      caution_list: v.optional(v.array(str)),
      animation_sizes: v.optional(v.array(int)),
    }),
  ),
});
export type Collection = v.InferOutput<typeof CollectionSchema>;

export const AssetSchema = v.looseObject({
  id: str,
  // null for uploaded assets (API.md).
  item_id: v.optional(nullableStr, null),
  collection_id: v.optional(nullableStr, null),
  type: v.picklist(ASSET_TYPES),
  // Only id, type and url are confirmed by public sources; everything else may be absent.
  status: v.optional(jobStatus),
  url: str,
  // Descriptive fields are assumptions of API.md: tolerated when absent (null), checked when present.
  size: v.optional(v.nullable(int), null),
  parent_asset_id: v.optional(v.nullable(str), null),
  width: v.optional(v.nullable(int), null),
  height: v.optional(v.nullable(int), null),
  bytes: v.optional(v.nullable(int), null),
  mime: v.optional(str),
  // Emulator assumption (API.md): the real API's digest field is unknown. Absent or null: first fetches cannot be verified.
  sha256: v.optional(v.nullable(v.pipe(str, v.regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits'))), null),
  created_at: v.optional(str),
});
export type Asset = v.InferOutput<typeof AssetSchema>;

export const ItemSchema = v.looseObject({
  id: str,
  collection_id: str,
  name: str,
  slug: str,
  type: v.picklist(['image', 'animation']),
  status: jobStatus,
  loop: v.optional(v.boolean(), false),
  duration: v.optional(v.nullable(v.number()), null),
  transition: v.optional(v.nullable(v.looseObject({ from_item_id: nullableStr, to_item_id: nullableStr, reverse_of_item_id: nullableStr })), null),
  created_at: str,
  updated_at: v.optional(str),
  // Inline assets are an assumption (API.md): absent means "ask /collections/:id/assets?item_id=".
  assets: v.optional(v.array(AssetSchema)),
});
export type Item = v.InferOutput<typeof ItemSchema>;

const JobErrorSchema = v.looseObject({ code: str, message: str });

export const JobSchema = v.pipe(
  v.looseObject({
    id: str,
    status: jobStatus,
    type: str,
    collection_id: str,
    item_id: v.optional(v.nullable(str), null),
    item_name: v.optional(v.nullable(str), null),
    // The older revision has no cost and puts the item id under `output_data`.
    cost_credits: v.optional(int, 0),
    output_data: v.optional(v.looseObject({ item_id: v.optional(v.nullable(str)) })),
    asset_ids: v.optional(byAssetType, {}),
    urls: v.optional(byAssetType, {}),
    error: v.optional(v.nullable(JobErrorSchema), null),
    created_at: str,
    updated_at: v.optional(str),
    completed_at: v.optional(nullableStr, null),
  }),
  v.transform((job) => ({ ...job, item_id: job.item_id ?? job.output_data?.item_id ?? null })),
);
export type Job = v.InferOutput<typeof JobSchema>;

export const GenerateResultSchema = v.looseObject({
  job_id: str,
  poll_url: str,
  item_id: str,
  cost_credits: int,
  asset_ids: v.optional(byAssetType, {}),
  urls: v.optional(byAssetType, {}),
});
export type GenerateResult = v.InferOutput<typeof GenerateResultSchema>;

export const GenerateBatchResultSchema = v.looseObject({
  jobs: v.array(GenerateResultSchema),
  total_cost: int,
});
export type GenerateBatchResult = v.InferOutput<typeof GenerateBatchResultSchema>;

export const UploadResultSchema = v.looseObject({ asset_id: str });
export type UploadResult = v.InferOutput<typeof UploadResultSchema>;

export const WebhookSchema = v.looseObject({
  id: str,
  url: str,
  events: v.array(str),
  secret: v.optional(str),
  created_at: str,
});
export type Webhook = v.InferOutput<typeof WebhookSchema>;

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

export const CanvasNodeSchema = v.looseObject({
  id: str,
  name: str,
  item_id: nullableStr,
  image_prompt: v.optional(nullableStr),
});
export type CanvasNode = v.InferOutput<typeof CanvasNodeSchema>;

export const CanvasEdgeSchema = v.looseObject({
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
export type CanvasEdge = v.InferOutput<typeof CanvasEdgeSchema>;

export const CanvasSchema = v.looseObject({
  id: str,
  collection_id: str,
  name: str,
  template_id: v.optional(nullableStr),
  created_at: str,
  updated_at: v.optional(str),
  graph: v.optional(
    v.looseObject({
      nodes: v.array(CanvasNodeSchema),
      edges: v.array(CanvasEdgeSchema),
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

export const SuggestActionsSchema = v.looseObject({ actions: v.array(str) });

// ---- request bodies -------------------------------------------------------------------------

interface GenerateCommon {
  /** Pre-allocated size-variant widths. */
  sizes?: number[];
}
export type GenerateBody =
  | ({ type: 'image'; name: string; image_prompt: string } & GenerateCommon)
  | { type: 'image'; item_id: string; image_prompt: string }
  | { type: 'edit'; item_id: string; source_image_asset_id: string; edit_instructions: string }
  | ({ type: 'animation'; name: string; image_prompt: string; animation_prompt: string; duration: number; loop: boolean } & GenerateCommon)
  | { type: 'animation'; name: string; source_image_asset_id: string; animation_prompt: string; duration: number; loop: boolean }
  | {
      type: 'animation';
      name: string;
      source_image_asset_id: string;
      end_image_asset_id: string;
      animation_prompt: string;
      duration: number;
      auto_reverse: boolean;
    };

export interface CollectionCreateBody {
  project_id: string;
  name?: string;
  description?: string;
  reference_asset_ids?: string[];
  reference_image_urls?: string[];
  animation_sizes?: number[];
}
export interface CollectionUpdateBody {
  name?: string;
  slug?: string;
  description?: string;
  animation_sizes?: number[];
}
export interface JobFilter {
  status?: JobStatus;
  collection_id?: string;
  /** Same as `collection_id` (camelCase, like `collections.list({ projectId })`). */
  collectionId?: string;
  type?: string;
}
export interface GenerateAllBody {
  dry_run?: boolean;
  targets?: 'all' | 'images' | 'animations';
  skip_completed?: boolean;
  duration?: number;
}
export type WebhookEvent = 'job.completed' | 'job.failed';

// ---- validation -------------------------------------------------------------------------------

/** Validates `value`; on failure returns a readable `path: expected …, got …` list, else the typed value. */
export function check<S extends v.GenericSchema>(schema: S, value: unknown): { ok: true; value: v.InferOutput<S> } | { ok: false; problem: string } {
  const result = v.safeParse(schema, value);
  if (result.success) return { ok: true, value: result.output };
  const problem = result.issues
    .slice(0, 3)
    .map((issue) => `${issuePath(issue)}: ${issue.message}`)
    .join('; ');
  return { ok: false, problem };
}

/** `assets[0].type`, the way the other messages spell paths (valibot's dot path says `assets.0.type`). */
function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  }
  return out || '(root)';
}
