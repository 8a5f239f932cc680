#!/usr/bin/env node
// Bytes a page fetches for one <masko-mascot> at 96, 200 and 480 CSS px on screens of DPR 1, 2 and 3
// (Chromium: the WebM path), counted by the static server (every body byte it sent for the mascot's
// files: the poster placeholder and the video). Baselines, for the same kinds of file the element
// fetched (so only the size choice differs): always the largest variant (what a hand-written page that
// ships one file fetches), and the ideal (the smallest variant at least CSS width × DPR wide, uncapped).
// Writes bench/results/bytes.json.
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../test/support/chromium.mjs';
import { serveDir } from '../test/support/static-server.mjs';
import { printTable, record, summarize, versionOf } from './lib.mjs';
import { demoManifest, MEDIA_URL } from './support/demo-manifest.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const WIDTHS = [96, 200, 480];
const DPRS = [1, 2, 3];
const POSE = 'Idle';

const page = (css) => `<!doctype html><meta charset="utf-8"><body style="margin:0">
<script type="module">
  import '/packages/player/dist/masko-mascot.js';
  const el = document.createElement('masko-mascot');
  el.setAttribute('loading', 'eager');
  el.style.width = '${css}px';
  el.addEventListener('masko-load', () => { window.__loaded = el.currentSource; }, { once: true });
  el.addEventListener('masko-error', (e) => { window.__error = e.detail.message; });
  el.manifest = ${JSON.stringify(demoManifest({ transitions: false }))};
  document.body.append(el);
</script>`;

const manifest = demoManifest({ transitions: false });
const pose = manifest.poses[POSE];
const pick = (list, needed) => list.find((v) => v.width >= needed) ?? list.at(-1);
/** The variant list (poster or WebM) a fetched path belongs to. */
const listOf = (path) => [pose.poster, pose.media.webm].find((list) => list.some((v) => v.url === path));

const pages = Object.fromEntries(WIDTHS.map((css) => [`/bench-bytes-${css}.html`, page(css)]));
const server = await serveDir(root, { pages });
const browser = await launchChromium();
const rows = [];
try {
  for (const dpr of DPRS) {
    for (const css of WIDTHS) {
      const context = await browser.newContext({ deviceScaleFactor: dpr, viewport: { width: 1000, height: 800 } });
      const tab = await context.newPage();
      server.resetCounts();
      await tab.goto(`${server.url}/bench-bytes-${css}.html`);
      await tab.waitForFunction(() => window.__loaded || window.__error, null, { timeout: 30_000 });
      const { __loaded: chosen, __error: error } = await tab.evaluate(() => ({ __loaded: window.__loaded, __error: window.__error }));
      if (error) throw new Error(`bytes: ${css}px @${dpr}x: ${error}`);
      await tab.waitForTimeout(800); // let the video finish downloading
      await context.close();
      const fetched = [...server.sent()].filter(([path]) => path.startsWith(MEDIA_URL));
      const lists = fetched.map(([path]) => listOf(path));
      if (lists.includes(undefined)) throw new Error(`bytes: fetched a file of no ${POSE} variant list: ${fetched.map(([p]) => p)}`);
      const ours = fetched.reduce((sum, [, n]) => sum + n, 0);
      const poster = fetched.filter(([path]) => path.endsWith('.png')).reduce((sum, [, n]) => sum + n, 0);
      const largest = lists.reduce((sum, list) => sum + list.at(-1).bytes, 0);
      const ideal = lists.reduce((sum, list) => sum + pick(list, Math.ceil(css * dpr)).bytes, 0);
      rows.push({ css, dpr, chosenWidth: chosen.width, files: fetched.map(([path]) => path.slice(MEDIA_URL.length)), ours, poster, largest, ideal });
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
printTable(
  rows.map((r) => ({
    'css px': r.css,
    dpr: r.dpr,
    'file width': r.chosenWidth,
    ours: kb(r.ours),
    'of which poster': kb(r.poster),
    largest: kb(r.largest),
    ideal: kb(r.ideal),
    'ours / largest': (r.ours / r.largest).toFixed(2),
    'ours / ideal': (r.ours / r.ideal).toFixed(2),
  })),
);
const total = (key) => rows.reduce((sum, r) => sum + r[key], 0);
const totals = { ours: total('ours'), poster: total('poster'), largest: total('largest'), ideal: total('ideal') };
console.log(
  `\nall 9 cases: ours ${kb(totals.ours)} (poster placeholders ${kb(totals.poster)}), largest ${kb(totals.largest)} (${(totals.ours / totals.largest).toFixed(2)}x), ideal ${kb(totals.ideal)} (${(totals.ours / totals.ideal).toFixed(2)}x)`,
);
// No numeric target in the issue; "met" = never more than always-largest, and within 10% of the ideal overall.
const met = rows.every((r) => r.ours <= r.largest) && totals.ours <= totals.ideal * 1.1;
record('bytes', {
  headline: {
    figure: 'Bytes, 9 cases (96/200/480 px x DPR 1/2/3)',
    ours: kb(totals.ours),
    baseline: `largest ${kb(totals.largest)}; ideal ${kb(totals.ideal)}`,
    ratio: `${(totals.ours / totals.largest).toFixed(2)}x largest; ${(totals.ours / totals.ideal).toFixed(2)}x ideal`,
    target: '≤ largest each case, ≤ 1.1x ideal overall',
    met,
  },
  unit: 'bytes',
  pose: POSE,
  format: 'webm',
  versions: { player: versionOf('masko-mascot'), chromium: browser.version() },
  method:
    'body bytes sent by the loopback server for the mascot files, one page per case, fresh context, no cache; baselines: the same file kinds at the largest / the smallest adequate width',
  target: 'ours <= largest in every case; total within 1.1x of the ideal',
  met,
  totals,
  ratios: { oursOverLargest: totals.ours / totals.largest, oursOverIdeal: totals.ours / totals.ideal, perCase: summarize(rows.map((r) => r.ours / r.ideal)) },
  rows,
});
