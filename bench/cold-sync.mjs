#!/usr/bin/env node
// Cold sync: `masko sync` (the real CLI, a child process, empty cache, no lockfile) of the emulator's
// demo collection (every item, size and default format: >= 100 files) through a loopback proxy that
// adds 50 ms to every request. Baselines in the same run: the same files downloaded one after another
// (fetch, keep-alive, written to disk), and the ideal bound
// ceil(files / connections) x latency + bytes / loopback throughput. Writes bench/results/cold-sync.json.
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DEMO, startEmulator } from 'masko-emulator';
import { printTable, record, summarize, versionOf } from './lib.mjs';
import { masko, project } from './support/cli.mjs';
import { startLatencyProxy } from './support/latency-proxy.mjs';

const LATENCY_MS = 50;
const CONNECTIONS = 16; // unplugin-masko's default `concurrency`, which it passes to masko-client as `connections`
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
/** The sequential baseline is noisy on a shared machine: never fewer than 5 runs, spread reported. */
const SEQUENTIAL_REPEATS = Math.max(5, REPEATS);
const THROUGHPUT_BYTES = 256 * 2 ** 20;
const TARGETS = { fasterThanSequential: 5, overBound: 1.5 };

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
let files = [];
let loopback = 0;
try {
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
    runs.push({
      wallMs: result.wallMs,
      files: files.length,
      bytes: files.reduce((sum, f) => sum + f.bytes, 0),
      apiRequests: requests.length - assetRequests.length,
      assetRequests: assetRequests.length,
      downloadPhaseMs: Math.max(...assetRequests.map((r) => r.end)) - Math.min(...assetRequests.map((r) => r.start)),
      // Process start to its first API request (node, CLI, config loading), and last asset to exit (posters, lockfile).
      startupMs: Math.min(...requests.map((r) => r.start)) - result.startedAt,
      planMs: Math.min(...assetRequests.map((r) => r.start)) - Math.min(...requests.map((r) => r.start)),
      finishMs: result.endedAt - Math.max(...assetRequests.map((r) => r.end)),
      // Time each asset request spent in the proxy (latency + emulator + transfer); the rest of a
      // download slot's time is the client's own work between requests (hashing, fsync, rename).
      assetRequestMs: summarize(assetRequests.map((r) => r.end - r.start)).median,
      peakInFlight: peakConcurrency(assetRequests),
    });
    await app.remove();
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
const ours = summarize(runs.map((r) => r.wallMs));
const seq = summarize(sequential);
const { files: fileCount, bytes } = runs[0];
const boundMs = Math.ceil(fileCount / CONNECTIONS) * LATENCY_MS + (bytes / loopback) * 1000;
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
    what: `ideal bound (ceil(${fileCount}/${CONNECTIONS}) x ${LATENCY_MS} ms + bytes / loopback)`,
    'median ms': boundMs.toFixed(0),
    'min–max ms': '',
    'sequential / this': (seq.median / boundMs).toFixed(1),
    'this / bound': '1.00',
  },
]);
console.log(
  `machine load when done (1/5/15 min): ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} on ${os.cpus().length} cores`,
);
const phase = (key) => summarize(runs.map((r) => r[key])).median.toFixed(0);
console.log(
  `\nphases (median ms): start-up to first API request ${phase('startupMs')}, API listing ${phase('planMs')}, downloads ${phase('downloadPhaseMs')}, last download to exit ${phase('finishMs')}`,
);
console.log(
  `asset request in the proxy: median ${phase('assetRequestMs')} ms; peak requests in flight ${phase('peakInFlight')}; a download slot lasts ${(summarize(runs.map((r) => r.downloadPhaseMs)).median / Math.ceil(fileCount / CONNECTIONS)).toFixed(0)} ms on average`,
);
console.log(`${fileCount} files, ${(bytes / 2 ** 20).toFixed(1)} MB, ${runs[0].apiRequests} API requests; loopback ${(loopback / 2 ** 20).toFixed(0)} MB/s`);
const met = seq.median / ours.median >= TARGETS.fasterThanSequential && ours.median / boundMs <= TARGETS.overBound;
console.log(
  `target: ≥ ${TARGETS.fasterThanSequential}x faster than sequential (${(seq.median / ours.median).toFixed(1)}x) and ≤ ${TARGETS.overBound}x the bound (${(ours.median / boundMs).toFixed(2)}x): ${met ? 'met' : 'MISSED'}`,
);
record('cold-sync', {
  headline: {
    figure: `Cold sync, ${fileCount} files, +${LATENCY_MS} ms per request`,
    ours: `${ours.median.toFixed(0)} ms (downloads ${downloads.median.toFixed(0)} ms)`,
    baseline: `sequential ${seq.median.toFixed(0)} ms; bound ${boundMs.toFixed(0)} ms`,
    ratio: `${(seq.median / ours.median).toFixed(1)}x faster; ${(ours.median / boundMs).toFixed(2)}x bound`,
    target: `≥ ${TARGETS.fasterThanSequential}x faster, ≤ ${TARGETS.overBound}x bound`,
    met,
  },
  unit: 'ms',
  latencyMs: LATENCY_MS,
  connections: CONNECTIONS,
  files: fileCount,
  bytes,
  loopbackBytesPerSecond: loopback,
  versions: { 'unplugin-masko': versionOf('unplugin-masko'), 'masko-client': versionOf('masko-client'), 'masko-emulator': versionOf('masko-emulator') },
  targets: TARGETS,
  met,
  summary: {
    sync: ours,
    downloadPhase: downloads,
    sequential: seq,
    boundMs,
    sequentialOverSync: seq.median / ours.median,
    syncOverBound: ours.median / boundMs,
  },
  spread: { sync: { min: ours.min, max: ours.max }, sequential: { min: seq.min, max: seq.max } },
  loadAverage: os.loadavg(),
  runs,
  sequentialMs: sequential,
});
