#!/usr/bin/env node
// Pose switch in Chromium, in one run:
// - predicted: a canvas whose Idle has one way out (to Wave, when `go` is set); the mascot idles for
//   2 loops before each switch, so the element has fetched and decoded the clip in its idle slot.
//   Time from setInput() to the first rendered frame with the transition clip on screen.
// - unpredicted, preloaded: goTo() to a pose with no transition (a cut), each to URLs of its own
//   already in the HTTP cache but never decoded. Time from goTo() to the frame after it resolves.
// - baseline: a plain <video> whose src is swapped to a preloaded file (time to the frame after its
//   first requestVideoFrameCallback).
// Every rendered frame is sampled for blank ones. Figures are medians (p95 where the target says)
// with ~95% intervals; a target is met only when the interval clears it (bench/lib.mjs figure()).
// Writes bench/results/pose-switch.json.
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../test/support/chromium.mjs';
import { serveDir } from '../test/support/static-server.mjs';
import { figure, MIN_SAMPLES, printTable, record, versionOf } from './lib.mjs';
import { demoManifest } from './support/demo-manifest.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const N = Math.max(MIN_SAMPLES, Number(process.env.BENCH_SWITCHES ?? 50));
const N_PREDICTED = Math.max(MIN_SAMPLES, Number(process.env.BENCH_PREDICTED ?? 12));
const IDLE_LOOPS = 2;
const WIDTH = 200;
// Frames are counted at 60 Hz (16.7 ms), whatever rate the loaded headless page really draws at.
const FRAME_MS = 1000 / 60;

const html = `<!doctype html><meta charset="utf-8"><body style="margin:0">
<script type="module">
  import '/packages/player/dist/masko-mascot.js';
  window.bench = await import('/bench/support/pose-switch-page.js');
</script>`;

/** The demo as a canvas: Idle → Wave when `go` is set, Wave → Idle when it is cleared (their clips only). */
function predictedCanvas() {
  const manifest = demoManifest({ query: `?predicted-${Date.now()}` });
  const edge = (from, to, value) => ({ ...manifest.transitions.find((t) => t.from === from && t.to === to), conditions: [{ input: 'go', op: '==', value }] });
  return { ...manifest, inputs: [{ name: 'go', type: 'boolean', default: false }], transitions: [edge('Idle', 'Wave', true), edge('Wave', 'Idle', false)] };
}

const server = await serveDir(root, { pages: { '/bench-pose-switch.html': html }, cache: true });
const browser = await launchChromium();
const runs = {};
try {
  const open = async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && !message.text().includes('404') && console.error(`page console: ${message.text()}`));
    await page.goto(`${server.url}/bench-pose-switch.html`);
    await page.waitForFunction(() => window.bench, null, { timeout: 60_000 });
    return page;
  };
  const base = demoManifest({ transitions: false });
  const loopMs = base.poses.Idle.duration * 1000;
  const inPage = async (run, ...args) => {
    const page = await open();
    try {
      return await page.evaluate(([name, a]) => window.bench[name](...a), [run, args]);
    } finally {
      await page.close();
    }
  };
  runs.predicted = await inPage('runPredicted', predictedCanvas(), { n: N_PREDICTED, width: WIDTH, loops: IDLE_LOOPS });
  runs.unpredicted = await inPage('runOurs', base, { n: N, preloaded: true, tag: `ours-warm-${Date.now()}`, width: WIDTH, spreadMs: loopMs });
  runs.video = await inPage('runVideo', base, { n: N, preloaded: true, tag: `video-warm-${Date.now()}`, width: WIDTH, spreadMs: 200 });
} finally {
  await browser.close();
  await server.close();
}

