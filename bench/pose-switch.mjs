#!/usr/bin/env node
// Pose switch in Chromium: time from goTo() to the first rendered frame that shows the new pose, over
// N switches, with the next clip preloaded (already in the HTTP cache) and not (fetched on demand),
// and the blank frames seen meanwhile (every rendered frame is sampled). The calls are spread over the
// loop's phase (a page calls goTo() at any moment). The element switches at once by default; a third
// run, preloaded, measures switch="wrap" (it waits for the loop on screen to wrap before cutting: the
// time is split into that wait and the rest). The default mode's preloaded and fetched
// runs of the element share a page (two elements switching at once) to keep the run short. Baseline in the same page: a
// plain <video> whose src is swapped (time to the frame after its first requestVideoFrameCallback).
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
// Frames are counted at 60 Hz (16.7 ms), whatever rate the loaded headless page really draws at.
const FRAME_MS = 1000 / 60;

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
  const loopMs = base.poses.Idle.duration * 1000;
  const open = async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && !message.text().includes('404') && console.error(`page console: ${message.text()}`));
    await page.goto(`${server.url}/bench-pose-switch.html`);
    await page.waitForFunction(() => window.bench, null, { timeout: 60_000 });
    return page;
  };
  const options = (subject, preloaded, spreadMs) => ({ n: N, preloaded, tag: `${subject}-${preloaded ? 'warm' : 'cold'}-${Date.now()}`, width: WIDTH, spreadMs });
  // Ours: goTo() calls spread over the loop's phase. When the element cuts at the loop's wrap, a switch
  // lasts a whole loop whatever the phase, so the preloaded and fetched runs share one page (two
  // elements, switching at the same time) to keep the benchmark short.
  const page = await open();
  const [warm, cold] = await page.evaluate(([m, a, b]) => Promise.all([window.bench.runOurs(m, a), window.bench.runOurs(m, b)]),
    [base, options('ours', true, loopMs), options('ours', false, loopMs)]);
  await page.close();
  runs.push({ subject: 'ours', preloaded: true, ...warm, frameMs: summarize(warm.intervals).median });
  runs.push({ subject: 'ours', preloaded: false, ...cold, frameMs: summarize(cold.intervals).median });
  // switch="wrap" (opt-in): the element waits for the loop on screen to wrap; preloaded only, a page of
  // its own. The page helper makes a plain element, so the attribute is set as it is created.
  const wrapPage = await open();
  const wrapped = await wrapPage.evaluate(([m, o]) => {
    const create = document.createElement.bind(document);
    document.createElement = (name, opts) => {
      const el = create(name, opts);
      if (name === 'masko-mascot') el.setAttribute('switch', 'wrap');
      return el;
    };
    return window.bench.runOurs(m, o);
  }, [base, options('ours-wrap', true, loopMs)]);
  await wrapPage.close();
  runs.push({ subject: 'ours-wrap', preloaded: true, ...wrapped, frameMs: summarize(wrapped.intervals).median });
  // The baseline: src swaps, a page of its own per case, moments spread over 200 ms.
  for (const preloaded of [true, false]) {
    const videoPage = await open();
    const result = await videoPage.evaluate(([m, o]) => window.bench.runVideo(m, o), [base, options('video', preloaded, 200)]);
    await videoPage.close();
    runs.push({ subject: 'video', preloaded, ...result, frameMs: summarize(result.intervals).median });
  }
} finally {
  await browser.close();
  await server.close();
}

