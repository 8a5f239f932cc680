#!/usr/bin/env node
// Pose switch in Chromium: time from goTo() to the first rendered frame that shows the new pose, over
// N switches, with the next clip preloaded (already in the HTTP cache) and not (fetched on demand),
// and the blank frames seen meanwhile (every rendered frame is sampled). Baseline in the same page:
// a plain <video> whose src is swapped (time to the frame after its first requestVideoFrameCallback).
// Writes bench/results/pose-switch.json.
import { fileURLToPath } from 'node:url';
import { launchChromium } from './support/chromium.mjs';
import { demoManifest } from './support/demo-manifest.mjs';
import { serveDir } from './support/static-server.mjs';
import { printTable, record, summarize, versionOf } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.env.BENCH_SWITCHES ?? 50);
const WIDTH = 200;
const TARGET_FRAMES_PRELOADED = 2;

const html = `<!doctype html><meta charset="utf-8"><body style="margin:0">
<script type="module">
  import '/packages/player/dist/masko-mascot.js';
  window.bench = await import('/bench/support/pose-switch-page.js');
</script>`;
const server = await serveDir(root, { pages: { '/bench-pose-switch.html': html }, cache: true });
const browser = await launchChromium();
const runs = [];
try {
  const base = demoManifest({ transitions: false });
  for (const preloaded of [true, false]) {
    for (const subject of ['ours', 'video']) {
      const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      page.on('console', (message) => message.type() === 'error' && console.error(`page console: ${message.text()}`));
      await page.goto(`${server.url}/bench-pose-switch.html`);
      await page.waitForFunction(() => window.bench, null, { timeout: 60_000 });
      const options = { n: N, preloaded, tag: `${subject}-${preloaded ? 'warm' : 'cold'}-${Date.now()}`, width: WIDTH };
      const result = await page.evaluate(([fn, m, o]) => window.bench[fn](m, o), [subject === 'ours' ? 'runOurs' : 'runVideo', base, options]);
      await page.close();
      runs.push({ subject, preloaded, ...result, frameMs: summarize(result.intervals).median });
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const row = (r) => {
  const ms = summarize(r.latencies);
  const frames = summarize(r.latencies.map((l) => l / r.frameMs));
  return { r, ms, frames };
};
const table = runs.map(row);
const baselineOf = (preloaded) => table.find((t) => t.r.subject === 'video' && t.r.preloaded === preloaded);
printTable(table.map(({ r, ms, frames }) => ({
  subject: r.subject === 'ours' ? '<masko-mascot> goTo()' : '<video> src swap',
  next: r.preloaded ? 'preloaded' : 'fetched',
  n: ms.n, 'median ms': ms.median.toFixed(1), 'p95 ms': ms.p95.toFixed(1),
  'median frames': frames.median.toFixed(2), 'p95 frames': frames.p95.toFixed(2),
  'blank frames': `${r.blankFrames}/${r.sampledFrames}`,
  'median vs video': (ms.median / summarize(baselineOf(r.preloaded).r.latencies).median).toFixed(2),
})));
const oursWarm = table.find((t) => t.r.subject === 'ours' && t.r.preloaded);
const oursBlank = runs.filter((r) => r.subject === 'ours').reduce((n, r) => n + r.blankFrames, 0);
const met = oursBlank === 0 && oursWarm.frames.median <= TARGET_FRAMES_PRELOADED;
console.log(`\ntarget: zero blank frames (ours: ${oursBlank}); preloaded switch ≤ ${TARGET_FRAMES_PRELOADED} frames (ours: median ${oursWarm.frames.median.toFixed(2)}, p95 ${oursWarm.frames.p95.toFixed(2)}): ${met ? 'met' : 'MISSED'}`);
const oursCold = table.find((t) => t.r.subject === 'ours' && !t.r.preloaded);
const videoBlank = runs.filter((r) => r.subject === 'video').reduce((n, r) => n + r.blankFrames, 0);
const fmt = (t) => `${t.ms.median.toFixed(0)} ms (${t.frames.median.toFixed(1)} fr), p95 ${t.ms.p95.toFixed(0)} ms`;
record('pose-switch', {
  headline: { figure: `Pose switch, ${N} switches (preloaded / fetched)`,
    ours: `${fmt(oursWarm)} / ${fmt(oursCold)}; ${oursBlank} blank frames`,
    baseline: `<video> src swap: ${fmt(baselineOf(true))} / ${fmt(baselineOf(false))}; ${videoBlank} blank frames`,
    ratio: `${(oursWarm.ms.median / baselineOf(true).ms.median).toFixed(2)}x / ${(oursCold.ms.median / baselineOf(false).ms.median).toFixed(2)}x`,
    target: `0 blank frames; preloaded ≤ ${TARGET_FRAMES_PRELOADED} frames`, met },
  unit: 'ms', switches: N, width: WIDTH, format: 'webm',
  versions: { player: versionOf('masko-mascot'), chromium: browser.version() },
  targets: { blankFrames: 0, preloadedMedianFrames: TARGET_FRAMES_PRELOADED }, met,
  summary: table.map(({ r, ms, frames }) => ({ subject: r.subject, preloaded: r.preloaded, ms, frames, frameMs: r.frameMs, blankFrames: r.blankFrames, sampledFrames: r.sampledFrames })),
  raw: runs.map(({ intervals, ...r }) => r),
});
