#!/usr/bin/env node
// Compositing cost in Chromium: main-thread time per rendered frame with 1, 10 and 30 stacked-alpha
// mascots playing (<masko-mascot renderer="stacked">, one shared WebGL context), against a canvas-2D
// compositor (drawImage + getImageData + a JS alpha copy + putImageData) playing the same file at the
// same size in the same page. Main-thread time: Chrome DevTools Protocol Performance.getMetrics
// TaskDuration (all main-thread tasks) delta over a window, divided by the frames rendered in it.
// Writes bench/results/compositing.json.
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../test/support/chromium.mjs';
import { serveDir } from '../test/support/static-server.mjs';
import { printTable, record, summarize, versionOf } from './lib.mjs';
import { demoManifest } from './support/demo-manifest.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const COUNTS = [1, 10, 30];
const WIDTH = 160;
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 3000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 2);
const TARGET_RATIO_AT_10 = 5;

const html = `<!doctype html><meta charset="utf-8"><body style="margin:0">
<script type="module">
  import '/packages/player/dist/masko-mascot.js';
  window.bench = await import('/bench/support/compositing-page.js');
</script>`;
const server = await serveDir(root, { pages: { '/bench-compositing.html': html }, cache: true });
const browser = await launchChromium();
const manifest = demoManifest({ transitions: false });
const url = manifest.poses.Idle.media.stacked.find((v) => v.width >= WIDTH).url;
const samples = [];

async function measure(page, cdp) {
  const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await page.waitForTimeout(800); // settle: first frames, decoder start
  const before = await metric();
  await page.evaluate(() => window.bench.startCounting());
  await page.waitForTimeout(WINDOW_MS);
  const frames = await page.evaluate(() => window.bench.stopCounting());
  const after = await metric();
  const delta = (name) => (after[name] - before[name]) * 1000;
  return { frames, taskMs: delta('TaskDuration'), scriptMs: delta('ScriptDuration'), taskMsPerFrame: delta('TaskDuration') / frames };
}

try {
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    for (const n of COUNTS) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      await page.goto(`${server.url}/bench-compositing.html`);
      await page.waitForFunction(() => window.bench, null, { timeout: 60_000 });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      // Alternate which goes first so warm-up effects do not favour one side.
      const order = repeat % 2 ? ['canvas2d', 'ours'] : ['ours', 'canvas2d'];
      for (const subject of order) {
        if (subject === 'ours') await page.evaluate(([m, k, w]) => window.bench.mountOurs(m, k, w), [manifest, n, WIDTH]);
        else await page.evaluate(([u, k, w]) => window.bench.mountBaseline(u, k, w), [url, n, WIDTH]);
        samples.push({ subject, n, repeat, ...(await measure(page, cdp)) });
        await page.evaluate(() => window.bench.unmount());
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const median = (subject, n) => summarize(samples.filter((s) => s.subject === subject && s.n === n).map((s) => s.taskMsPerFrame)).median;
const fps = (subject, n) => summarize(samples.filter((s) => s.subject === subject && s.n === n).map((s) => s.frames / (WINDOW_MS / 1000))).median;
const rows = COUNTS.map((n) => ({ n, ours: median('ours', n), canvas2d: median('canvas2d', n), oursFps: fps('ours', n), canvas2dFps: fps('canvas2d', n) }));
printTable(
  rows.map((r) => ({
    elements: r.n,
    'ours ms/frame': r.ours.toFixed(2),
    'canvas-2D ms/frame': r.canvas2d.toFixed(2),
    'canvas-2D / ours': (r.canvas2d / r.ours).toFixed(1),
    'ours fps': r.oursFps.toFixed(0),
    'canvas-2D fps': r.canvas2dFps.toFixed(0),
  })),
);
const at10 = rows.find((r) => r.n === 10);
const met = at10.canvas2d / at10.ours >= TARGET_RATIO_AT_10;
console.log(
  `\ntarget: ≥ ${TARGET_RATIO_AT_10}x cheaper than canvas-2D at 10 elements (ours: ${(at10.canvas2d / at10.ours).toFixed(1)}x): ${met ? 'met' : 'MISSED'}`,
);
record('compositing', {
  headline: {
    figure: 'Compositing, main-thread ms per frame (1 / 10 / 30 elements)',
    ours: rows.map((r) => r.ours.toFixed(1)).join(' / '),
    baseline: `canvas-2D: ${rows.map((r) => r.canvas2d.toFixed(1)).join(' / ')}`,
    ratio: `${rows.map((r) => (r.canvas2d / r.ours).toFixed(1)).join(' / ')}x cheaper`,
    target: `≥ ${TARGET_RATIO_AT_10}x cheaper at 10`,
    met,
  },
  unit: 'ms of main-thread task time per rendered frame',
  width: WIDTH,
  windowMs: WINDOW_MS,
  file: url,
  versions: { player: versionOf('masko-mascot'), chromium: browser.version(), gl: 'ANGLE SwiftShader (software)' },
  targets: { canvas2dOverOursAt10: TARGET_RATIO_AT_10 },
  met,
  summary: rows.map((r) => ({ ...r, ratio: r.canvas2d / r.ours })),
  samples,
});
