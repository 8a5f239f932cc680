export { createMaskoClient, type MaskoClient } from './client.js';
export type { DownloadOptions, DownloadResult } from './download.js';
export {
  MaskoApiError,
  type MaskoApiErrorDetails,
  MaskoError,
  MaskoIntegrityError,
  MaskoJobFailedError,
  MaskoNetworkError,
  MaskoTimeoutError,
} from './errors.js';
export type { WaitOptions } from './jobs.js';
export type { MaskoClientOptions } from './options.js';
export { DEFAULT_API_URL } from './options.js';
export { toArray } from './paginate.js';
export type { MaskoLogger } from './redact.js';
export type { RetryOptions } from './retry.js';
export type {
  Asset,
  AssetType,
  Canvas,
  CanvasEdge,
  CanvasNode,
  CanvasStatus,
  CanvasTemplate,
  Collection,
  CollectionCreateBody,
  CollectionUpdateBody,
  Credits,
  FromTemplateResult,
  GenerateAllBody,
  GenerateAllResult,
  GenerateBatchResult,
  GenerateBody,
  GenerateResult,
  Item,
  Job,
  JobFilter,
  JobStatus,
  MaskoCanvasExport,
  Pagination,
  Project,
  UploadResult,
  Webhook,
  WebhookEvent,
} from './wire.js';
export { ASSET_TYPES, JOB_STATUSES } from './wire.js';