const row = (r) => {
  const ms = summarize(r.latencies);
  const frames = summarize(r.latencies.map((l) => l / FRAME_MS));
  const waited = r.split.filter((s) => s.wait > 0);
  return { r, ms, frames, waited: waited.length, wait: summarize(waited.map((s) => s.wait)), after: summarize(r.split.map((s) => s.after)) };
};
const table = runs.map(row);
const baselineOf = (preloaded) => table.find((t) => t.r.subject === 'video' && t.r.preloaded === preloaded);
printTable(table.map((t) => ({ r: t.r, ms: t.ms, frames: t.frames, t })).map(({ r, ms, frames, t }) => ({
  subject: { ours: '<masko-mascot> goTo()', 'ours-wrap': '<masko-mascot switch="wrap"> goTo()', video: '<video> src swap' }[r.subject],
  next: r.preloaded ? 'preloaded' : 'fetched',
  n: ms.n, 'median ms': ms.median.toFixed(1), 'p95 ms': ms.p95.toFixed(1),
  'median frames': frames.median.toFixed(2), 'p95 frames': frames.p95.toFixed(2),
  'blank frames': `${r.blankFrames}/${r.sampledFrames}`,
  'waited for wrap': r.subject !== 'video' ? `${t.waited}/${r.latencies.length}` : '',
  'after wrap median ms': r.subject !== 'video' ? t.after.median.toFixed(1) : '',
  'median vs video': (ms.median / summarize(baselineOf(r.preloaded).r.latencies).median).toFixed(2),
})));
const oursWarm = table.find((t) => t.r.subject === 'ours' && t.r.preloaded);
const oursWrap = table.find((t) => t.r.subject === 'ours-wrap');
const oursBlank = runs.filter((r) => r.subject !== 'video').reduce((n, r) => n + r.blankFrames, 0);
const met = oursBlank === 0 && oursWarm.frames.median <= TARGET_FRAMES_PRELOADED;
console.log(`\nswitch="wrap": waited for the loop on screen to wrap in ${oursWrap.waited}/${N} switches (median wait ${oursWrap.wait.median.toFixed(0)} ms); from the wrap to the new pose's frame: median ${oursWrap.after.median.toFixed(1)} ms (${(oursWrap.after.median / FRAME_MS).toFixed(2)} frames)`);
// (The default mode never waits: a switch the split counts as crossing a wrap was still loading then.)
console.log(`\ntarget: zero blank frames (ours: ${oursBlank}); preloaded switch ≤ ${TARGET_FRAMES_PRELOADED} frames (ours: median ${oursWarm.frames.median.toFixed(2)}, p95 ${oursWarm.frames.p95.toFixed(2)}): ${met ? 'met' : 'MISSED'}`);
const oursCold = table.find((t) => t.r.subject === 'ours' && !t.r.preloaded);
const videoBlank = runs.filter((r) => r.subject === 'video').reduce((n, r) => n + r.blankFrames, 0);
const fmt = (t) => `${t.ms.median.toFixed(0)} ms (${t.frames.median.toFixed(1)} fr), p95 ${t.ms.p95.toFixed(0)} ms`;
record('pose-switch', {
  headline: { figure: `Pose switch, ${N} switches (preloaded / fetched)`,
    ours: `${fmt(oursWarm)} / ${fmt(oursCold)}; ${oursBlank} blank frames; switch="wrap" (opt-in), preloaded: ${fmt(oursWrap)}, of which from the wrap to the new frame ${oursWrap.after.median.toFixed(0)} ms (${(oursWrap.after.median / FRAME_MS).toFixed(1)} fr)`,
    baseline: `<video> src swap: ${fmt(baselineOf(true))} / ${fmt(baselineOf(false))}; ${videoBlank} blank frames`,
    ratio: `${(oursWarm.ms.median / baselineOf(true).ms.median).toFixed(2)}x / ${(oursCold.ms.median / baselineOf(false).ms.median).toFixed(2)}x`,
    target: `0 blank frames; preloaded ≤ ${TARGET_FRAMES_PRELOADED} frames`, met },
  unit: 'ms (frames: at 60 Hz)', switches: N, width: WIDTH, format: 'webm',
  versions: { player: versionOf('masko-mascot'), chromium: browser.version() },
  targets: { blankFrames: 0, preloadedMedianFrames: TARGET_FRAMES_PRELOADED }, met,
  summary: table.map(({ r, ms, frames, waited, wait, after }) => ({ subject: r.subject, preloaded: r.preloaded, ms, frames, frameMs: r.frameMs, blankFrames: r.blankFrames, heldFrames: r.heldFrames, sampledFrames: r.sampledFrames,
    ...(r.subject !== 'video' ? { waitedForWrap: waited, waitForWrapMs: wait, afterWrapMs: after } : {}) })),
  raw: runs.map(({ intervals, ...r }) => r),
});
