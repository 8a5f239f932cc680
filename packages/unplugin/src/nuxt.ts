/**
 * `unplugin-masko/nuxt`: a Nuxt module that runs the framework-agnostic route (`syncPublic`) when Nuxt
 * starts (`nuxt dev`, `nuxt build`, `nuxt generate`, `nuxt prepare`): the media go into
 * `public/masko/` (which Nitro serves and copies to `.output/public`, once) and the typed manifest
 * modules into `app/masko/`. It also tells Vue's compiler that `<masko-mascot>` is a custom element.
 *
 * ```ts
 * // nuxt.config.ts
 * export default defineNuxtConfig({
 *   modules: ['unplugin-masko/nuxt'],
 *   masko: { mascots: { felix: { collection: '…' } } }, // or masko.config.ts
 * });
 * ```
 * ```vue
 * <script setup lang="ts">
 * import 'masko-mascot';
 * import felix from '~/masko/felix';
 * </script>
 * ```
 */
import { join } from 'pathe';
import { type PublicOptions, syncPublic } from './public/sync-public.js';
import type { MaskoOptions } from './types.js';

/** Options of the module (the `masko` key of nuxt.config): every host option, plus where files go. */
export type MaskoNuxtOptions = MaskoOptions & Partial<PublicOptions>;

/** The part of the Nuxt instance this module uses, typed here so `nuxt` stays out of our dependencies. */
export interface NuxtLike {
  options: {
    rootDir: string;
    srcDir?: string;
    dev?: boolean;
    dir?: { public?: string };
    app?: { baseURL?: string };
    masko?: MaskoNuxtOptions;
    vue?: { compilerOptions?: { isCustomElement?: (tag: string) => boolean } };
  };
}

/** A Nuxt module as `defineNuxtModule` would make it: callable with meta, no `@nuxt/kit` needed. */
export interface MaskoNuxtModule {
  (inlineOptions: MaskoNuxtOptions | undefined, nuxt: NuxtLike): Promise<void>;
  getMeta(): Promise<{ name: string; configKey: string }>;
  getOptions(inlineOptions?: MaskoNuxtOptions, nuxt?: NuxtLike): Promise<MaskoNuxtOptions>;
}

const TAG = 'masko-mascot';

async function maskoNuxt(inlineOptions: MaskoNuxtOptions | undefined, nuxt: NuxtLike): Promise<void> {
  const { rootDir, srcDir = rootDir, dev = false, dir, app } = nuxt.options;
  const compilerOptions = ((nuxt.options.vue ??= {}).compilerOptions ??= {});
  const isCustomElement = compilerOptions.isCustomElement;
  compilerOptions.isCustomElement = (tag) => tag === TAG || (isCustomElement?.(tag) ?? false);

  // masko.config.ts and masko.lock.json live at the project root, next to nuxt.config.
  const options = { root: rootDir, ...nuxt.options.masko, ...inlineOptions };
  await syncPublic(
    {
      ...options,
      publicDir: options.publicDir ?? dir?.public ?? join(rootDir, 'public'),
      modulesDir: options.modulesDir ?? join(srcDir, 'masko'),
      base: options.base ?? app?.baseURL ?? '/',
    },
    dev ? 'dev' : 'build',
  );
}

const module = maskoNuxt as MaskoNuxtModule;
module.getMeta = async () => ({ name: 'unplugin-masko', configKey: 'masko' });
module.getOptions = async (inlineOptions = {}, nuxt) => ({ ...nuxt?.options.masko, ...inlineOptions });
export default module;
