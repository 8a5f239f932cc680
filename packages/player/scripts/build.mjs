#!/usr/bin/env node
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// Builds the JavaScript of masko-mascot (tsc writes only the .d.ts files):
//   dist/index.js              npm entry: ES2022, lit and masko-manifest external, no dev warnings
//   dist/state-machine.js      the canvas state machine engine (`masko-mascot/state-machine`); index.js
//                              imports it on demand (code splitting), so bundlers make it a lazy chunk
//   dist/development/*.js      the same two with dev warnings (the `development` export condition)
//   dist/masko-mascot.js       self-contained, minified (esbuild, then terser), Lit included, for <script type="module">;
//                              masko-manifest's validator/converter and the state machine are split
//                              into sibling chunks (dist/masko-manifest-*.js, dist/state-machine-*.js)
//                              that load only when a page gives JSON / plays a canvas
// Usage: node scripts/build.mjs [outDir]   (default: dist; tests build into a temp dir instead,
// so nothing reading dist/ meanwhile sees it rewritten)
import { build } from 'esbuild';
import { minify } from 'terser';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(root, process.argv[2] ?? 'dist');
// Chunks carry a content hash: drop the previous build's, so the output holds one of each.
for (const dir of [out, `${out}/development`].filter((d) => existsSync(d))) {
  for (const file of readdirSync(dir, { withFileTypes: true }).filter((f) => f.isFile())) {
    if (/^(masko-manifest|state-machine|deferred|chunk)-\w+\.js(\.map)?$/.test(file.name)) rmSync(`${dir}/${file.name}`);
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
  }).then(({ outputFiles }) => Promise.all(outputFiles.filter((file) => file.path.endsWith('.js')).map((file) => terse(file, outputFiles)))),
]);

/**
 * The standalone files go through terser after esbuild: its names and folding make each file about
 * 2% smaller gzipped than esbuild's minifier alone (measured on masko-mascot.js: ~200 B). The source
 * map is carried through, so it still points into src/.
 */
async function terse(file, outputFiles) {
  const map = outputFiles.find((other) => other.path === `${file.path}.map`);
  const name = basename(file.path);
  const result = await minify(file.text, {
    module: true,
    ecma: 2022,
    sourceMap: { content: map.text, url: `${name}.map`, includeSources: true },
  });
  writeFileSync(file.path, result.code);
  writeFileSync(map.path, result.map);
}
