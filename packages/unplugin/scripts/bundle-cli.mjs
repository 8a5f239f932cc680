#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
// Bundles the `masko` CLI into one file (dist/cli.js, over tsc's output): Node then resolves and reads one
// module instead of ~100, which is most of the CLI's start-up (cold sync, bench/cold-sync.mjs). Native or
// optional packages stay external: sharp (native), c12 and jiti (loaded only for masko.config.ts).
import { build } from 'esbuild';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
await build({
  entryPoints: [here('../src/cli.ts')],
  outfile: here('../dist/cli.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['sharp', 'c12', 'jiti'],
  // Some bundled CommonJS (undici's dependencies) calls require(); ESM has none.
  banner: { js: "import { createRequire as __maskoRequire } from 'node:module'; const require = __maskoRequire(import.meta.url);" },
  logLevel: 'warning',
});
