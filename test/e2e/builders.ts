/** One in-process production build per bundler, all of the same fixture app, each into its own directory. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MaskoOptions } from 'unplugin-masko';

export const APP = fileURLToPath(new URL('./fixtures/app/', import.meta.url));
const ENTRY = join(APP, 'src/main.js');
const HTML = '<!doctype html><html><head><meta charset="utf-8"></head><body><script type="module" src="./main.js"></script></body></html>\n';

export type Bundler = 'vite' | 'webpack' | 'rspack' | 'rollup' | 'esbuild';

export interface BuildTarget {
  outDir: string;
  options: MaskoOptions;
  base?: string;
  webpackCacheDir?: string;
}

async function page(outDir: string, script = './main.js'): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'index.html'), HTML.replace('./main.js', script));
}

function runWebpackLike(compiler: {
  run(cb: (err: Error | null, stats?: { hasErrors(): boolean; toString(o: unknown): string }) => void): void;
  close(cb: (err?: Error | null) => void): void;
}): Promise<void> {
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => {
        if (err) return reject(err);
        if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        resolve();
      });
    }),
  );
}

export const build: Record<Bundler, (t: BuildTarget) => Promise<void>> = {
  async vite({ outDir, options, base = '/' }) {
    const { build: viteBuild } = await import('vite');
    const masko = (await import('unplugin-masko/vite')).default;
    await viteBuild({ root: APP, base, configFile: false, logLevel: 'silent', plugins: [masko(options)], build: { outDir, emptyOutDir: true } });
  },
  async webpack({ outDir, options, webpackCacheDir }) {
    const { default: webpack } = await import('webpack');
    const masko = (await import('unplugin-masko/webpack')).default;
    const compiler = webpack({
      mode: 'production',
      context: APP,
      entry: ENTRY,
      output: { path: outDir, filename: 'main.js', publicPath: '/', clean: true },
      plugins: [masko(options)],
      ...(webpackCacheDir ? { cache: { type: 'filesystem' as const, cacheDirectory: webpackCacheDir } } : { cache: false as const }),
    });
    await runWebpackLike(compiler as never);
    await page(outDir);
  },
  async rspack({ outDir, options }) {
    const { rspack } = await import('@rspack/core');
    const masko = (await import('unplugin-masko/rspack')).default;
    const compiler = rspack({
      mode: 'production',
      context: APP,
      entry: ENTRY,
      output: { path: outDir, filename: 'main.js', publicPath: '/', clean: true },
      plugins: [masko(options)],
    });
    await runWebpackLike(compiler as never);
    await page(outDir);
  },
  async rollup({ outDir, options }) {
    const { rollup } = await import('rollup');
    const masko = (await import('unplugin-masko/rollup')).default;
    const bundle = await rollup({ input: ENTRY, plugins: [masko(options)] });
    await bundle.write({ dir: outDir, format: 'es', entryFileNames: 'js/main.js' });
    await bundle.close();
    await page(outDir, './js/main.js');
  },
  async esbuild({ outDir, options }) {
    const esbuild = await import('esbuild');
    const masko = (await import('unplugin-masko/esbuild')).default;
    await esbuild.build({
      entryPoints: { main: ENTRY },
      bundle: true,
      format: 'esm',
      outdir: outDir,
      publicPath: '/',
      logLevel: 'silent',
      plugins: [masko(options)],
    });
    await page(outDir);
  },
};
