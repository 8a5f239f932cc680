// Shared by the benchmarks: machine facts, a printed table, and the JSON record.
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
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

/** The commit measured, and how many files under packages/ differed from it (built from a dirty tree). */
export function sourceState() {
  const git = (...args) => spawnSync('git', args, { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' }).stdout?.trim() ?? '';
  const dirty = git('status', '--porcelain', '--', 'packages').split('\n').filter(Boolean);
  return { commit: git('rev-parse', '--short', 'HEAD') || 'unknown', uncommittedPackageFiles: dirty.length };
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
