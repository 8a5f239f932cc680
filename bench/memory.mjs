#!/usr/bin/env node
// Memory: peak RSS of `masko sync` (the real CLI, a child process) downloading one 512 MB asset from
// the emulator. The emulator's demo files are small, so a loopback proxy in front of it swaps the Idle
// pose's WebM for a 512 MB body it generates on the fly (nothing that size is ever held in memory
// or written anywhere but the CLI's cache). Baselines in the same run, through the same proxy: a bare
// Node process (the floor), the same sync of the demo's real small file (what the CLI costs before any
// download), and a naive buffered download (fetch -> arrayBuffer -> write).
// Peak RSS = process.resourceUsage().maxRSS (the kernel's VmHWM) at exit. Writes bench/results/memory.json.
import { DEMO, startEmulator } from 'masko-emulator';
import { printTable, record, versionOf } from './lib.mjs';
import { masko, project, runNode } from './support/cli.mjs';
import { startLatencyProxy } from './support/latency-proxy.mjs';

const BIG = 512 * 2 ** 20;
const SMALLER = 64 * 2 ** 20; // the same sync of a smaller stream: a flat peak means the body is streamed
let assetBytes = BIG;
const TARGET_BYTES = 150 * 2 ** 20;

/** Points the Idle pose's original WebM at the proxy's generated 512 MB stream. */
function swapIdleWebm(body, { streamUrl }) {
  for (const item of Array.isArray(body?.data) ? body.data : []) {
    if (item?.name !== 'Idle' || !Array.isArray(item.assets)) continue;
    for (const asset of item.assets) {
      if (asset.type === 'webm' && asset.size === null)
        Object.assign(asset, { url: streamUrl(`felix-idle-${assetBytes}.webm`, assetBytes), bytes: assetBytes });
    }
  }
  return body;
}

const REPEATS = Number(process.env.BENCH_REPEATS ?? 2);
const CONFIG = { mascots: { felix: { collection: DEMO.collectionId, include: ['Idle'], formats: ['webm'], sizes: [480] } } };
const emulator = await startEmulator({ port: 0, rateLimit: false });
const proxy = await startLatencyProxy(emulator, { latencyMs: 0, rewriteJson: swapIdleWebm });

async function syncOnce() {
  const app = await project(CONFIG);
  try {
    const before = proxy.log.length;
    const sync = await masko('sync', app.root, proxy.apiUrl);
    const streamed = proxy.log.slice(before).filter((r) => r.path.startsWith('/__bench/stream/'));
    const size = `${(assetBytes / 2 ** 20).toFixed(1)} MB`;
    if (streamed.length !== 1 || !sync.output.includes(`downloaded 1 (${size})`))
      throw new Error(`memory: the sync did not download the ${size} asset once:\n${sync.output}`);
    return { peakRss: sync.peakRss, wallMs: sync.wallMs };
  } finally {
    await app.remove();
  }
}

const rows = [];
const syncSamples = [];
try {
  for (let i = 0; i < REPEATS; i++) syncSamples.push(await syncOnce());
  // The worst run counts: a memory budget is about the peak.
  rows.push({ what: `masko sync (512 MB asset), worst of ${REPEATS}`, ...syncSamples.reduce((a, b) => (b.peakRss > a.peakRss ? b : a)) });
  assetBytes = SMALLER;
  rows.push({ what: 'masko sync (64 MB asset)', ...(await syncOnce()) });
  assetBytes = BIG;
  const small = await project(CONFIG);
  try {
    const sync = await masko('sync', small.root, emulator.apiUrl); // no swap: the real 110 KB Idle WebM
    rows.push({ what: "masko sync (the demo's 110 KB asset)", peakRss: sync.peakRss, wallMs: sync.wallMs });
  } finally {
    await small.remove();
  }
  const floor = await runNode(['-e', '']);
  rows.push({ what: 'bare node (floor)', peakRss: floor.peakRss, wallMs: floor.wallMs });
  const naive = await runNode([
    '--input-type=module',
    '-e',
    `const r = await fetch(${JSON.stringify(proxy.streamUrl('naive.webm', BIG))}); const b = Buffer.from(await r.arrayBuffer());`
      + ` (await import('node:fs')).writeFileSync('/dev/null', b); if (b.length !== ${BIG}) process.exit(1);`,
  ]);
  rows.push({ what: 'buffered download (fetch -> arrayBuffer)', peakRss: naive.peakRss, wallMs: naive.wallMs });
} finally {
  await proxy.close();
  await emulator.close();
}

const mb = (n) => `${(n / 2 ** 20).toFixed(0)} MB`;
const ours = rows[0].peakRss;
printTable(
  rows.map((r) => ({ what: r.what, 'peak RSS': mb(r.peakRss), 'vs masko sync': (r.peakRss / ours).toFixed(2), 'wall s': (r.wallMs / 1000).toFixed(1) })),
);
const met = ours <= TARGET_BYTES;
console.log(
  `\ntarget: peak RSS ≤ ${mb(TARGET_BYTES)} (masko sync: ${mb(ours)}, ${mb(ours - rows[3].peakRss)} above bare node, ${mb(ours - rows[2].peakRss)} above the same sync of a small file): ${met ? 'met' : 'MISSED'}`,
);
record('memory', {
  headline: {
    figure: 'Memory, masko sync of a 512 MB asset (peak RSS)',
    ours: mb(ours),
    baseline: `buffered ${mb(rows[4].peakRss)}; same sync, small file ${mb(rows[2].peakRss)}; 64 MB ${mb(rows[1].peakRss)}; bare node ${mb(rows[3].peakRss)}`,
    ratio: `${(rows[4].peakRss / ours).toFixed(1)}x less than buffered`,
    target: `≤ ${mb(TARGET_BYTES)}`,
    met,
  },
  unit: 'bytes',
  assetBytes: BIG,
  versions: { 'unplugin-masko': versionOf('unplugin-masko'), 'masko-client': versionOf('masko-client'), node: process.version },
  targets: { peakRssBytes: TARGET_BYTES },
  met,
  rows,
  syncSamples,
});
