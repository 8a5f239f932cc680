/**
 * The parts of masko-client's answers the plugin reads (`Pick`s of its types, so the client stays their one
 * source and a test double fills only these). The raw wire shapes are masko-wire's.
 */
import type { Asset, Collection, GenerateResult, Item, Job } from 'masko-client';
import type { AssetType, GenerateBody, JobStatus } from 'masko-wire';

export type { AssetType, GenerateBody, GenerateResult, JobStatus };

/** Only `id`, `type` and `url` are confirmed by public sources: the rest may be absent (probed from the files). */
export type ApiAsset = Pick<Asset, 'id' | 'type' | 'status' | 'url' | 'size' | 'width' | 'height' | 'bytes' | 'mime' | 'sha256'>;

/** Inline assets are an assumption (API.md): absent, they are listed with `assets.list(collection, { itemId })`. */
export type ApiItem = Pick<Item, 'id' | 'name' | 'type' | 'status' | 'loop' | 'duration' | 'transition' | 'created_at'> & { assets?: ApiAsset[] | undefined };

export type ApiCollection = Pick<Collection, 'id' | 'name' | 'config'>;

export type ApiJob = Pick<Job, 'id' | 'status' | 'item_id' | 'cost_credits' | 'asset_ids'>;

/** What the sync engine needs from masko-client (its real surface is larger). */
export interface SyncClient {
  collections: { get(id: string): Promise<ApiCollection> };
  canvases: { export(collectionId: string, canvasId: string): Promise<unknown> };
  items: { list(collectionId: string, filter?: { name?: string }): AsyncIterable<ApiItem> };
  assets: {
    list(collectionId: string, filter?: { itemId?: string }): AsyncIterable<ApiAsset>;
    get(assetId: string, signal?: AbortSignal): Promise<ApiAsset>;
  };
  /** One generation (edit, regenerate); never posted twice for one call. */
  generate(collectionId: string, body: GenerateBody): Promise<GenerateResult>;
  generateBatch(collectionId: string, bodies: GenerateBody[]): Promise<{ jobs: GenerateResult[]; total_cost: number }>;
  waitForJobs(ids: string[], opts?: { timeoutMs?: number }): Promise<ApiJob[]>;
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
