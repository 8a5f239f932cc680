#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
// Builds `masko-mascot/react` (dist/react.js, dist/development/react.js). The element itself is not
// bundled: `./index.js` stays an import of the sibling entry, so a page using both `masko-mascot`
// and `masko-mascot/react` has one element class. React and @lit/react stay external (peers).
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const siblingEntry = {
  name: 'sibling-entry',
  setup(b) {
    b.onResolve({ filter: /^\.\/index\.js$/ }, () => ({ path: './index.js', external: true }));
  },
};
const options = {
  absWorkingDir: root,
  entryPoints: ['src/react.ts'],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  external: ['react', '@lit/react'],
  plugins: [siblingEntry],
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
};
await Promise.all([build({ ...options, outdir: 'dist' }), build({ ...options, outdir: 'dist/development' })]);
