/**
 * `unplugin-masko/nuxt`: a Nuxt module that adds the plugin to Nuxt's Vite, webpack or Rspack build,
 * tells Vue's compiler that `<masko-mascot>` is a custom element, and adds the `virtual:masko/*`
 * fallback types to Nuxt's generated tsconfig.
 *
 * ```ts
 * // nuxt.config.ts
 * export default defineNuxtConfig({
 *   modules: ['unplugin-masko/nuxt'],
 *   masko: { mascots: { felix: { collection: '…' } } }, // or masko.config.ts
 * });
 * ```
 */
import unplugin from './index.js';
import type { MaskoOptions } from './types.js';

interface BundlerConfig { plugins?: unknown[] }

/** The part of the Nuxt instance this module uses, typed here so `nuxt` stays out of our dependencies. */
export interface NuxtLike {
  options: {
    rootDir: string;
    masko?: MaskoOptions;
    vue?: { compilerOptions?: { isCustomElement?: (tag: string) => boolean } };
  };
  hook(name: 'vite:extendConfig', fn: (config: BundlerConfig) => void): unknown;
  hook(name: 'webpack:config' | 'rspack:config', fn: (configs: BundlerConfig[]) => void): unknown;
  hook(name: 'prepare:types', fn: (options: { references: ({ types: string } | { path: string })[] }) => void): unknown;
}

/** A Nuxt module as `defineNuxtModule` would make it: callable with meta, no `@nuxt/kit` needed. */
export interface MaskoNuxtModule {
  (inlineOptions: MaskoOptions | undefined, nuxt: NuxtLike): void;
  getMeta(): Promise<{ name: string; configKey: string }>;
  getOptions(inlineOptions?: MaskoOptions, nuxt?: NuxtLike): Promise<MaskoOptions>;
}

const TAG = 'masko-mascot';

function maskoNuxt(inlineOptions: MaskoOptions | undefined, nuxt: NuxtLike): void {
  // masko.config.ts and masko.lock.json live at the project root, not in Vite's root (app/ in Nuxt 4).
  const options: MaskoOptions = { root: nuxt.options.rootDir, ...nuxt.options.masko, ...inlineOptions };
  const add = (config: BundlerConfig, plugin: unknown) => (config.plugins ??= []).push(plugin);
  nuxt.hook('vite:extendConfig', (config) => add(config, unplugin.vite(options)));
  nuxt.hook('webpack:config', (configs) => configs.forEach((config) => add(config, unplugin.webpack(options))));
  nuxt.hook('rspack:config', (configs) => configs.forEach((config) => add(config, unplugin.rspack(options))));

  const compilerOptions = ((nuxt.options.vue ??= {}).compilerOptions ??= {});
  const isCustomElement = compilerOptions.isCustomElement;
  compilerOptions.isCustomElement = (tag) => tag === TAG || (isCustomElement?.(tag) ?? false);

  nuxt.hook('prepare:types', ({ references }) => references.push({ types: 'unplugin-masko/types' }));
}

const module = maskoNuxt as MaskoNuxtModule;
module.getMeta = async () => ({ name: 'unplugin-masko', configKey: 'masko' });
module.getOptions = async (inlineOptions = {}, nuxt) => ({ ...nuxt?.options.masko, ...inlineOptions });
export default module;
