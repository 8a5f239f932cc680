/**
 * The unplugin factory: hooks only route to the context; the host-specific parts are where files go and
 * how URLs are spelled (unplugin's `emitFile` returns no reference id on every bundler, so each host's
 * URL is written here).
 */
import { createReadStream, existsSync } from 'node:fs';
import { consola } from 'consola';
import { contentTypeOf } from 'masko-wire';
import type { UnpluginFactory, UnpluginOptions } from 'unplugin';
import type { MaskoOptions } from '../types.js';
import { indexModule, mascotModule, parseLoadedId, parseVirtualId, RESOLVED_PREFIX } from './codegen.js';
import { MaskoContext, type Prepared } from './context.js';
import { prefixedUrl, relativeUrl, type UrlExpression, webpackUrl } from './emit.js';
import { readVerified } from './emit-read.js';
import { describeError, MaskoError, tagged, userError } from './errors.js';

const DEV_PREFIX = '@masko/';

export const maskoFactory: UnpluginFactory<MaskoOptions | undefined, false> = (userOptions = {}, meta) => {
  const logger = consola; // messages carry their own [masko] prefix
  const log = { info: (m: string) => logger.info(tagged(m)), warn: (m: string) => logger.warn(tagged(m)) };
  let mode: 'build' | 'dev' = 'build';
  // Builds hash every file as they read it to emit it (emit-read.ts); dev serves from the verified cache.
  const contextFor = () => new MaskoContext(userOptions, { mode, logger: log, hashOnEmit: mode === 'build' });
  let ctx = contextFor();
  let viteBase = '/';
  let esbuildOut: { outdir?: string; publicPath?: string; format?: string } = {};
  /** File name → Rollup reference id (Rollup returns one at runtime though unplugin types it void). */
  let watched: string[] = [];
  const emitted = new Map<string, string | undefined>();
  /** File name → its read-and-emit, shared by every load that ships it. */
  const emitting = new Map<string, Promise<void>>();
  /** After a corrupt file was removed: forget the result and prepare again (which fetches it again). */
  const reprepare = () => {
    ctx.invalidate();
    return prepare();
  };

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
          const ref = emitted.get(fileName);
          return ref ? `import.meta.ROLLUP_FILE_URL_${ref}` : relativeUrl(fileName);
        };
    }
  };

  const prepare = async (): Promise<Prepared> => {
    try {
      return await ctx.prepare();
    } catch (error) {
      throw userError(error);
    }
  };

  const plugin: UnpluginOptions = {
    name: 'unplugin-masko',
    enforce: 'pre',
    async buildStart() {
      emitted.clear();
      emitting.clear();
      const p = await prepare();
      watched = [p.configFile, existsSync(p.options.lockfile) ? p.options.lockfile : undefined].filter((f): f is string => !!f);
      // unplugin's esbuild adapter has no `addWatchFile` here (it throws outside resolveId/load/transform).
      if (meta.framework !== 'esbuild') for (const file of watched) this.addWatchFile(file);
    },
    watchChange(id) {
      if (watched.includes(id)) ctx.invalidate();
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
        const files = key ? built!.files : p.files;
        if (mode === 'build' && meta.framework !== 'webpack' && meta.framework !== 'rspack') {
          const todo = files.filter((f) => !emitting.has(f.fileName));
          const job = readVerified(todo, reprepare).then((sources) =>
            todo.forEach((file, i) => {
              const ref = this.emitFile({ type: 'asset', fileName: file.fileName, source: sources[i]! }) as unknown;
              emitted.set(file.fileName, typeof ref === 'string' ? ref : undefined);
            }),
          );
          for (const file of todo) emitting.set(file.fileName, job);
          await Promise.all(files.map((f) => emitting.get(f.fileName)));
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
        server.middlewares.use(async (req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
          const at = path.indexOf(`/${DEV_PREFIX}`);
          if (at < 0) return next();
          const fileName = path.slice(at + DEV_PREFIX.length + 1);
          const p = await ctx.prepare().catch(() => undefined);
          const file = p?.files.find((f) => f.fileName === fileName);
          if (!file) {
            res.statusCode = 404; // ours to answer: the SPA fallback would send index.html as a "video"
            return res.end(`[masko] ${fileName} is not in the cache`);
          }
          res.setHeader('Content-Type', contentTypeOf(fileName) ?? 'application/octet-stream');
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
          res.setHeader('Content-Length', String(file.bytes));
          createReadStream(file.path).pipe(res);
        });
        void ctx.prepare().then(
          (p) => {
            const watched = [p.configFile, p.options.lockfile].filter((f): f is string => !!f);
            server.watcher.add(watched);
            server.watcher.on('change', (changed) => {
              if (!watched.includes(changed)) return;
              ctx.invalidate();
              const graph = server.environments?.client?.moduleGraph ?? server.moduleGraph;
              for (const mod of [...graph.idToModuleMap.values()].filter((m) => m.id?.startsWith(RESOLVED_PREFIX))) {
                graph.invalidateModule(mod);
              }
              server.ws.send({ type: 'full-reload' });
            });
          },
          (error: unknown) => log.warn(describeError(error)),
        );
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

interface WebpackLike {
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

/** webpack/Rspack: emit in processAssets on every compilation, so the files survive a persistent-cache hit. */
function emitEveryBuild(compiler: WebpackLike, prepare: () => Promise<Prepared>, reprepare: () => Promise<Prepared>): void {
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