const frames = (run) => run.latencies.map((ms) => ms / FRAME_MS);
const figures = {
  predictedMedian: figure(frames(runs.predicted), { atMost: 1, unit: 'frames' }),
  predictedP95: figure(frames(runs.predicted), { q: 0.95, atMost: 3, unit: 'frames' }),
  unpredictedMedian: figure(frames(runs.unpredicted), { atMost: 2, unit: 'frames' }),
  videoMedian: figure(frames(runs.video), { unit: 'frames' }),
  videoP95: figure(frames(runs.video), { q: 0.95, unit: 'frames' }),
};
const oursBlank = runs.predicted.blankFrames + runs.unpredicted.blankFrames;
const oursSampled = runs.predicted.sampledFrames + runs.unpredicted.sampledFrames;
const f = (x) => `${x.value.toFixed(2)} [${x.interval.map((v) => v.toFixed(2)).join(', ')}]`;
const verdict = (x) => (x.met === undefined ? '' : x.met ? 'met' : 'MISSED');
printTable([
  {
    case: 'predicted (canvas edge, idle 2 loops)',
    n: figures.predictedMedian.n,
    'median frames [95% interval]': f(figures.predictedMedian),
    'p95 frames [interval]': f(figures.predictedP95),
    target: 'median ≤ 1, p95 ≤ 3',
    verdict: `${verdict(figures.predictedMedian)} / ${verdict(figures.predictedP95)}`,
    blank: `${runs.predicted.blankFrames}/${runs.predicted.sampledFrames}`,
  },
  {
    case: 'unpredicted preloaded goTo()',
    n: figures.unpredictedMedian.n,
    'median frames [95% interval]': f(figures.unpredictedMedian),
    'p95 frames [interval]': '',
    target: 'median ≤ 2',
    verdict: verdict(figures.unpredictedMedian),
    blank: `${runs.unpredicted.blankFrames}/${runs.unpredicted.sampledFrames}`,
  },
  {
    case: '<video> src swap (baseline, preloaded)',
    n: figures.videoMedian.n,
    'median frames [95% interval]': f(figures.videoMedian),
    'p95 frames [interval]': f(figures.videoP95),
    target: '',
    verdict: '',
    blank: `${runs.video.blankFrames}/${runs.video.sampledFrames}`,
  },
]);
const met = oursBlank === 0 && figures.predictedMedian.met && figures.predictedP95.met && figures.unpredictedMedian.met;
console.log(`\nblank frames (ours): ${oursBlank} of ${oursSampled}; targets ${met ? 'met' : 'NOT all met'}`);
const fr = (x) => `${x.value.toFixed(2)} fr [${x.interval.map((v) => v.toFixed(2)).join('–')}]`;
record('pose-switch', {
  headline: {
    figure: `Pose switch: predicted (n=${N_PREDICTED}) / unpredicted preloaded goTo() (n=${N}), frames at 60 Hz, median [95% interval]`,
    ours: `predicted ${fr(figures.predictedMedian)}, p95 ${fr(figures.predictedP95)}; unpredicted ${fr(figures.unpredictedMedian)}; ${oursBlank} blank of ${oursSampled} frames`,
    baseline: `<video> src swap (n=${N}): ${fr(figures.videoMedian)}, p95 ${fr(figures.videoP95)}; ${runs.video.blankFrames} blank of ${runs.video.sampledFrames} frames`,
    ratio: `unpredicted ${(figures.unpredictedMedian.value / figures.videoMedian.value).toFixed(2)}x the src swap`,
    target: 'predicted median ≤ 1 fr, p95 ≤ 3 fr; unpredicted median ≤ 2 fr; 0 blank frames (met only when the interval clears the target)',
    met,
  },
  method:
    `Chromium (headless, software GL), one <masko-mascot> ${WIDTH} CSS px wide on the demo mascot, WebM path. `
    + `Predicted: a canvas whose Idle has one way out (to Wave when the input go is set); before each of ${N_PREDICTED} switches the mascot idles ${IDLE_LOOPS} loops, `
    + 'time from setInput() to the requestAnimationFrame after masko-transition-start. '
    + `Unpredicted: ${N} goTo() cuts to poses at URLs of their own, fetched into the HTTP cache first but never decoded, called at moments spread over the loop; `
    + 'time from goTo() to the requestAnimationFrame after it resolves. Baseline in the same run: a plain <video> whose src is swapped to a preloaded file, '
    + `time to the frame after its first requestVideoFrameCallback (${N} swaps). Every rendered frame is sampled: blank = no visible layer, a video without a frame of its source, or fewer than 10 of 16x16 samples opaque. `
    + 'Frames are latency / 16.7 ms. Each figure is the median (or p95) with a distribution-free ~95% interval from order statistics; a target is met only when the whole interval clears it.',
  unit: 'frames at 60 Hz',
  width: WIDTH,
  format: 'webm',
  versions: { player: versionOf('masko-mascot'), chromium: browser.version() },
  figures,
  met,
  blankFrames: { ours: oursBlank, oursSampled, video: runs.video.blankFrames, videoSampled: runs.video.sampledFrames },
  raw: Object.fromEntries(Object.entries(runs).map(([name, { intervals, ...run }]) => [name, run])),
});
