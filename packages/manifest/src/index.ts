export { type ConvertOptions, convertCanvasExport, EXPORT_ASSUMED_SIZE, isCanvasExport } from './convert.js';
export type { CanvasCondition, CanvasEdge, CanvasExport, CanvasInput, CanvasNode } from './export-types.js';
export { pickVariant, poseNames } from './helpers.js';
export { MAX_ISSUES, ManifestError, type ManifestIssue } from './issues.js';
export { MIME, type MimeKey } from './mime.js';
export { resolveManifestUrls, toManifest } from './to-manifest.js';
export * from './types.js';
export { isSafeUrl } from './url.js';
export { checkManifest, validateManifest } from './validate.js';
