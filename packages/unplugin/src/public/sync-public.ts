/**
 * `syncPublic()`: what `masko sync --public <dir>` and the framework entries (`/next`, `/nuxt`,
 * `/astro`) run before the framework builds: sync (lockfile, cache, `masko.d.ts`), then write the
 * media into the public directory and the typed manifest modules into the sources (write-public.ts).
 */
import { consola } from 'consola';
import { isAbsolute, resolve } from 'pathe';
import { MaskoContext } from '../core/context.js';
import { describeError } from '../core/errors.js';
import { taggedLogger } from '../core/reporting.js';
import type { MaskoOptions } from '../types.js';
import { type PublicResult, writePublic } from './write-public.js';

export interface PublicOptions {
  /** Where the app serves static files, relative to the root. The media go into `<publicDir>/masko/`. */
  publicDir: string;
  /** Where the typed manifest modules (`<key>.js` + `<key>.d.ts`) go, relative to the root. */
  modulesDir: string;
  /** URL path the public directory is served at (Next.js `basePath`, Astro `base`, …). @default '/' */
  base?: string;
}

export type SyncPublicOptions = MaskoOptions & PublicOptions;

const log = taggedLogger(consola);

/**
 * Runs the sync and writes the public files. `dev` serves what the lockfile and cache have when the
 * API cannot be reached (with a warning); `build` fails with the `[masko]` message instead.
 */
export async function syncPublic(options: SyncPublicOptions, mode: 'build' | 'dev' = 'build'): Promise<PublicResult> {
  const { publicDir, modulesDir, base, ...masko } = options;
  const ctx = new MaskoContext(masko, { mode, logger: log, hashOnEmit: true });
  try {
    const p = await ctx.prepare();
    const abs = (dir: string) => (isAbsolute(dir) ? dir : resolve(p.options.root, dir));
    const result = await writePublic(p, { publicDir: abs(publicDir), modulesDir: abs(modulesDir), ...(base ? { base } : {}) }, () => ctx.refresh());
    if (result.written || result.removed) log.info(`${result.written} file(s) written to ${abs(publicDir)}/masko, ${result.removed} stale removed`);
    return result;
  } catch (error) {
    throw new Error(describeError(error));
  }
}
