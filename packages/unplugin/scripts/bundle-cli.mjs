#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
// Bundles the `masko` CLI into one file (dist/cli.js, over tsc's output): Node then resolves and reads one
// module instead of ~100, which is most of the CLI's start-up (cold sync, bench/cold-sync.mjs). Native or
// optional packages stay external: sharp (native), c12 and jiti (loaded only for masko.config.ts).
// `undici` is the part masko-client uses (undici-for-cli.cjs), not undici's index (~1 MB more to compile),
// and without its HTTP/2 client, which masko-client never enables (undici-no-h2.cjs).
import { build } from 'esbuild';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const undiciForCli = {
  name: 'undici-for-cli',
  setup(b) {
    b.onResolve({ filter: /^undici$/ }, () => ({ path: here('./undici-for-cli.cjs') }));
    b.onResolve({ filter: /^\.\/client-h2\.js$/ }, ({ importer }) =>
      /[\\/]undici[\\/]lib[\\/]dispatcher[\\/]/.test(importer) ? { path: here('./undici-no-h2.cjs') } : undefined,
    );
  },
};
await build({
  entryPoints: [here('../src/cli.ts')],
  outfile: here('../dist/cli.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['sharp', 'c12', 'jiti'],
  plugins: [undiciForCli],
  // Some bundled CommonJS (undici's dependencies) calls require(); ESM has none.
  banner: { js: "import { createRequire as __maskoRequire } from 'node:module'; const require = __maskoRequire(import.meta.url);" },
  logLevel: 'warning',
});
