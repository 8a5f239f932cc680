// Validators of the API's answers (packages/emulator/API.md), with canvases.ts the only files of the client
// that know field names. Responses are validated here, at the boundary, so an unexpected shape fails with
// the field's path instead of surfacing later as `undefined`. Objects are loose: unknown extra fields pass
// through. The shapes themselves are masko-wire's: tsc proves below that each schema accepts its shape.
import {
  ASSET_TYPES,
  type AssetType,
  ITEM_TYPES,
  JOB_STATUSES,
  type WireAsset,
  type WireCollection,
  type WireCredits,
  type WireGenerateBatchResult,
  type WireGenerateResult,
  type WireItem,
  type WireJob,
  type WirePagination,
  type WireProject,
  type WireUploadResult,
  type WireWebhook,
} from 'masko-wire';
import * as v from 'valibot';
import type { Accepts, Proven } from './check.js';

export const str = v.string();
export const nullableStr = v.nullable(v.string());
export const int = v.number();

const jobStatus = v.picklist(JOB_STATUSES);
/** `Partial<Record<AssetType, string>>`; unknown formats are kept (a newer API may add some). */
export const byAssetType = v.custom<Partial<Record<AssetType, string>>>(
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
  type: v.picklist(ITEM_TYPES),
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

export const SuggestActionsSchema = v.looseObject({ actions: v.array(str) });

/** tsc's proof that every shape masko-wire declares (what the emulator sends) passes these schemas. */
export type ResourcesAcceptWire = Proven<
  [
    Accepts<WirePagination, typeof PaginationSchema>,
    Accepts<WireCredits, typeof CreditsSchema>,
    Accepts<WireProject, typeof ProjectSchema>,
    Accepts<WireCollection, typeof CollectionSchema>,
    Accepts<WireAsset, typeof AssetSchema>,
    Accepts<WireItem, typeof ItemSchema>,
    Accepts<WireJob, typeof JobSchema>,
    Accepts<WireGenerateResult, typeof GenerateResultSchema>,
    Accepts<WireGenerateBatchResult, typeof GenerateBatchResultSchema>,
    Accepts<WireUploadResult, typeof UploadResultSchema>,
    Accepts<WireWebhook, typeof WebhookSchema>,
  ]
>;
