/**
 * webpack and Rspack: the files are emitted in `processAssets` on every compilation, so they survive a
 * persistent-cache hit (a cached module's load hook does not run again).
 */
import type { Prepared } from '../context.js';
import { readVerified } from '../emit-read.js';

/** The parts of a webpack/Rspack compiler we use (typed locally: neither is a dependency). */
export interface WebpackLike {
  hooks: {
    thisCompilation: { tap(name: string, fn: (c: CompilationLike) => void): void };
    normalModuleFactory: {
      tap(name: string, fn: (f: { hooks: { beforeResolve: { tap(name: string, fn: (d: { request: string }) => void): void } } }) => void): void;
    };
  };
  webpack: { sources: { RawSource: new (b: Buffer) => unknown }; Compilation: { PROCESS_ASSETS_STAGE_ADDITIONAL: number } };
}
interface CompilationLike {
  hooks: { processAssets: { tapPromise(o: { name: string; stage: number }, fn: () => Promise<void>): void } };
  getAsset(name: string): unknown;
  emitAsset(name: string, source: unknown): void;
}

/** Routes `virtual:masko` ids to our resolver and emits every file the prepared context has, once per compilation. */
export function emitEveryBuild(compiler: WebpackLike, prepare: () => Promise<Prepared>, reprepare: () => Promise<Prepared>): void {
  const { RawSource } = compiler.webpack.sources;
  // webpack/Rspack read `virtual:` as a URI scheme and skip the resolver; a leading \0 keeps ours in it.
  compiler.hooks.normalModuleFactory.tap('unplugin-masko', (factory) => {
    factory.hooks.beforeResolve.tap('unplugin-masko', (data) => {
      if (/^virtual:masko(\/|$)/.test(data.request)) data.request = `\0${data.request}`;
    });
  });
  compiler.hooks.thisCompilation.tap('unplugin-masko', (compilation) => {
    compilation.hooks.processAssets.tapPromise({ name: 'unplugin-masko', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, async () => {
      const todo = (await prepare()).files.filter((f) => !compilation.getAsset(f.fileName));
      const sources = await readVerified(todo, reprepare);
      todo.forEach((file, i) => compilation.emitAsset(file.fileName, new RawSource(sources[i]!)));
    });
  });
}
