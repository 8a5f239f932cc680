#!/usr/bin/env node
// Soak: many pose switches on the standalone <masko-mascot> (packages/player/dist) playing the demo
// mascot in Chromium, one element per renderer (stacked-alpha WebGL and VP9 WebM) switching at once.
// Most switches interrupt the one before (a short wait), every 25th waits for arrival. Measured
// through the Chrome DevTools Protocol after a forced GC: live <video> objects (Runtime.queryObjects,
// detached ones included), JS event listeners and DOM nodes (Performance.getMetrics), JS heap used.
// Growth is judged from a warm-up sample (after 10% of the switches) to the end.
//   node bench/soak.mjs [switches=1000]     → table + bench/results/soak.json
// The test suite runs a short version (test/reliability/soak.test.ts) through runSoak().
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from '../test/support/chromium.mjs';
import { serveDir } from '../test/support/static-server.mjs';
import { printTable, record } from './lib.mjs';
import { demoManifest } from './support/demo-manifest.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const page = (renderers) => `<!doctype html><meta charset="utf-8"><title>soak</title>
<script type="module" src="/packages/player/dist/masko-mascot.js"></script>
${renderers.map((r) => `<masko-mascot id="${r}" renderer="${r}" loading="eager" style="width:160px"></masko-mascot>`).join('\n')}`;
// Direct switches (Idle ↔ X) and routed ones (X → Y through Idle: two clips).
const POSES = process.env.SOAK_POSES ? process.env.SOAK_POSES.split(',') : ['Wave', 'Idle', 'Thumbs Up', 'Thinking', 'Idle', 'Wave', 'Thinking', 'Thumbs Up'];

/** Growth allowed as noise: a few listeners (timers, observers in flight) and 10% + 2 MB of heap. */
export const NOISE = { videos: 0, listeners: 8, nodes: 16, heapRatio: 0.1, heapBytes: 2 * 2 ** 20 };

async function sample(cdp, page, switches) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const proto = await cdp.send('Runtime.evaluate', { expression: 'HTMLVideoElement.prototype' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const count = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    returnByValue: true,
    // Detached ones holding a src keep decoding resources; released ones (src removed) only cost memory.
    functionDeclaration:
      'function () { return { all: this.length, detachedWithSrc: this.filter((v) => !v.isConnected && v.currentSrc).length, playing: this.filter((v) => !v.paused).length }; }',
  });
  // Release what queryObjects handed us: a held array would keep every video it found alive.
  await cdp.send('Runtime.releaseObject', { objectId: objects.objectId });
  await cdp.send('Runtime.releaseObject', { objectId: proto.result.objectId });
  const { errors, rejections, shadowVideos } = await page.evaluate(() => ({
    errors: window.__soakErrors.length,
    rejections: window.__soakRejections,
    shadowVideos: [...document.querySelectorAll('masko-mascot')].reduce((n, el) => n + el.shadowRoot.querySelectorAll('video').length, 0),
  }));
  const v = count.result.value;
  return {
    switches,
    videos: v.all,
    detachedWithSrc: v.detachedWithSrc,
    playingVideos: v.playing,
    shadowVideos,
    listeners: metrics.JSEventListeners,
    nodes: metrics.Nodes,
    heapUsed: metrics.JSHeapUsedSize,
    errors,
    rejections,
  };
}

/** Runs the soak and returns the samples and the verdict (what grew beyond NOISE). */
export async function runSoak({ switches = 1000, samples = 5, renderers = ['stacked', 'webm'], interrupt = true } = {}) {
  const server = await serveDir(ROOT, { pages: { '/soak.html': page(renderers) }, cache: true });
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage();
    const pageErrors = [];
    tab.on('pageerror', (e) => pageErrors.push(e.message));
    await tab.goto(`${server.url}/soak.html`);
    const cdp = await tab.context().newCDPSession(tab);
    await cdp.send('Performance.enable');
    await tab.evaluate(async (manifest) => {
      window.__soakErrors = [];
      window.__soakRejections = 0;
      window.__soakRejectionKinds = new Set(); // a count and the distinct kinds: the harness must not grow itself
      await customElements.whenDefined('masko-mascot');
      const els = [...document.querySelectorAll('masko-mascot')];
      for (const el of els) {
        el.addEventListener('masko-error', (e) => window.__soakErrors.push(`masko-error ${e.detail.reason}: ${e.detail.message}`));
        el.manifest = manifest;
      }
      await Promise.all(els.map((el) => new Promise((resolve) => (el.currentSource ? resolve() : el.addEventListener('masko-load', resolve, { once: true })))));
    }, demoManifest());
    const run = (from, to) =>
      tab.evaluate(
        async ({ from, to, poses, interrupt }) => {
          const els = [...document.querySelectorAll('masko-mascot')];
          const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
          for (let i = from; i < to; i++) {
            const pose = poses[i % poses.length];
            const arrivals = els.map((el) =>
              el.goTo(pose).catch((e) => {
                window.__soakRejections++;
                window.__soakRejectionKinds.add(String(e).replace(/"[^"]*"/g, '…'));
              }),
            );
            // Mostly interrupt the switch in flight; now and then let it arrive.
            await Promise.race([Promise.all(arrivals), sleep(!interrupt || i % 25 === 24 ? 8000 : 15)]);
          }
        },
        { from, to, poses: POSES, interrupt },
      );
    const warmAt = Math.max(1, Math.round(switches / 10));
    await run(0, warmAt);
    const rows = [await sample(cdp, tab, warmAt)];
    const step = Math.ceil((switches - warmAt) / Math.max(1, samples - 1));
    for (let done = warmAt; done < switches; ) {
      const next = Math.min(switches, done + step);
      await run(done, next);
      done = next;
      rows.push(await sample(cdp, tab, done));
    }
    const warm = rows[0];
    const end = rows.at(-1);
    const growth = {
      videos: end.videos - warm.videos,
      listeners: end.listeners - warm.listeners,
      nodes: end.nodes - warm.nodes,
      heapBytes: end.heapUsed - warm.heapUsed,
    };
    const over = [];
    if (growth.videos > NOISE.videos) over.push(`videos +${growth.videos}`);
    if (growth.listeners > NOISE.listeners) over.push(`listeners +${growth.listeners}`);
    if (growth.nodes > NOISE.nodes) over.push(`nodes +${growth.nodes}`);
    if (growth.heapBytes > warm.heapUsed * NOISE.heapRatio + NOISE.heapBytes) over.push(`heap +${(growth.heapBytes / 2 ** 20).toFixed(1)} MB`);
    const examples = await tab.evaluate(() => ({ errors: window.__soakErrors.slice(0, 3), rejections: [...window.__soakRejectionKinds] }));
    return { switches, rows, growth, over, pageErrors, examples, noise: NOISE };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const switches = Number(process.argv[2] ?? 1000);
  const renderers = process.argv[3] ? process.argv[3].split(',') : undefined;
  // SOAK_INTERRUPT=0: every switch waits for arrival (isolates leaks of interrupted switches).
  const result = await runSoak({ switches, samples: 6, interrupt: process.env.SOAK_INTERRUPT !== '0', ...(renderers ? { renderers } : {}) });
  printTable(result.rows.map((r) => ({ ...r, heapUsed: `${(r.heapUsed / 2 ** 20).toFixed(2)} MB` })));
  console.log(
    `\ngrowth after warm-up: ${JSON.stringify(result.growth)}; beyond noise: ${result.over.length ? result.over.join(', ') : 'nothing'}; page errors: ${result.pageErrors.length}`,
  );
  console.log(`examples: ${JSON.stringify(result.examples)}`);
  record('soak', result);
  if (result.over.length || result.pageErrors.length) process.exitCode = 1;
}
