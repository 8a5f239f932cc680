#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
// Shipped size of <masko-mascot> (Lit included; the entry every page loads, then each lazy chunk on
// its own row: validator for `src` JSON, deferred features, state machine, stacked renderer) next to
// lottie-web, @lottiefiles/dotlottie-wc and @rive-app/canvas, all bundled in this run by the same esbuild settings (ES2022, minified, browser) from their
// npm packages, then gzip -9 and brotli -11. dotlottie-wc and Rive also fetch a WASM renderer at run
// time; each is listed on its own row. Writes bench/results/size.json.
import { build } from 'esbuild';
import { printTable, record, versionOf } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const TARGET_GZIP = 12 * 1024;
// The standalone file before the persistent slots and the feature modules (commit f32a6e9, measured
// with this script): issue 16 asks that it grow no larger.
const BEFORE_GZIP = 9721;

const measure = (bytes) => ({
  minified: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

async function bundle(contents) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    legalComments: 'none',
    write: false,
    logLevel: 'error',
  });
  return Buffer.from(result.outputFiles[0].contents);
}

// Ours: the real self-contained build (dist/masko-mascot.js), built now into a temp dir (not over
// packages/player/dist, which tests may be reading).
const dist = `${mkdtempSync(join(tmpdir(), 'masko-size-'))}/`;
process.on('exit', () => rmSync(dist, { recursive: true, force: true }));
const built = spawnSync(process.execPath, ['packages/player/scripts/build.mjs', dist], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(1);
const ours = readFileSync(`${dist}masko-mascot.js`);
// masko-manifest's validator and canvas-export converter: a chunk loaded only for JSON (src).
const chunk = readdirSync(dist).find((file) => file.startsWith('masko-manifest-') && file.endsWith('.js'));
if (!chunk) throw new Error(`no masko-manifest-*.js chunk in ${dist}: did the build change?`);
// The canvas state machine: the chunk the bundle imports when it first plays a canvas.
const machine = readdirSync(dist).find((file) => file.startsWith('state-machine-') && file.endsWith('.js'));
if (!machine) throw new Error(`no state-machine-*.js chunk in ${dist}: did the build change?`);
// Hit-testing, preloading, release and the media diagnosis: loaded once the first frame is on screen.
const deferred = readdirSync(dist).find((file) => file.startsWith('deferred-') && file.endsWith('.js'));
if (!deferred) throw new Error(`no deferred-*.js chunk in ${dist}: did the build change?`);
// The stacked-alpha renderer (WebGL compositing): the chunk imported when a stacked clip is first chosen.
const stacked = readdirSync(dist).find((file) => file.startsWith('stacked-') && file.endsWith('.js'));
if (!stacked) throw new Error(`no stacked-*.js chunk in ${dist}: did the build change?`);
// What ships of Lit: the player imports ReactiveElement and unsafeCSS only (no lit-html templates).
const lit = await bundle(
  `import { ReactiveElement, unsafeCSS } from '@lit/reactive-element'; customElements.define('x-x', class extends ReactiveElement {}); export { unsafeCSS };`,
);

const rows = [
  { name: 'masko-mascot (dist/masko-mascot.js)', version: JSON.parse(readFileSync(`${root}packages/player/package.json`, 'utf8')).version, ...measure(ours) },
  { name: '  of which Lit (@lit/reactive-element: ReactiveElement+unsafeCSS)', version: versionOf('@lit/reactive-element'), ...measure(lit) },
  {
    name: '  + validator/converter chunk (src JSON only)',
    version: JSON.parse(readFileSync(`${root}packages/manifest/package.json`, 'utf8')).version,
    ...measure(readFileSync(`${dist}${chunk}`)),
  },
  {
    name: '  + deferred features (chunk loaded after the first frame)',
    version: JSON.parse(readFileSync(`${root}packages/player/package.json`, 'utf8')).version,
    ...measure(readFileSync(`${dist}${deferred}`)),
  },
  {
    name: '  + state machine (lazy chunk for canvases)',
    version: JSON.parse(readFileSync(`${root}packages/player/package.json`, 'utf8')).version,
    ...measure(readFileSync(`${dist}${machine}`)),
  },
  {
    name: '  + stacked renderer (lazy chunk for stacked-alpha clips)',
    version: JSON.parse(readFileSync(`${root}packages/player/package.json`, 'utf8')).version,
    ...measure(readFileSync(`${dist}${stacked}`)),
  },
  { name: 'lottie-web', version: versionOf('lottie-web'), ...measure(await bundle(`import lottie from 'lottie-web'; globalThis.lottie = lottie;`)) },
  {
    name: 'lottie-web light',
    version: versionOf('lottie-web'),
    ...measure(await bundle(`import lottie from 'lottie-web/build/player/lottie_light.js'; globalThis.lottie = lottie;`)),
  },
  { name: '@lottiefiles/dotlottie-wc (JS)', version: versionOf('@lottiefiles/dotlottie-wc'), ...measure(await bundle(`import '@lottiefiles/dotlottie-wc';`)) },
  {
    name: '  + its WASM renderer (fetched at run time)',
    version: versionOf('@lottiefiles/dotlottie-web'),
    ...measure(readFileSync(`${root}node_modules/@lottiefiles/dotlottie-web/dist/dotlottie-player.wasm`)),
  },
  {
    name: '@rive-app/canvas (JS)',
    version: versionOf('@rive-app/canvas'),
    ...measure(await bundle(`import * as rive from '@rive-app/canvas'; globalThis.rive = rive;`)),
  },
  {
    name: '  + its WASM runtime (fetched at run time)',
    version: versionOf('@rive-app/canvas'),
    ...measure(readFileSync(`${root}node_modules/@rive-app/canvas/rive.wasm`)),
  },
];

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
printTable(
  rows.map((row) => ({
    package: row.name,
    version: row.version,
    minified: kb(row.minified),
    gzip: kb(row.gzip),
    brotli: kb(row.brotli),
    'gzip vs ours': `${(row.gzip / rows[0].gzip).toFixed(2)}x`,
  })),
);
const ok = rows[0].gzip <= TARGET_GZIP;
const notLarger = rows[0].gzip <= BEFORE_GZIP;
console.log(
  `\nmasko-mascot: ${rows[0].gzip} B gzipped (target ≤ ${kb(TARGET_GZIP)}: ${ok ? 'within' : 'OVER'}; before: ${BEFORE_GZIP} B: ${notLarger ? 'no larger' : `${rows[0].gzip - BEFORE_GZIP} B larger`})`,
);
// Sizes are deterministic (the same build gives the same bytes), so one measurement has no spread.
const deterministic = (value, atMost) => ({ q: 0.5, n: 1, deterministic: true, value, interval: [value, value], unit: 'B gzip', atMost, met: value <= atMost });
record('size', {
  unit: 'bytes',
  targetGzip: TARGET_GZIP,
  beforeGzip: BEFORE_GZIP,
  withinTarget: ok && notLarger,
  rows,
  figures: { gzip: deterministic(rows[0].gzip, TARGET_GZIP), gzipVsBefore: deterministic(rows[0].gzip, BEFORE_GZIP) },
  method:
    'dist/masko-mascot.js (the self-contained build, Lit included) rebuilt into a temp dir, then gzip -9 and brotli -11; its lazy chunks '
    + '(validator/converter for JSON src, deferred features after the first frame, state machine for canvases, stacked renderer for stacked-alpha clips) on rows of their own. lottie-web (full and light), '
    + '@lottiefiles/dotlottie-wc and @rive-app/canvas bundled from npm in the same run with the same esbuild settings (ES2022, minified, browser); '
    + 'their WASM renderers on rows of their own. Deterministic: one build is the figure.',
});
process.exit(ok ? 0 : 1);
