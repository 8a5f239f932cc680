/**
 * `unplugin-masko/next`: `withMasko(nextConfig)` runs the framework-agnostic route (`syncPublic`)
 * before `next dev` and `next build`, with either bundler (Turbopack, the default, or `--webpack`):
 * the media go into `public/masko/` (which Next serves as-is, once, for every runtime) and the typed
 * manifest modules into `src/masko/` (or `masko/` without a `src` folder).
 *
 * ```js
 * // next.config.mjs
 * import { withMasko } from 'unplugin-masko/next';
 * export default withMasko({ reactStrictMode: true });
 * ```
 * ```tsx
 * // app/page.tsx (a Server Component)
 * import { MaskoMascot } from 'masko-mascot/react';
 * import felix from '@/masko/felix';
 * export default function Page() { return <MaskoMascot manifest={felix} alt="Felix" />; }
 * ```
 */
import { existsSync } from 'node:fs';
import { join } from 'pathe';
import { type SyncPublicOptions, syncPublic } from './public/sync-public.js';

/** Next's phases (`next/constants`), spelled here so `next` stays out of our dependencies. */
const DEV = 'phase-development-server';
const BUILD = 'phase-production-build';

/** A Next config (object or function); only `basePath` is read, so `next` stays out of our dependencies. */
type NextConfigInput<C> = C | ((phase: string, context: { defaultConfig: C }) => C | Promise<C>);

export type WithMaskoOptions = Partial<SyncPublicOptions>;

/** The sync of this process: Next loads its config more than once per command. */
let synced: Promise<unknown> | undefined;

/**
 * Wraps a Next config (object or function). Options as for every host, plus `publicDir`
 * (default `public`), `modulesDir` (default `src/masko` when `src/` exists, else `masko`) and `base`
 * (default: the config's `basePath`).
 */
export function withMasko<C extends object>(config: NextConfigInput<C> = {} as C, options: WithMaskoOptions = {}) {
  return async (phase: string, context: { defaultConfig: C }): Promise<C> => {
    const resolved = typeof config === 'function' ? await config(phase, context) : config;
    if (phase === DEV || phase === BUILD) {
      const root = options.root ?? process.cwd();
      synced ??= syncPublic(
        {
          ...options,
          root,
          publicDir: options.publicDir ?? 'public',
          modulesDir: options.modulesDir ?? (existsSync(join(root, 'src')) ? 'src/masko' : 'masko'),
          base: options.base ?? (resolved as { basePath?: string }).basePath ?? '/',
        },
        phase === DEV ? 'dev' : 'build',
      );
      await synced;
    }
    return resolved;
  };
}

export default withMasko;
