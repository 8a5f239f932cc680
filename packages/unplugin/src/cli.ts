#!/usr/bin/env node
/**
 * The `masko` CLI: sync, status, pull, generate. Usage errors print help and exit 1; every other failure
 * is one `[masko]` message (a stack only with --debug). `bin/masko.js` (committed, so npm links it before
 * the build) calls `runCli`; `node dist/cli.js` and tsx on src/cli.ts run it directly.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineCommand, runMain } from 'citty';

const main = defineCommand({
  meta: { name: 'masko', version: '0.1.0', description: 'Masko mascots for your build: sync, status, pull, generate' },
  subCommands: {
    sync: () => import('./commands/sync.js').then((m) => m.default),
    status: () => import('./commands/status.js').then((m) => m.default),
    pull: () => import('./commands/pull.js').then((m) => m.default),
    generate: () => import('./commands/generate.js').then((m) => m.default),
  },
});

export const runCli = (rawArgs?: string[]) => runMain(main, rawArgs ? { rawArgs } : {});

function isEntry(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) void runCli();
