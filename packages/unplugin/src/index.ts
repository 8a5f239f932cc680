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

/** The manifest types, for generated declarations (an app's direct dependency, unlike masko-manifest). */
export type { InputName, MascotManifest, PoseName } from 'masko-manifest';
export { MaskoError } from './core/errors.js';
export { type PublicOptions, type SyncPublicOptions, syncPublic } from './public/sync-public.js';
export type { GenerateOptions, MascotOptions, MaskoFormat, MaskoOptions, PoseOptions } from './types.js';
