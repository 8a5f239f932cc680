#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
// `npm run bench` runs every benchmark in this folder; `npm run bench -- <name>` runs one.
// Each benchmark prints its table and writes bench/results/<name>.json (see lib.mjs). Rebuilds the
// packages first, then regenerates docs/performance.md from the results (support/summary.mjs).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printTable } from './lib.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));

const all = readdirSync(here)
  .filter((file) => file.endsWith('.mjs') && !['run.mjs', 'lib.mjs'].includes(file))
  .map((file) => file.replace(/\.mjs$/, ''))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !all.includes(name));
if (unknown.length) {
  console.error(`bench: no benchmark named ${unknown.join(', ')}; there are: ${all.join(', ')}`);
  process.exit(1);
}

// Every run rebuilds what it measures (the TypeScript packages and the player's bundles), so a result
// never describes a stale dist/; each result records the commit and a hash of the built files.
build();
function build() {
  console.log('bench: building (tsc -b, player bundle, masko CLI bundle) first');
  // As `npm run build` does: tsc -b alone would leave tsc's unbundled dist/cli.js, not the CLI users run.
  for (const [command, args] of [
    ['npx', ['tsc', '-b']],
    ['npm', ['run', 'build', '-w', 'packages/player']],
    ['npm', ['run', 'build', '-w', 'packages/unplugin']],
  ]) {
    const built = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) {
      console.error(`bench: ${command} ${args.join(' ')} failed; fix the build, then run the benchmarks`);
      process.exit(1);
    }
  }
}

const resultOf = (name) => {
  const file = `${here}results/${name}.json`;
  if (!existsSync(file)) return undefined;
  const data = JSON.parse(readFileSync(file, 'utf8'));
  return { mtime: statSync(file).mtimeMs, met: data.met ?? data.withinTarget ?? (Array.isArray(data.over) ? data.over.length === 0 : undefined) };
};

const summary = [];
const startedAll = performance.now();
for (const name of wanted.length ? wanted : all) {
  console.log(`\n== ${name}`);
  const started = performance.now();
  const wall = Date.now();
  const result = spawnSync(process.execPath, [`${here}${name}.mjs`], { stdio: 'inherit' });
  const after = resultOf(name);
  // A missed target is a result, not a failure; a benchmark fails when it wrote no result this run.
  const wrote = !!after && after.mtime >= wall - 1000;
  summary.push({
    benchmark: name,
    seconds: ((performance.now() - started) / 1000).toFixed(0),
    'result written': wrote ? 'yes' : `NO (exit ${result.status})`,
    'target met': wrote ? ({ true: 'yes', false: 'no' }[after.met] ?? 'n/a') : '',
  });
}
console.log(`\n== summary (${((performance.now() - startedAll) / 1000).toFixed(0)} s)`);
printTable(summary);
spawnSync(process.execPath, [`${here}support/summary.mjs`, '--write'], { stdio: 'inherit' });
process.exit(summary.every((row) => row['result written'] === 'yes') ? 0 : 1);
