export * from './types.js';
export { ManifestError, MAX_ISSUES, type ManifestIssue } from './issues.js';
export { checkManifest, validateManifest } from './validate.js';
export { convertCanvasExport, isCanvasExport, EXPORT_ASSUMED_SIZE, type ConvertOptions } from './convert.js';
export type { CanvasExport, CanvasNode, CanvasEdge, CanvasCondition, CanvasInput } from './export-types.js';
export { toManifest, resolveManifestUrls } from './to-manifest.js';
export { isSafeUrl } from './url.js';
export { MIME, type MimeKey } from './mime.js';
export { pickVariant, poseNames } from './helpers.js';
