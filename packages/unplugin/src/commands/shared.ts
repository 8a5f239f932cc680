/** What every command shares: common flags, the context, the progress line and the summary. */
import { createConsola } from 'consola';
import { MaskoContext, type Prepared } from '../core/context.js';
import { debugging, describeError, redact, tagged } from '../core/errors.js';
import type { Progress } from '../core/reporting.js';
import type { MaskoOptions } from '../types.js';

export const commonArgs = {
  root: { type: 'string', description: 'Project root (default: current directory)' },
  config: { type: 'string', description: 'Config file (default: masko.config.{ts,js,mjs,json})' },
  offline: { type: 'boolean', description: 'Never touch the network; fail if the cache lacks a file' },
  frozen: { type: 'boolean', description: 'Fail instead of changing masko.lock.json (CI)' },
  debug: { type: 'boolean', description: 'Print the stack of an error (also: DEBUG=1)' },
} as const;

// Info by default, even under test runners (consola would drop to warn there); CONSOLA_LEVEL overrides.
export const logger = createConsola({ level: Number(process.env.CONSOLA_LEVEL ?? 3) });
const log = { info: (m: string) => logger.info(tagged(m)), warn: (m: string) => logger.warn(tagged(m)) };

export function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} kB` : `${(n / 1024 ** 2).toFixed(1)} MB`;
}

/** A redrawn bar on a TTY; plain lines (one per finished file) in CI and pipes. */
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
      else stream.write(`downloaded ${done}/${files} files (${formatBytes(received)})\n`);
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

export function createContext(flags: CommonFlags, progress?: Progress): MaskoContext {
  const inline: MaskoOptions = { ...(flags.root ? { root: flags.root } : {}), ...(flags.config ? { configFile: flags.config } : {}) };
  const overrides = { ...(flags.offline ? { offline: true } : {}), ...(flags.frozen ? { frozen: true } : {}) };
  return new MaskoContext(inline, { mode: 'build', logger: log, overrides, ...(progress ? { progress } : {}), ...(flags.update ? { update: true } : {}) });
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
