#!/usr/bin/env node
// Cold sync: `masko sync` (the real CLI, a child process, empty cache, no lockfile) of the emulator's
// demo collection (every item, size and default format) through a loopback proxy that adds 50 ms to
// every request. Baselines in the same run: the same files downloaded one after another (fetch,
// keep-alive, written to disk), and the ideal bound for this job (written down before it was measured):
//
//   bound = node start-up + listing round trips x latency + ceil(files / connections) x latency + bytes / loopback
//
// - node start-up: `node -e ''` with the same preload as the CLI runs, measured here (a CLI cannot start
//   before Node has);
// - listing round trips: the API requests that must finish before the first asset URL is known (the
//   collection and its first items page go out together: 1; a second page after the first: 2);
// - ceil(files / connections) x latency: each of the `connections` sockets per origin carries one request
//   at a time (HTTP/1.1, no pipelining), each paying the latency at least once;
// - bytes / loopback: the bodies at the loopback throughput through the same proxy, measured here.
// It counts nothing the CLI could avoid (loading its own code, planning, hashing, writing files,
// posters, the lockfile), and it counts the emulator's own serving time and the TCP connects as zero.
// Writes bench/results/cold-sync.json with every sample, the figures with their spread, and the load.
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DEMO, startEmulator } from 'masko-emulator';
import { figure, MIN_SAMPLES, printTable, record, summarize, versionOf } from './lib.mjs';
import { masko, project, runNode } from './support/cli.mjs';
import { startLatencyProxy } from './support/latency-proxy.mjs';

const LATENCY_MS = 50;
const CONNECTIONS = 16; // unplugin-masko's default `concurrency`, which it passes to masko-client as `connections`
/** 9 by default: with 9 samples the median's ~95% interval is the 2nd to 8th, not min to max. */
const REPEATS = Math.max(MIN_SAMPLES, Number(process.env.BENCH_REPEATS ?? 9));
/** The sequential baseline is noisy on a shared machine: never fewer than 5 runs, spread reported. */
const SEQUENTIAL_REPEATS = MIN_SAMPLES;
const THROUGHPUT_BYTES = 256 * 2 ** 20;
const TARGETS = { fasterThanSequential: 5, overBound: 1.5 };
const loadAverage = () => os.loadavg().map((l) => Number(l.toFixed(2)));
const loadAtStart = loadAverage();

const emulator = await startEmulator({ port: 0, rateLimit: false });
const proxy = await startLatencyProxy(emulator, { latencyMs: LATENCY_MS });
const config = { mascots: { felix: { collection: DEMO.collectionId } } };

async function download(url, path) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  await pipeline(Readable.fromWeb(response.body), createWriteStream(path));
}

/** Loopback throughput through the same proxy (one big streamed body, latency subtracted). */
async function throughput() {
  const started = performance.now();
  const response = await fetch(proxy.streamUrl('throughput.bin', THROUGHPUT_BYTES));
  let bytes = 0;
  for await (const chunk of response.body) bytes += chunk.length;
  return bytes / ((performance.now() - started - LATENCY_MS) / 1000);
}

/** Most asset requests the proxy had open at once. */
function peakConcurrency(requests) {
  const edges = requests
    .flatMap((r) => [
      [r.start, 1],
      [r.end, -1],
    ])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let peak = 0;
  for (const [, step] of edges) peak = Math.max(peak, (open += step));
  return peak;
}

