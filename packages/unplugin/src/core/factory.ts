/**
 * The unplugin factory: hooks only route to the context and to the host parts in `hosts/` (where files
 * go: emitted as modules load, or in webpack/Rspack's processAssets; the Vite dev server; the watcher).
 * How each host's URLs are spelled is chosen here (unplugin's `emitFile` returns no reference id on every
 * bundler, so each host's URL is written explicitly).
 */
import { consola } from 'consola';
import type { UnpluginFactory, UnpluginOptions } from 'unplugin';
import type { MaskoOptions } from '../types.js';
import { indexModule, mascotModule, parseLoadedId, parseVirtualId, RESOLVED_PREFIX } from './codegen.js';
import { MaskoContext, type Prepared } from './context.js';
import { prefixedUrl, relativeUrl, type UrlExpression, webpackUrl } from './emit.js';
import { MaskoError, userError } from './errors.js';
import { createLoadEmitter } from './hosts/load-emit.js';
import { configureDevServer, DEV_PREFIX } from './hosts/vite-dev-server.js';
import { createBuildWatch } from './hosts/watch.js';
import { emitEveryBuild, type WebpackLike } from './hosts/webpack-emit.js';
import { taggedLogger } from './reporting.js';

export const maskoFactory: UnpluginFactory<MaskoOptions | undefined, false> = (userOptions = {}, meta) => {
  const log = taggedLogger(consola);
  let mode: 'build' | 'dev' = 'build';
  // Builds hash every file as they read it to emit it (emit-read.ts); dev serves from the verified cache.
  const contextFor = () => new MaskoContext(userOptions, { mode, logger: log, hashOnEmit: mode === 'build' });
  let ctx = contextFor();
  let viteBase = '/';
  let esbuildOut: { outdir?: string; publicPath?: string; format?: string } = {};
  const prepare = async (): Promise<Prepared> => {
    try {
      return await ctx.prepare();
    } catch (error) {
      throw userError(error);
    }
  };
  /** After a corrupt file was removed: forget the result and prepare again (which fetches it again). */
  const reprepare = () => {
    ctx.invalidate();
    return prepare();
  };
  const watch = createBuildWatch();
  const emitter = createLoadEmitter(reprepare);

  if (meta.framework === 'webpack') ctx.setRoot(meta.webpack.compiler.options.context ?? process.cwd());
  if (meta.framework === 'rspack') ctx.setRoot(meta.rspack.compiler.options.context ?? process.cwd());

  const urlFor = (): UrlExpression => {
    switch (meta.framework) {
      case 'vite':
        return prefixedUrl(mode === 'dev' ? `${viteBase}${DEV_PREFIX}` : viteBase);
      case 'webpack':
      case 'rspack':
        return webpackUrl;
      case 'esbuild':
        return esbuildOut.publicPath ? prefixedUrl(esbuildOut.publicPath) : relativeUrl;
      default:
        // Rollup: its own file URLs, right wherever the chunk ends up (entryFileNames may nest it).
        return (fileName) => {
          const ref = emitter.referenceOf(fileName);
          return ref ? `import.meta.ROLLUP_FILE_URL_${ref}` : relativeUrl(fileName);
        };
    }
  };

  const plugin: UnpluginOptions = {
    name: 'unplugin-masko',
    enforce: 'pre',
    async buildStart() {
      emitter.reset();
      const watched = watch.files(await prepare());
      // unplugin's esbuild adapter has no `addWatchFile` here (it throws outside resolveId/load/transform).
      if (meta.framework !== 'esbuild') for (const file of watched) this.addWatchFile(file);
    },
    watchChange(id) {
      if (watch.isOurs(id)) ctx.invalidate();
    },
    resolveId: {
      filter: { id: /^(\0)?virtual:masko(\/|$)/ },
      handler(id) {
        const key = parseVirtualId(id);
        if (key === undefined) return null;
        return key ? `${RESOLVED_PREFIX}/${key}` : RESOLVED_PREFIX;
      },
    },
    load: {
      filter: { id: /virtual:masko/ },
      async handler(id) {
        const key = parseLoadedId(id);
        if (key === undefined) return null;
        const p = await prepare();
        const built = key ? p.mascots[key] : undefined;
        if (key && !built && p.problems[key]) throw userError(p.problems[key]);
        if (key && !built) {
          const known = Object.keys(p.mascots).join(', ') || 'none';
          throw userError(
            new MaskoError(
              'unknown_mascot',
              `virtual:masko/${key}: no mascot "${key}" is configured (configured: ${known})`,
              'Add it under `mascots` in masko.config.',
            ),
          );
        }
        if (meta.framework === 'esbuild' && !esbuildOut.outdir) {
          throw userError(
            new MaskoError(
              'esbuild_outdir',
              'esbuild needs `outdir` to receive the mascot files (`outfile` alone cannot hold assets)',
              'Set outdir (and publicPath when the page is served from elsewhere).',
            ),
          );
        }
        // webpack/Rspack emit in processAssets instead (webpack-emit.ts); dev emits nothing (vite-dev-server.ts).
        if (mode === 'build' && meta.framework !== 'webpack' && meta.framework !== 'rspack') {
          await emitter.emit(key ? built!.files : p.files, (file) => this.emitFile(file));
        }
        return key ? mascotModule(built!.manifest, urlFor()) : indexModule(MaskoContext.manifests(p), urlFor());
      },
    },
    vite: {
      configResolved(config) {
        mode = config.command === 'serve' ? 'dev' : 'build';
        viteBase = config.base || '/';
        ctx = contextFor();
        ctx.setRoot(config.root);
      },
      configureServer(server) {
        configureDevServer(server, () => ctx, log);
      },
    },
    esbuild: {
      setup(build) {
        const o = build.initialOptions;
        esbuildOut = {
          ...(o.outdir ? { outdir: o.outdir } : {}),
          ...(o.publicPath ? { publicPath: o.publicPath } : {}),
          ...(o.format ? { format: o.format } : {}),
        };
        ctx.setRoot(o.absWorkingDir ?? process.cwd());
      },
    },
    webpack(compiler) {
      emitEveryBuild(compiler as unknown as WebpackLike, prepare, reprepare);
    },
    rspack(compiler) {
      emitEveryBuild(compiler as unknown as WebpackLike, prepare, reprepare);
    },
  };
  return plugin;
};
