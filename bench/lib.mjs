// Shared by the benchmarks: machine facts, a printed table, and the JSON record.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

/** What a result was measured on: absolute numbers only compare within one machine. */
export function machine() {
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    date: new Date().toISOString(),
  };
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** The built files a result measured: every file under each package's dist/ (source maps aside). */
export const BUILT = ['packages/manifest/dist', 'packages/client/dist', 'packages/emulator/dist', 'packages/unplugin/dist', 'packages/player/dist'];

/** sha256 over the built files (paths and contents, in a stable order): which build was measured. */
export function builtHash(paths = BUILT) {
  const hash = createHash('sha256');
  const walk = (path) => {
    if (!existsSync(`${root}${path}`)) return;
    if (statSync(`${root}${path}`).isDirectory()) for (const name of readdirSync(`${root}${path}`).sort()) walk(`${path}/${name}`);
    else if (!path.endsWith('.map')) hash.update(`${path}\0`).update(readFileSync(`${root}${path}`));
  };
  for (const path of paths) walk(path);
  return hash.digest('hex');
}

/** The commit measured, how many files under packages/ differed from it, and the hash of the built files. */
export function sourceState() {
  const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
  const dirty = git('status', '--porcelain', '--', 'packages').split('\n').filter(Boolean);
  return { commit: git('rev-parse', '--short', 'HEAD') || 'unknown', uncommittedPackageFiles: dirty.length, builtSha256: builtHash() };
}

/** The installed version of a package, from its package.json. */
export function versionOf(name) {
  try {
    const url = new URL(`../node_modules/${name}/package.json`, import.meta.url);
    return JSON.parse(readFileSync(url, 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

/** Prints rows (objects with the same keys) as an aligned table. */
export function printTable(rows) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const cells = rows.map((row) => columns.map((column) => String(row[column] ?? '')));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((line) => line[i].length)));
  const line = (values) => values.map((value, i) => value.padEnd(widths[i])).join('  ');
  console.log(line(columns));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of cells) console.log(line(row));
}

/** Writes bench/results/<name>.json with the machine, the versions and the raw data. */
export function record(name, data) {
  mkdirSync(resultsDir, { recursive: true });
  const file = `${resultsDir}${name}.json`;
  writeFileSync(file, `${JSON.stringify({ name, machine: machine(), source: sourceState(), ...data }, null, 2)}\n`);
  console.log(`\nrecorded ${file}`);
}

/** Median and 95th percentile of a list of numbers. */
export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted.at(-1) };
}

/** Fewest samples a figure may rest on, on each side (ours and the baseline). */
export const MIN_SAMPLES = 5;

/**
 * A distribution-free ~95% confidence interval for the `q`-quantile of `samples`: the order
 * statistics of ranks n·q − 1.96·√(n·q·(1−q)) and 1 + n·q + 1.96·√(n·q·(1−q)) (1-based, clamped
 * to the sample). The spread every figure is reported with.
 */
export function quantileInterval(samples, q) {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const half = 1.96 * Math.sqrt(n * q * (1 - q));
  const rank = (r) => sorted[Math.min(n, Math.max(1, Math.round(r))) - 1];
  return [rank(n * q - half), rank(1 + n * q + half)];
}

/**
 * A figure as every result records it: the `q`-quantile of `samples` (default the median) with its
 * interval, against a target `{ at most }` (or `{ at least }`). A target is met only when the whole
 * interval clears it, and never on fewer than MIN_SAMPLES samples.
 */
export function figure(samples, { q = 0.5, atMost, atLeast, unit = '' } = {}) {
  const sorted = [...samples].sort((a, b) => a - b);
  const value = sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const interval = quantileInterval(sorted, q);
  const enough = sorted.length >= MIN_SAMPLES;
  const met = atMost !== undefined ? enough && interval[1] <= atMost : atLeast !== undefined ? enough && interval[0] >= atLeast : undefined;
  return {
    q,
    n: sorted.length,
    value,
    interval,
    unit,
    ...(atMost !== undefined ? { atMost } : {}),
    ...(atLeast !== undefined ? { atLeast } : {}),
    ...(met !== undefined ? { met } : {}),
  };
}
