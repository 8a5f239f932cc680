export type {
  AssetType,
  CollectionCreateBody,
  CollectionUpdateBody,
  GenerateAllBody,
  GenerateBody,
  JobStatus,
  WebhookEvent,
} from 'masko-wire';
export { ASSET_TYPES, DEFAULT_API_URL, JOB_STATUSES } from 'masko-wire';
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
export { toArray } from './paginate.js';
export type { MaskoLogger } from './redact.js';
export type { JobFilter } from './resources/jobs.js';
export type { RetryOptions } from './retry.js';
export type {
  Canvas,
  CanvasGraphEdge,
  CanvasGraphNode,
  CanvasStatus,
  CanvasTemplate,
  FromTemplateResult,
  GenerateAllResult,
  MaskoCanvasExport,
} from './schemas/canvases.js';
export type {
  Asset,
  Collection,
  Credits,
  GenerateBatchResult,
  GenerateResult,
  Item,
  Job,
  Pagination,
  Project,
  UploadResult,
  Webhook,
} from './schemas/resources.js';
