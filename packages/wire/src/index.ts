export { API_KEY_PATTERN, API_KEY_SHAPE, isApiKey, redactSecrets, rememberSecret } from './api-key.js';
export { DEFAULT_API_URL } from './api-url.js';
export type {
  WireCanvas,
  WireCanvasEdge,
  WireCanvasGraph,
  WireCanvasInput,
  WireCanvasNode,
  WireCanvasStatus,
  WireCanvasTemplate,
  WireCondition,
  WireFromTemplateResult,
  WireGenerateAllResult,
  WirePlannedJob,
} from './canvases.js';
export {
  ASSET_TYPES,
  type AssetType,
  type InputType,
  ITEM_TYPES,
  type ItemType,
  JOB_STATUSES,
  type JobStatus,
  type JobType,
  WEBHOOK_EVENTS,
  type WebhookEvent,
} from './enums.js';
export {
  type ErrorFields,
  errorCodeForStatus,
  readErrorBody,
  unwrapEnvelope,
  unwrapList,
  type WireEnvelope,
  type WireErrorBody,
  type WireMeta,
  type WirePagination,
} from './envelope.js';
export { MaskoError } from './errors.js';
export {
  ASSET_FILES,
  contentTypeOf,
  FORMATS,
  type Format,
  type FormatFacts,
  SOURCE_FORMAT_OF,
  type SourceFormat,
  type VideoFormat,
} from './formats.js';
export { API_ID_PATTERN, API_ID_SHAPE, isApiId } from './ids.js';
export { MIME, type MimeKey } from './mime.js';
export type { CollectionCreateBody, CollectionUpdateBody, GenerateAllBody, GenerateBody } from './requests.js';
export type {
  WireAsset,
  WireAssetsByType,
  WireCollection,
  WireCredits,
  WireGenerateBatchResult,
  WireGenerateResult,
  WireItem,
  WireJob,
  WireJobError,
  WireProject,
  WireTransitionLink,
  WireUploadResult,
  WireWebhook,
  WireWebhookDelivery,
} from './resources.js';
