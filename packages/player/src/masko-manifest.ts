// The entry into masko-manifest's validator and converter with the code that reads JSON, imported
// on demand (features/manifest-loading.ts): its own file so the standalone build names the chunk
// dist/masko-manifest-<hash>.js.
export { loadManifest, readManifest } from './features/manifest-reading.js';
