/** What every command shares: common flags, the context, the progress line and the summary. */
import { createConsola } from 'consola/basic';
import { loadClient } from '../core/client.js';
import { loadOptions } from '../core/config.js';
import { type ContextOptions, MaskoContext, type Prepared } from '../core/context.js';
import { debugging, describeError, redact, tagged } from '../core/errors.js';
import type { Lockfile } from '../core/lockfile.js';
import type { ResolvedOptions } from '../core/options.js';
import { pinsFromLock } from '../core/pins.js';
import type { MascotPlan } from '../core/plan.js';
import { type Progress, taggedLogger } from '../core/reporting.js';
import { planAll } from '../core/sync.js';
import type { MaskoOptions } from '../types.js';

export const commonArgs = {
  root: { type: 'string', description: 'Project root (default: current directory)' },
  config: { type: 'string', description: 'Config file (default: masko.config.{ts,js,mjs,json})' },
  offline: { type: 'boolean', description: 'Never touch the network; fail if the cache lacks a file' },
  frozen: { type: 'boolean', description: 'Fail instead of changing masko.lock.json (CI)' },
  debug: { type: 'boolean', description: 'Print the stack of an error (also: DEBUG=1)' },
} as const;

// Info by default, even under test runners (consola would drop to warn there); CONSOLA_LEVEL overrides.
const level = Number(process.env.CONSOLA_LEVEL ?? 3);
/**
 * Plain lines (consola's basic build) until `useTerminalLogger` swaps in the full one: in CI, pipes and
 * tests that is all consola would print anyway, and its full build costs a cold sync ~10 ms of start-up.
 */
export let logger = createConsola({ level });

/** On an interactive terminal, consola's full build (icons, colours), loaded only there. */
export async function useTerminalLogger(stream: NodeJS.WriteStream = process.stderr): Promise<void> {
  if (!stream.isTTY || process.env.CI) return;
  const full = await import('consola');
  logger = full.createConsola({ level });
}

export function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} kB` : `${(n / 1024 ** 2).toFixed(1)} MB`;
}

/** A redrawn bar on a TTY; plain lines (one per tenth of the files) in CI and pipes. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress & { end(): void } {
  const tty = !!stream.isTTY && !process.env.CI;
  let files = 0,
    done = 0,
    total = 0,
    received = 0;
  const draw = () => {
    const ratio = total ? Math.min(1, received / total) : done / Math.max(1, files);
    const bar = '#'.repeat(Math.round(ratio * 24)).padEnd(24, '-');
    stream.write(`\r[${bar}] ${done}/${files} files ${formatBytes(received)}`);
  };
  return {
    add(n, bytes) {
      files += n;
      total += bytes;
      if (tty) draw();
    },
    advance(bytes) {
      received += bytes;
      if (tty) draw();
    },
    fileDone() {
      done++;
      if (tty) draw();
      // A CI log gets about ten lines, not one per file.
      else if (done === files || done % Math.ceil(files / 10) === 0) stream.write(`downloaded ${done}/${files} files (${formatBytes(received)})\n`);
    },
    end() {
      if (tty && files) stream.write('\n');
    },
  };
}

export interface CommonFlags {
  root?: string;
  config?: string;
  offline?: boolean;
  frozen?: boolean;
  update?: boolean;
}

/** The one mapping of flags to options: `--root` and `--config` as inline options, `--offline` and `--frozen` over the loaded ones. */
function flagOptions(flags: CommonFlags): { inline: MaskoOptions; overrides: NonNullable<ContextOptions['overrides']> } {
  return {
    inline: { ...(flags.root ? { root: flags.root } : {}), ...(flags.config ? { configFile: flags.config } : {}) },
    overrides: { ...(flags.offline ? { offline: true } : {}), ...(flags.frozen ? { frozen: true } : {}) },
  };
}

/** The options the flags select, for commands that read them without syncing (`status`, `generate --dry-run`). */
export async function loadFlagOptions(flags: CommonFlags): Promise<ResolvedOptions> {
  const { inline, overrides } = flagOptions(flags);
  return { ...(await loadOptions(inline)).options, ...overrides };
}

/** A build-mode context for the flags, logging `[masko]` lines through consola. */
export function createContext(flags: CommonFlags, extra: Pick<ContextOptions, 'progress' | 'pins'> = {}): MaskoContext {
  const { inline, overrides } = flagOptions(flags);
  return new MaskoContext(inline, { mode: 'build', logger: taggedLogger(logger), overrides, ...extra, ...(flags.update ? { update: true } : {}) });
}

/** Every configured mascot planned against the API (poses pinned as the lockfile says), for commands that report instead of syncing. */
export async function planFromApi(options: ResolvedOptions & { apiKey: string }, lock: Lockfile | undefined): Promise<MascotPlan[]> {
  const client = await loadClient({ apiKey: options.apiKey, apiUrl: options.apiUrl });
  try {
    return await planAll(client, options.mascots, undefined, (m) => pinsFromLock(lock?.mascots[m.key], m));
  } finally {
    await client.close();
  }
}

export function printSummary(p: Prepared, startedAt: number): void {
  const bytes = p.files.reduce((s, f) => s + f.bytes, 0);
  const spent = p.sync?.creditsSpent ?? 0;
  const downloaded = p.sync?.downloaded ?? { files: 0, bytes: 0 };
  logger.success(
    `${Object.keys(p.mascots).length} mascot(s), ${p.files.length} assets (${formatBytes(bytes)}), downloaded ${downloaded.files} (${formatBytes(downloaded.bytes)}), `
      + `credits spent ${spent}, lockfile ${p.lockChanged ? 'updated' : 'unchanged'}, ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
  );
}

/**
 * Every failure prints one `[masko]` message (with its hint) and exits 1: ours and masko-client's as they
 * are, anything else as unexpected. The stack only with `--debug` or `DEBUG` set.
 */
export function reportUserErrors<C extends { args: { debug?: boolean } }>(run: (ctx: C) => Promise<void>): (ctx: C) => Promise<void> {
  return async (ctx) => {
    try {
      await useTerminalLogger();
      await run(ctx);
    } catch (error) {
      const ours = error instanceof Error && error.message.startsWith('[masko]');
      const message = ours
        ? describeError(error)
        : tagged(`unexpected error: ${error instanceof Error ? error.message : String(error)}\n  hint: run again with --debug for the stack, and report it`);
      process.stderr.write(`${message}\n`);
      if (debugging(ctx.args.debug)) {
        // The stack, then each cause's (a config error's cause is jiti's, where the real position is).
        for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
          process.stderr.write(`${depth ? 'caused by: ' : ''}${redact(e.stack ?? e.message)}\n`);
        }
      }
      process.exit(1);
    }
  };
}
