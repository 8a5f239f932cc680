#!/usr/bin/env node
/**
 * The `masko` CLI: sync, status, pull, generate. Usage errors print help and exit 1; every other failure
 * is one `[masko]` message (a stack only with --debug). `bin/masko.js` (committed, so npm links it before
 * the build) calls `runCli`; `node dist/cli.js` and tsx on src/cli.ts run it directly.
 */
import { channel } from 'node:diagnostics_channel';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
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

/**
 * A command lives about a second: V8's background TurboFan tier-up of undici's HTTP parser (WebAssembly,
 * compiled at the first connection) costs ~100 ms of CPU there and never pays back; Liftoff's code parses
 * a sync's answers as fast. Set in the CLI's own process only, when undici creates its first request: a
 * changed V8 flag makes V8 refuse Node's code cache for every built-in module loaded after it, and by
 * then undici has loaded its own.
 */
function liftoffOnlyFromFirstRequest(): void {
  const created = channel('undici:request:create');
  const onCreated = () => {
    created.unsubscribe(onCreated);
    setFlagsFromString('--liftoff-only');
  };
  created.subscribe(onCreated);
}

export const runCli = (rawArgs?: string[]) => {
  liftoffOnlyFromFirstRequest();
  return runMain(main, rawArgs ? { rawArgs } : {});
};

function isEntry(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) void runCli();
