/**
 * The parts of the Masko wire types (packages/emulator/API.md) the plugin reads. Kept structural so any
 * client whose types are a superset fits; masko-client exports the full ones.
 */
import type { AssetType, GenerateBody, JobStatus } from 'masko-wire';

export type { AssetType, GenerateBody, JobStatus };

/** Only `id`, `type` and `url` are confirmed by public sources: the rest may be absent (probed from the files). */
export interface WireAsset {
  id: string;
  type: AssetType;
  status?: JobStatus | undefined;
  url: string;
  size: number | null;
  width: number | null;
  height: number | null;
  bytes: number | null;
  mime?: string;
  /** Lowercase hex sha256 of the file, when the API publishes one (an emulator assumption, API.md). */
  sha256?: string | null;
}

export interface WireItem {
  id: string;
  name: string;
  type: 'image' | 'animation';
  status: JobStatus;
  loop: boolean;
  duration: number | null;
  /** Endpoint ids may be null (API.md): such a transition cannot be placed between poses and is skipped. */
  transition?: { from_item_id: string | null; to_item_id: string | null; reverse_of_item_id: string | null } | null | undefined;
  created_at: string;
  /** Inline assets are an assumption (API.md): absent, they are listed with `assets.list(collection, { itemId })`. */
  assets?: WireAsset[] | undefined;
}

export interface WireCollection {
  id: string;
  name: string;
  config?: { animation_sizes?: number[] };
}

export interface GenerateResult {
  job_id: string;
  item_id: string;
  cost_credits: number;
  asset_ids?: Partial<Record<AssetType, string>>;
}
export interface WireJob {
  id: string;
  status: JobStatus;
  item_id: string | null;
  cost_credits: number;
  asset_ids?: Partial<Record<AssetType, string>>;
}

/** What the sync engine needs from masko-client (its real surface is larger). */
export interface SyncClient {
  collections: { get(id: string): Promise<WireCollection> };
  canvases: { export(collectionId: string, canvasId: string): Promise<unknown> };
  items: { list(collectionId: string, filter?: { name?: string }): AsyncIterable<WireItem> };
  assets: {
    list(collectionId: string, filter?: { itemId?: string }): AsyncIterable<WireAsset>;
    get(assetId: string, signal?: AbortSignal): Promise<WireAsset>;
  };
  /** One generation (edit, regenerate); never posted twice for one call. */
  generate(collectionId: string, body: GenerateBody): Promise<GenerateResult>;
  generateBatch(collectionId: string, bodies: GenerateBody[]): Promise<{ jobs: GenerateResult[]; total_cost: number }>;
  waitForJobs(ids: string[], opts?: { timeoutMs?: number }): Promise<WireJob[]>;
  download(
    url: string,
    destPath: string,
    opts?: {
      expectedSha256?: string;
      signal?: AbortSignal;
      onProgress?(received: number, total: number | undefined): void;
      refreshUrl?(): Promise<string>;
      durable?: boolean;
    },
  ): Promise<{ path: string; sha256: string; bytes: number; contentType?: string | null | undefined }>;
  close(): Promise<void>;
}
