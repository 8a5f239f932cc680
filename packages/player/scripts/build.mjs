#!/usr/bin/env node
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// Builds the JavaScript of masko-mascot (tsc writes only the .d.ts files):
//   dist/index.js              npm entry: ES2022, lit and masko-manifest external, no dev warnings
//   dist/state-machine.js      the canvas state machine engine (`masko-mascot/state-machine`); index.js
//                              imports it on demand (code splitting), so bundlers make it a lazy chunk
//   dist/lazy/*.js             index.js's lazy chunks: the manifest reader, the deferred features, the
//                              stacked renderer (WebGL), and the code the stacked renderer shares with index.js
//   dist/development/*.js      the same with dev warnings (the `development` export condition)
//   dist/masko-mascot.js       self-contained, minified (esbuild, rechunked by rollup, then terser), Lit
//                              included, for <script type="module">; sibling chunks load only when needed:
//                              dist/masko-manifest-*.js (validator/converter: a page gives JSON),
//                              dist/deferred-*.js (after the first frame), dist/state-machine-*.js (a
//                              canvas), dist/stacked-*.js (a stacked-alpha clip: Apple WebKit without
//                              HEVC, Android, renderer="stacked"; it imports its <video> helpers from
//                              ./masko-mascot.js, so the files keep their names, side by side)
// Usage: node scripts/build.mjs [outDir]   (default: dist; tests build into a temp dir instead,
// so nothing reading dist/ meanwhile sees it rewritten)
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { minify } from 'terser';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(root, process.argv[2] ?? 'dist');
// Chunks carry a content hash: drop the previous build's, so the output holds one of each.
for (const dir of [out, `${out}/development`].filter((d) => existsSync(d))) {
  for (const file of readdirSync(dir, { withFileTypes: true }).filter((f) => f.isFile())) {
    if (/^(masko-manifest|state-machine|deferred|stacked|chunk)-\w+\.js(\.map)?$/.test(file.name)) rmSync(`${dir}/${file.name}`);
  }
}
rmSync(`${out}/lazy`, { recursive: true, force: true });
rmSync(`${out}/development/lazy`, { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  entryPoints: ['src/index.ts'],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  conditions: ['source'], // masko-manifest from its TypeScript sources (bundled only in the standalone build)
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
};
const prod = { 'globalThis.MASKO_DEV': 'false' };
const npm = {
  ...common,
  entryPoints: ['src/index.ts', 'src/state-machine.ts', 'src/fallback.ts'],
  splitting: true, // index.js keeps `import('./state-machine.js')` instead of inlining it
  chunkNames: 'lazy/[name]-[hash]',
  external: ['lit', 'lit/*', '@lit/reactive-element', 'masko-manifest'],
};

await Promise.all([
  build({ ...npm, outdir: out, define: prod, minifySyntax: true }), // folds DEV away, stays readable
  build({ ...npm, outdir: `${out}/development` }),
  build({
    ...common,
    entryPoints: { 'masko-mascot': 'src/index.ts' },
    outdir: out,
    splitting: true,
    chunkNames: '[name]-[hash]',
    minify: true,
    define: prod,
    write: false,
  })
    .then(({ outputFiles }) => rechunk(outputFiles))
    .then((chunks) => Promise.all(chunks.map(terse))),
]);

/**
 * esbuild puts code that the entry and a lazy chunk share (the `<video>` helpers of the stacked
 * renderer) in a shared chunk that the entry imports statically: one more request before the first
 * frame. Rollup, given esbuild's files, moves what the entry already loads back into it, and the
 * lazy chunks import it from the entry instead (under short internal export names).
 */
async function rechunk(outputFiles) {
  const files = new Map(outputFiles.map((file) => [file.path, file.text]));
  const bundle = await rollup({
    input: `${out}/masko-mascot.js`,
    treeshake: false, // esbuild has shaken it; this pass only moves code between files
    preserveEntrySignatures: 'allow-extension', // the entry may export what the chunks import of it
    plugins: [
      {
        name: 'esbuild-output',
        resolveId: (id, importer) => (importer ? resolve(dirname(importer), id) : id),
        load: (id) => ({ code: files.get(id), map: files.get(`${id}.map`) }),
      },
    ],
    onwarn(warning) {
      throw new Error(`rollup: ${warning.message}`);
    },
  });
  const { output } = await bundle.generate({
    dir: out, // source map paths relative to it (nothing is written here: terser writes)
    format: 'es',
    sourcemap: true,
    // esbuild's name (`stacked-HASH`) without its hash, then one of the final content.
    chunkFileNames: ({ name }) => `${name.replace(/-[A-Z2-7]{8}$/, '')}-[hash].js`,
    hashCharacters: 'base36',
  });
  return output
    .filter((file) => file.type === 'chunk')
    .map(({ fileName, code, map }) => ({ path: `${out}/${fileName}`, text: code, map: JSON.stringify(map) }));
}

/**
 * The standalone files go through terser after esbuild: its names and folding make each file about
 * 2% smaller gzipped than esbuild's minifier alone (measured on masko-mascot.js: ~200 B). The source
 * map is carried through, so it still points into src/.
 */
async function terse(file) {
  const name = basename(file.path);
  const result = await minify(file.text, {
    module: true,
    ecma: 2022,
    sourceMap: { content: file.map, url: `${name}.map`, includeSources: true },
  });
  writeFileSync(file.path, result.code);
  writeFileSync(`${file.path}.map`, result.map);
}
