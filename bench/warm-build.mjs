#!/usr/bin/env node
// Warm build: `vite build` of the e2e fixture app (test/e2e/fixtures/app) with unplugin-masko, its
// lockfile and cache already filled, against the same app importing the same manifest as a plain JSON
// file (written by `masko pull`, its assets in public/ so Vite copies the same files). Builds run
// in-process, alternating, after one warm-up each; the emulator's request log must not grow during
// the warm builds. Writes bench/results/warm-build.json.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO, startEmulator } from 'masko-emulator';
import { printTable, record, summarize, versionOf } from './lib.mjs';
import { KEY, masko, project } from './support/cli.mjs';

const APP = fileURLToPath(new URL('../test/e2e/fixtures/app/', import.meta.url));
const REPEATS = Math.max(Number(process.env.BENCH_REPEATS ?? 15), 5); // builds take ~0.1 s: many samples are cheap
const TARGET_OVERHEAD = 0.1;

const { build } = await import('vite');
const maskoVite = (await import('unplugin-masko/vite')).default;
const emulator = await startEmulator({ port: 0, admin: true, rateLimit: false });
const config = { mascots: { felix: { collection: DEMO.collectionId, sizes: [360] } } };
const ours = await project(config);
const plain = await project({});
const samples = { plugin: [], plain: [], prepare: [] };
let requestsDuringWarmBuilds = 0;
let emittedFiles = 0;

async function buildApp(kind) {
  const root = kind === 'plugin' ? ours.root : plain.root;
  const plugins = kind === 'plugin' ? [maskoVite({ root, apiKey: KEY, apiUrl: emulator.apiUrl })] : [];
  const started = performance.now();
  const output = await build({ root, configFile: false, logLevel: 'silent', plugins, build: { outDir: join(root, 'dist'), emptyOutDir: true } });
  const ms = performance.now() - started;
  return { ms, files: output.output.length };
}

try {
  // The plugin app: the fixture as is; its cache and lockfile filled by a cold `masko pull`, which also
  // writes the plain app's manifest and assets.
  await cp(APP, ours.root, { recursive: true });
  await cp(APP, plain.root, { recursive: true });
  const pulled = join(plain.root, 'pulled');
  await masko('pull', ours.root, emulator.apiUrl, ['--out', pulled]);
  await mkdir(join(plain.root, 'public'), { recursive: true });
  await cp(join(pulled, 'assets'), join(plain.root, 'public/assets'), { recursive: true });
  await cp(join(pulled, 'felix.json'), join(plain.root, 'src/felix.json'));
  await rm(pulled, { recursive: true });
  const main = await readFile(join(APP, 'src/main.js'), 'utf8');
  await writeFile(join(plain.root, 'src/main.js'), main.replace("from 'virtual:masko/felix'", "from './felix.json'"));

  await buildApp('plugin'); // warm-up: Vite's and the plugin's modules loaded once
  await buildApp('plain');
  const before = emulator.requests().length;
  for (let i = 0; i < REPEATS; i++) {
    for (const kind of i % 2 ? ['plain', 'plugin'] : ['plugin', 'plain']) {
      const result = await buildApp(kind);
      samples[kind].push(result.ms);
      if (kind === 'plugin') emittedFiles = result.files;
    }
  }
  requestsDuringWarmBuilds = emulator.requests().length - before;
  // Where the overhead goes: the plugin's own work before Vite bundles (config, lockfile, cache
  // integrity checks, manifests), timed on fresh contexts as each build creates one. Internal API.
  const { MaskoContext } = await import('../packages/unplugin/dist/core/context.js');
  const quiet = { info() {}, warn() {} };
  const contextFor = () => new MaskoContext({ root: ours.root, apiKey: KEY, apiUrl: emulator.apiUrl }, { mode: 'build', logger: quiet });
  await contextFor().prepare(); // warm-up
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    await contextFor().prepare();
    samples.prepare.push(performance.now() - started);
  }
} finally {
  await emulator.close();
  await ours.remove();
  await plain.remove();
}

const withPlugin = summarize(samples.plugin);
const asFile = summarize(samples.plain);
const overhead = withPlugin.median / asFile.median - 1;
printTable([
  {
    build: 'vite build + unplugin-masko (warm cache)',
    'median ms': withPlugin.median.toFixed(0),
    'p95 ms': withPlugin.p95.toFixed(0),
    'vs plain file': `${(withPlugin.median / asFile.median).toFixed(2)}x`,
  },
  {
    build: "  of which the plugin's prepare() (config, lockfile, cache checks)",
    'median ms': summarize(samples.prepare).median.toFixed(0),
    'p95 ms': summarize(samples.prepare).p95.toFixed(0),
    'vs plain file': '',
  },
  { build: 'vite build, manifest as a plain JSON file', 'median ms': asFile.median.toFixed(0), 'p95 ms': asFile.p95.toFixed(0), 'vs plain file': '1.00x' },
]);
const met = overhead <= TARGET_OVERHEAD && requestsDuringWarmBuilds === 0;
console.log(`\n${emittedFiles} output files; network requests during warm builds: ${requestsDuringWarmBuilds}`);
console.log(
  `target: ≤ ${TARGET_OVERHEAD * 100}% overhead (${(overhead * 100).toFixed(1)}%) and zero requests (${requestsDuringWarmBuilds}): ${met ? 'met' : 'MISSED'}`,
);
record('warm-build', {
  headline: {
    figure: 'Warm vite build of the fixture app',
    ours: `${withPlugin.median.toFixed(0)} ms, ${requestsDuringWarmBuilds} requests`,
    baseline: `plain JSON manifest ${asFile.median.toFixed(0)} ms`,
    ratio: `+${(overhead * 100).toFixed(0)}%`,
    target: `≤ +${TARGET_OVERHEAD * 100}%, 0 requests`,
    met,
  },
  unit: 'ms',
  repeats: REPEATS,
  versions: { vite: versionOf('vite'), 'unplugin-masko': versionOf('unplugin-masko') },
  targets: { overhead: TARGET_OVERHEAD, requests: 0 },
  met,
  summary: { plugin: withPlugin, plain: asFile, prepare: summarize(samples.prepare), overhead, requestsDuringWarmBuilds, emittedFiles },
  samples,
});
