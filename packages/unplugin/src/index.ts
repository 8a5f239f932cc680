/**
 * unplugin-masko: Masko mascots at build time for Vite, webpack, Rspack, Rollup and esbuild.
 * Host entries: `unplugin-masko/vite`, `/webpack`, `/rspack`, `/rollup`, `/esbuild`.
 */
import { createUnplugin } from 'unplugin';
import { maskoFactory } from './core/factory.js';
import type { MaskoOptions } from './types.js';

export const unplugin = /* #__PURE__ */ createUnplugin(maskoFactory);
export default unplugin;

/** Typed options for `masko.config.ts` (shared by the plugin and the `masko` CLI). */
export function defineConfig(options: MaskoOptions): MaskoOptions {
  return options;
}

export type { MaskoOptions, MascotOptions, PoseOptions, GenerateOptions, MaskoFormat } from './types.js';
export { MaskoError } from './core/errors.js';
export { syncPublic, type SyncPublicOptions, type PublicOptions } from './public/sync-public.js';
/** The manifest types, for generated declarations (an app's direct dependency, unlike masko-manifest). */
export type { MascotManifest, PoseName, InputName } from 'masko-manifest';
