#!/usr/bin/env node
// Builds the JavaScript of masko-mascot (tsc writes only the .d.ts files):
//   dist/index.js              npm entry: ES2022, lit and masko-manifest external, no dev warnings
//   dist/state-machine.js      the canvas state machine engine (`masko-mascot/state-machine`); index.js
//                              imports it on demand (code splitting), so bundlers make it a lazy chunk
//   dist/development/*.js      the same two with dev warnings (the `development` export condition)
//   dist/masko-mascot.js       self-contained, minified, Lit included, for <script type="module">;
//                              masko-manifest's validator/converter and the state machine are split
//                              into sibling chunks (dist/masko-manifest-*.js, dist/state-machine-*.js)
//                              that load only when a page gives JSON / plays a canvas
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Chunks carry a content hash: drop the previous build's, so dist/ holds one of each.
for (const dir of ['dist', 'dist/development']) {
  for (const file of readdirSync(`${root}${dir}`, { withFileTypes: true }).filter((f) => f.isFile())) {
    if (/^(masko-manifest|state-machine|chunk)-\w+\.js(\.map)?$/.test(file.name)) rmSync(`${root}${dir}/${file.name}`);
  }
}
rmSync(`${root}dist/lazy`, { recursive: true, force: true });
rmSync(`${root}dist/development/lazy`, { recursive: true, force: true });
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
  entryPoints: ['src/index.ts', 'src/state-machine.ts'],
  splitting: true, // index.js keeps `import('./state-machine.js')` instead of inlining it
  chunkNames: 'lazy/[name]-[hash]',
  external: ['lit', 'lit/*', '@lit/reactive-element', 'masko-manifest'],
};

await Promise.all([
  build({ ...npm, outdir: 'dist', define: prod, minifySyntax: true }), // folds DEV away, stays readable
  build({ ...npm, outdir: 'dist/development' }),
  build({
    ...common,
    entryPoints: { 'masko-mascot': 'src/index.ts' },
    outdir: 'dist',
    splitting: true,
    chunkNames: '[name]-[hash]',
    minify: true,
    define: prod,
  }),
]);
