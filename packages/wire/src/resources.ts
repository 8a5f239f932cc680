/**
 * The API's objects as they arrive (JSON, snake_case), per packages/emulator/API.md. A field marked
 * optional is an assumption of API.md (absent in the emulator's `stripped` mode, or in the older revision);
 * the rest is confirmed by public sources. The emulator produces these; masko-client's validators accept them.
 */
import type { AssetType, ItemType, JobStatus, JobType, WebhookEvent } from './enums.js';

export interface WireProject {
  id: string;
  name: string;
  organization_id?: string | null;
  created_at: string;
  updated_at?: string;
}

export interface WireCollection {
  id: string;
  project_id: string;
  name: string;
  type?: string;
  slug?: string;
  public_slug?: string | null;
  user_prefix?: string;
  is_published?: boolean;
  item_count?: number;
  asset_count?: number;
  created_at: string;
  updated_at?: string;
  config?: {
    prompt?: string | null;
    reference_asset_ids?: string[];
    style_card?: string | null;
    caution_list?: string[];
    /** Widths of the size variants made for every animation (absent in `stripped` mode). */
    animation_sizes?: number[];
  };
}

/** Only `id`, `type` and `url` are confirmed; the rest is tolerated when absent (null) and checked when present. */
export interface WireAsset {
  id: string;
  type: AssetType;
  url: string;
  /** Null for uploaded assets. */
  item_id?: string | null;
  collection_id?: string | null;
  status?: JobStatus;
  /** Width of a size variant; null for the original. */
  size?: number | null;
  parent_asset_id?: string | null;
  width?: number | null;
  height?: number | null;
  bytes?: number | null;
  mime?: string;
  /** Lowercase hex sha256 of what the URL serves once completed (an emulator assumption: the real field is unknown). */
  sha256?: string | null;
  created_at?: string;
}

/** A transition item's endpoints; any may be null (such a transition cannot be placed between poses). */
export interface WireTransitionLink {
  from_item_id: string | null;
  to_item_id: string | null;
  reverse_of_item_id: string | null;
}

export interface WireItem {
  id: string;
  collection_id: string;
  name: string;
  slug: string;
  type: ItemType;
  status: JobStatus;
  loop?: boolean;
  duration?: number | null;
  transition?: WireTransitionLink | null;
  created_at: string;
  updated_at?: string;
  /** Inline assets are an assumption: absent means "ask `/collections/:id/assets?item_id=`". */
  assets?: WireAsset[];
}

export interface WireJobError {
  code: string;
  message: string;
}

/** The originals (size null) by type: ids and URLs, available at once (placeholders until completion). */
export interface WireAssetsByType {
  asset_ids?: Partial<Record<AssetType, string>>;
  urls?: Partial<Record<AssetType, string>>;
}

export interface WireJob extends WireAssetsByType {
  id: string;
  status: JobStatus;
  /** A `JobType`; the older revision says `image` / `animation`. */
  type: string;
  collection_id: string;
  item_id?: string | null;
  item_name?: string | null;
  /** Absent in the older revision. */
  cost_credits?: number;
  /** The older revision's place for the item id. */
  output_data?: { item_id?: string | null };
  error?: WireJobError | null;
  created_at: string;
  updated_at?: string;
  completed_at?: string | null;
}

export interface WireGenerateResult extends WireAssetsByType {
  job_id: string;
  /** `/v1/jobs/<id>`. */
  poll_url: string;
  item_id: string;
  cost_credits: number;
}

export interface WireGenerateBatchResult {
  jobs: WireGenerateResult[];
  total_cost: number;
}

export interface WireCredits {
  balance: number;
  subscription_credits?: number;
  topup_credits?: number;
}

export interface WireUploadResult {
  asset_id: string;
}

export interface WireWebhook {
  id: string;
  url: string;
  events: WebhookEvent[];
  /** Only in the answer that creates the webhook. */
  secret?: string;
  created_at: string;
}

/** What a webhook receives (`X-Masko-Signature`: hex HMAC-SHA256 of this body, keyed with the secret). */
export interface WireWebhookDelivery extends WireAssetsByType {
  event: WebhookEvent;
  job_id: string;
  type: JobType;
  collection_id: string;
  item_id: string | null;
  error: WireJobError | null;
  timestamp: string;
}
