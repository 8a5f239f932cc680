#!/usr/bin/env node
// Checks every published workspace package as npm would ship it (`npm run check:packages`, part of
// `npm test`, after the build): publint (package.json fields against the packed files) and
// @arethetypeswrong/cli (the typings each export resolves to). The packages come from the root
// package.json's `workspaces`; private ones (the playground) are skipped.
//
// attw runs with `--profile esm-only`: our packages are ESM only (`"type": "module"`, no `require`
// condition) and need Node >= 20.19, so the `node10` resolution (TypeScript's pre-`exports` mode) and
// `node16` from CommonJS do not apply; `node16` from ESM and `bundler` are checked.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

const packages = readJson(join(root, 'package.json'))
  .workspaces.map((dir) => ({ dir, manifest: readJson(join(root, dir, 'package.json')) }))
  .filter(({ manifest }) => !manifest.private);

const checks = [
  { tool: 'publint', args: (dir) => [bin('publint'), 'run', dir, '--strict'] },
  { tool: 'attw', args: (dir) => [bin('attw'), '--pack', dir, '--profile', 'esm-only', '--format', 'table-flipped', '--no-color', '--no-emoji'] },
];

// Each check packs its own tarball, so they can run side by side (one per core).
const jobs = packages.flatMap(({ dir, manifest }) => checks.map(({ tool, args }) => ({ dir, name: manifest.name, tool, args: args(dir) })));
const run = ({ args: [command, ...rest] }) =>
  new Promise((resolve) =>
    execFile(command, rest, { cwd: root, maxBuffer: 16 << 20 }, (error, stdout, stderr) => resolve({ ok: !error, output: `${stdout}${stderr}` })),
  );
const results = new Array(jobs.length);
let next = 0;
await Promise.all(
  Array.from({ length: Math.min(availableParallelism(), jobs.length) }, async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await run(jobs[i]);
    }
  }),
);

let failed = 0;
jobs.forEach((job, i) => {
  const { ok, output } = results[i];
  if (ok) console.log(`ok   ${job.tool} ${job.name}`);
  else {
    failed++;
    console.log(`FAIL ${job.tool} ${job.name} (${job.dir})\n${output}`);
  }
});
if (failed > 0) {
  console.error(`[masko] check:packages: ${failed} of ${jobs.length} checks failed (see above)`);
  process.exit(1);
}