const runs = [];
const sequential = [];
const nodeStartup = [];
let files = [];
let loopback = 0;
try {
  // Interleaved (a sync, then Node's start-up alone), so both see the same load on a shared machine.
  for (let i = 0; i < REPEATS; i++) {
    const app = await project(config);
    const before = proxy.log.length;
    const result = await masko('sync', app.root, proxy.apiUrl);
    const requests = proxy.log.slice(before);
    const lock = JSON.parse(await readFile(join(app.root, 'masko.lock.json'), 'utf8'));
    files = Object.values(lock.mascots)
      .flatMap((m) => [...Object.values(m.poses), ...m.transitions])
      .flatMap((clip) => clip.files);
    const assetRequests = requests.filter((r) => r.origin === 'assets');
    const firstAsset = Math.min(...assetRequests.map((r) => r.start));
    runs.push({
      wallMs: result.wallMs,
      files: files.length,
      bytes: files.reduce((sum, f) => sum + f.bytes, 0),
      apiRequests: requests.length - assetRequests.length,
      // Items pages asked for before the first asset request: listing round trips in sequence.
      itemsPagesBeforeFirstAsset: requests.filter((r) => r.origin === 'api' && /\/items(\?|$)/.test(r.path) && r.start < firstAsset).length,
      assetRequests: assetRequests.length,
      downloadPhaseMs: Math.max(...assetRequests.map((r) => r.end)) - firstAsset,
      // Process start to its first API request (node, CLI, config loading), and last asset to exit (posters, lockfile).
      startupMs: Math.min(...requests.map((r) => r.start)) - result.startedAt,
      planMs: firstAsset - Math.min(...requests.map((r) => r.start)),
      finishMs: result.endedAt - Math.max(...assetRequests.map((r) => r.end)),
      // Time each asset request spent in the proxy (latency + emulator + transfer); the rest of a
      // download slot's time is the client's own work between requests (hashing, fsync, rename).
      assetRequestMs: summarize(assetRequests.map((r) => r.end - r.start)).median,
      peakInFlight: peakConcurrency(assetRequests),
    });
    await app.remove();
    nodeStartup.push((await runNode(['-e', ''])).wallMs);
  }
  for (let i = 0; i < SEQUENTIAL_REPEATS; i++) {
    const dir = await mkdtemp(join(tmpdir(), 'masko-bench-seq-'));
    const started = performance.now();
    for (const [n, file] of files.entries()) await download(file.url, join(dir, String(n)));
    sequential.push(performance.now() - started);
    await rm(dir, { recursive: true, force: true });
  }
  const speeds = [];
  for (let i = 0; i < 3; i++) speeds.push(await throughput());
  loopback = summarize(speeds).median;
} finally {
  await proxy.close();
  await emulator.close();
}
const loadAtEnd = loadAverage();
const syncMs = runs.map((r) => r.wallMs);
const ours = summarize(syncMs);
const seq = summarize(sequential);
const { files: fileCount, bytes } = runs[0];
// The ideal bound (see the top of this file), from values measured in this run.
const bound = {
  nodeStartupMs: summarize(nodeStartup).median,
  listingRoundTrips: Math.min(2, Math.max(1, ...runs.map((r) => r.itemsPagesBeforeFirstAsset))),
  downloadRounds: Math.ceil(fileCount / CONNECTIONS),
  transferMs: (bytes / loopback) * 1000,
};
const boundMs = bound.nodeStartupMs + (bound.listingRoundTrips + bound.downloadRounds) * LATENCY_MS + bound.transferMs;
const figures = {
  syncOverBound: figure(
    syncMs.map((ms) => ms / boundMs),
    { atMost: TARGETS.overBound, unit: 'x bound' },
  ),
  sequentialOverSync: figure(
    syncMs.map((ms) => seq.median / ms),
    { atLeast: TARGETS.fasterThanSequential, unit: 'x (sequential median / sync)' },
  ),
  syncMs: figure(syncMs, { unit: 'ms' }),
  sequentialMs: figure(sequential, { unit: 'ms' }),
  nodeStartupMs: figure(nodeStartup, { unit: 'ms' }),
};
const downloads = summarize(runs.map((r) => r.downloadPhaseMs));
const spread = (s) => `${s.min.toFixed(0)}–${s.max.toFixed(0)} (n=${s.n})`;
printTable([
  {
    what: 'masko sync (CLI, whole run)',
    'median ms': ours.median.toFixed(0),
    'min–max ms': spread(ours),
    'sequential / this': (seq.median / ours.median).toFixed(1),
    'this / bound': (ours.median / boundMs).toFixed(2),
  },
  {
    what: '  of which downloads (first to last asset)',
    'median ms': downloads.median.toFixed(0),
    'min–max ms': spread(downloads),
    'sequential / this': (seq.median / downloads.median).toFixed(1),
    'this / bound': (downloads.median / boundMs).toFixed(2),
  },
  {
    what: 'sequential download (baseline)',
    'median ms': seq.median.toFixed(0),
    'min–max ms': spread(seq),
    'sequential / this': '1.0',
    'this / bound': (seq.median / boundMs).toFixed(2),
  },
  {
    what: `ideal bound: node ${bound.nodeStartupMs.toFixed(0)} + (${bound.listingRoundTrips} + ceil(${fileCount}/${CONNECTIONS})) x ${LATENCY_MS} + ${bound.transferMs.toFixed(0)} transfer`,
    'median ms': boundMs.toFixed(0),
    'min–max ms': `node -e '': ${spread(summarize(nodeStartup))}`,
    'sequential / this': (seq.median / boundMs).toFixed(1),
    'this / bound': '1.00',
  },
]);
console.log(`machine load (1/5/15 min) at start ${loadAtStart.join(' / ')}, at end ${loadAtEnd.join(' / ')}, on ${os.cpus().length} cores`);
const phase = (key) => summarize(runs.map((r) => r[key])).median.toFixed(0);
console.log(
  `\nphases (median ms): start-up to first API request ${phase('startupMs')}, API listing ${phase('planMs')}, downloads ${phase('downloadPhaseMs')}, last download to exit ${phase('finishMs')}`,
);
console.log(
  `asset request in the proxy: median ${phase('assetRequestMs')} ms; peak requests in flight ${phase('peakInFlight')}; a download round lasts ${(downloads.median / bound.downloadRounds).toFixed(0)} ms on average`,
);
console.log(`${fileCount} files, ${(bytes / 2 ** 20).toFixed(1)} MB, ${runs[0].apiRequests} API requests; loopback ${(loopback / 2 ** 20).toFixed(0)} MB/s`);
const interval = (f, digits = 2) => `${f.value.toFixed(digits)} [${f.interval.map((v) => v.toFixed(digits)).join('–')}]`;
const met = figures.syncOverBound.met && figures.sequentialOverSync.met;
console.log(
  `target (median, ~95% interval must clear it): ≥ ${TARGETS.fasterThanSequential}x faster than sequential: ${interval(figures.sequentialOverSync, 1)}; ≤ ${TARGETS.overBound}x the bound: ${interval(figures.syncOverBound)}: ${met ? 'met' : 'MISSED'}`,
);
record('cold-sync', {
  headline: {
    figure: `Cold sync, ${fileCount} files, +${LATENCY_MS} ms per request, median [~95% interval]`,
    ours: `${interval(figures.syncMs, 0)} ms (downloads ${downloads.median.toFixed(0)} ms)`,
    baseline: `sequential ${interval(figures.sequentialMs, 0)} ms; bound ${boundMs.toFixed(0)} ms`,
    ratio: `${interval(figures.sequentialOverSync, 1)}x faster; ${interval(figures.syncOverBound)}x bound`,
    target: `≥ ${TARGETS.fasterThanSequential}x faster, ≤ ${TARGETS.overBound}x bound`,
    met,
  },
  method:
    `\`masko sync\` (the bundled CLI in a child process, empty cache, no lockfile) of the emulator's demo collection (${fileCount} files, default formats) through a loopback proxy adding ${LATENCY_MS} ms to every request, ${REPEATS} runs, each followed by \`node -e ''\` (same preload). `
    + `Baseline in the same run: the same files fetched one after another (${SEQUENTIAL_REPEATS} runs). Ideal bound for this job, from values measured in this run: Node start-up (median of \`node -e ''\`) `
    + `+ listing round trips that must precede the first asset URL (${bound.listingRoundTrips}) x latency + ceil(files / ${CONNECTIONS} connections) x latency + bytes / loopback throughput; `
    + 'it counts nothing the CLI could avoid (its own code loading, planning, hashing, writing, posters, lockfile) and the server time and TCP connects as zero. '
    + 'Each figure is the median with a distribution-free ~95% interval (order statistics); a target is met only when the whole interval clears it. '
    + `Machine load (1/5/15 min) at start ${loadAtStart.join('/')}, at end ${loadAtEnd.join('/')} on ${os.cpus().length} cores.`,
  unit: 'ms',
  latencyMs: LATENCY_MS,
  connections: CONNECTIONS,
  files: fileCount,
  bytes,
  loopbackBytesPerSecond: loopback,
  versions: { 'unplugin-masko': versionOf('unplugin-masko'), 'masko-client': versionOf('masko-client'), 'masko-emulator': versionOf('masko-emulator') },
  targets: TARGETS,
  met,
  figures,
  bound: { ...bound, latencyMs: LATENCY_MS, connections: CONNECTIONS, boundMs },
  summary: {
    sync: ours,
    downloadPhase: downloads,
    sequential: seq,
    nodeStartup: summarize(nodeStartup),
    boundMs,
    sequentialOverSync: seq.median / ours.median,
    syncOverBound: ours.median / boundMs,
  },
  spread: { sync: { min: ours.min, max: ours.max }, sequential: { min: seq.min, max: seq.max } },
  loadAverage: { start: loadAtStart, end: loadAtEnd },
  runs,
  sequentialMs: sequential,
  nodeStartupMs: nodeStartup,
});
