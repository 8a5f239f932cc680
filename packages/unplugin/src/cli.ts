#!/usr/bin/env node
/** The `masko` CLI: sync, status, pull, generate. Usage errors print help and exit 1; bugs print a stack. */
import { defineCommand, runMain } from 'citty';

// libuv reads this on its first pooled task (none has run yet): 4 threads would be shared by every
// download's writes and fsync, the PNG checks and the poster encodes, and sockets would wait on them.
process.env.UV_THREADPOOL_SIZE ??= '16';

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

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/masko')) void runCli();
