// The one entry into masko-manifest's validator and converter, imported on demand (manifest-source.ts):
// its own file so the standalone build names the chunk dist/masko-manifest-<hash>.js.
export { toManifest } from 'masko-manifest';
