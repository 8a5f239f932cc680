/**
 * The framework-agnostic route (design §7): the media go where the app serves static files
 * (`<public>/masko/…`, content-hashed names, served as-is by Next.js, Nuxt/Nitro, Astro, SvelteKit,
 * any web server) and one typed manifest module per mascot goes into the app's sources. No bundler
 * plugin is involved, so it serves bundlers unplugin cannot reach (Turbopack) and server renderers alike,
 * and each file is written once per sync, not once per client/server/edge build.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'pathe';
import type { Prepared } from '../core/context.js';
import { readVerified } from '../core/emit-read.js';
import { writeFileAtomic, writeIfChanged } from '../core/fs-utils.js';
import type { OutputFile } from '../core/manifest.js';
import { manifestModuleDts, manifestModuleJs } from './manifest-module.js';
import { typesPackage } from './types-package.js';

/** The folder under the public directory that holds the media (and the URL segment they are served at). */
export const PUBLIC_SUBDIR = 'masko';
/** Our own files in that folder: `<name>.<sha256 prefix>.<ext>` (emit.ts); others are never removed. */
const OURS = /\.[0-9a-f]{8}\.(webm|mov|mp4|png|webp|avif)$/;

export interface PublicTarget {
  /** Absolute: the directory the app serves at `base` (`public/`, SvelteKit's `static/`). */
  publicDir: string;
  /** Absolute: where `<key>.js` and `<key>.d.ts` go. */
  modulesDir: string;
  /** URL path the public directory is served at. @default '/' */
  base?: string;
}

export interface PublicResult {
  written: number;
  removed: number;
  modules: string[];
}

const withSlash = (base: string) => (base.endsWith('/') ? base : `${base}/`);

/** Copies new media, drops our stale ones, and rewrites the modules when their text changed. */
export async function writePublic(p: Prepared, target: PublicTarget, reprepare: () => Promise<Prepared>): Promise<PublicResult> {
  const dir = join(target.publicDir, PUBLIC_SUBDIR);
  const prefix = `${withSlash(target.base ?? '/')}${PUBLIC_SUBDIR}/`;
  const dest = (f: OutputFile) => join(dir, basename(f.fileName));

  // Names carry the content hash: a file already there with the right size is this file.
  const present = await Promise.all(
    p.files.map((f) =>
      stat(dest(f)).then(
        (s) => s.size === f.bytes,
        () => false,
      ),
    ),
  );
  const todo = p.files.filter((_, i) => !present[i]);
  const sources = await readVerified(todo, reprepare);
  await Promise.all(todo.map((f, i) => writeFileAtomic(dest(f), sources[i]!)));

  const keep = new Set(p.files.map((f) => basename(f.fileName)));
  const stale = (await readdir(dir).catch(() => [] as string[])).filter((name) => OURS.test(name) && !keep.has(name));
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));

  const from = typesPackage(p.options.root);
  const modules: string[] = [];
  for (const [key, built] of Object.entries(p.mascots)) {
    const js = join(target.modulesDir, `${key}.js`);
    await writeIfChanged(
      js,
      manifestModuleJs(built.manifest, (fileName) => prefix + basename(fileName)),
    );
    await writeIfChanged(join(target.modulesDir, `${key}.d.ts`), manifestModuleDts(built.manifest, from));
    modules.push(js);
  }
  return { written: todo.length, removed: stale.length, modules };
}
