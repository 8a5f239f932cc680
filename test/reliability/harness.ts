/**
 * Shared pieces of the reliability suite: a throw-away project (masko.config.json, cache, lockfile) per
 * run, an in-process sync through the real plugin context and masko-client over HTTP, and the cache and
 * lockfile invariants every run must keep whatever happened to it.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMaskoClient } from 'masko-client';
import type { Emulator } from 'masko-emulator';
import { MaskoContext } from '../../packages/unplugin/src/core/context.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(REPO, 'packages/unplugin/src/cli.ts');

export interface CliRun {
  code: number;
  out: string;
}

/**
 * `masko <args>` as a user runs it: a child process (from the sources, through tsx), plain output (CI),
 * the key and API URL from the environment. `out` is stdout and stderr together.
 */
export function runMasko(args: string[], env: Record<string, string | undefined>, cwd = REPO): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', CLI, ...args],
      {
        cwd,
        timeout: 120_000,
        env: { ...process.env, MASKO_API_KEY: KEY, CI: '1', NO_COLOR: '1', DEBUG: '', ...env },
      },
      (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: stdout + stderr }),
    );
  });
}

/** A recognisable fake key: if it shows up anywhere, we leaked it. */
export const KEY = `masko_${'feedc0de'.repeat(8)}`;

export interface Project {
  root: string;
  outer: string;
  cacheDir: string;
  lockfile: string;
  dts: string;
  close(): Promise<void>;
}

/** A project dir with its config; `nested` puts it three levels inside `outer`, so escapes can be seen. */
export async function makeProject(config: Record<string, unknown>, opts: { nested?: boolean } = {}): Promise<Project> {
  const outer = await mkdtemp(join(tmpdir(), 'masko-rel-'));
  const root = opts.nested ? join(outer, 'p/q/r') : outer;
  await mkdir(root, { recursive: true });
  await writeFile(join(root, 'masko.config.json'), JSON.stringify({ cacheDir: '.cache/masko', ...config }, null, 2));
  return {
    root,
    outer,
    cacheDir: join(root, '.cache/masko'),
    lockfile: join(root, 'masko.lock.json'),
    dts: join(root, 'masko.d.ts'),
    close: () => rm(outer, { recursive: true, force: true }),
  };
}

export interface SyncOutcome {
  ok: boolean;
  error?: string;
  lines: string[];
  creditsSpent?: number;
  plannedCost?: number;
}

/**
 * One `masko sync` in-process: the plugin's context (the CLI's code path) with masko-client. Short
 * client timeouts keep stalls to a second instead of the default 30 s; retries stay at their default.
 */
export async function syncInProcess(project: Project, emu: Emulator, opts: { apiUrl?: string; retries?: number } = {}): Promise<SyncOutcome> {
  const lines: string[] = [];
  const logger = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
  const ctx = new MaskoContext(
    { root: project.root, apiKey: KEY, apiUrl: opts.apiUrl ?? emu.apiUrl },
    {
      mode: 'build',
      logger,
      createClient: (o) =>
        createMaskoClient({
          apiKey: o.apiKey!,
          apiUrl: o.apiUrl,
          timeouts: { body: 1_000, headers: 5_000, total: 60_000 },
          retry: { minDelayMs: 20, maxDelayMs: 200, ...(opts.retries !== undefined ? { retries: opts.retries } : {}) },
          logger: { debug: (m) => lines.push(m), warn: (m) => lines.push(m) },
        }),
    },
  );
  try {
    const p = await ctx.prepare();
    return { ok: true, lines, creditsSpent: p.sync?.creditsSpent ?? 0, plannedCost: p.sync?.plannedCost ?? 0 };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error), lines };
  }
}

export interface Snapshot {
  lock: string | undefined;
  /** Cache files (relative path → sha256 of the bytes), sidecars and data alike. */
  files: Record<string, string>;
  /** Whatever is not a finished, named file: temp files, incoming downloads. */
  leftovers: string[];
  /** Files whose bytes do not match the sha256 in their name: must always be empty. */
  corrupt: string[];
}

async function walk(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

const sha = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

/** Reads the cache and lockfile and checks every cache file against its name. */
export async function snapshot(project: Project): Promise<Snapshot> {
  const files: Record<string, string> = {};
  const leftovers: string[] = [];
  const corrupt: string[] = [];
  for (const path of (await walk(project.cacheDir)).sort()) {
    const rel = relative(project.cacheDir, path);
    const bytes = await readFile(path);
    files[rel] = sha(bytes);
    const derived = /^derived\/[0-9a-f]{2}\/[0-9a-f]{64}\.(png|webp|avif)(\.json)?$/.exec(rel);
    if (derived) {
      // Posters are keyed by their inputs; the sidecar holds the sha256 of the encoded bytes.
      if (derived[2]) {
        const data = await readFile(path.slice(0, -'.json'.length)).catch(() => undefined);
        try {
          if (!data || (JSON.parse(bytes.toString('utf8')) as { sha256?: string }).sha256 !== sha(data)) corrupt.push(rel);
        } catch {
          corrupt.push(rel);
        }
      }
      continue;
    }
    const named = /^files\/[0-9a-f]{2}\/([0-9a-f]{64})\.[a-z0-9]+(\.json)?$/.exec(rel);
    if (!named) {
      delete files[rel];
      leftovers.push(rel);
      continue;
    }
    if (named[2]) {
      // A sidecar: whole JSON naming the same sha256.
      try {
        if ((JSON.parse(bytes.toString('utf8')) as { sha256?: string }).sha256 !== named[1]) corrupt.push(rel);
      } catch {
        corrupt.push(rel);
      }
    } else if (sha(bytes) !== named[1]) corrupt.push(rel);
  }
  return { lock: await readLock(project), files, leftovers, corrupt };
}

async function readLock(project: Project): Promise<string | undefined> {
  return existsSync(project.lockfile) ? readFile(project.lockfile, 'utf8') : undefined;
}

/**
 * Files still in `incoming/` when a sync has returned (must be 0: a failure aborts the other downloads
 * and the sync settles only once they have stopped), then a snapshot once anything left settles.
 */
export async function settledSnapshot(project: Project): Promise<Snapshot & { inFlightAtReturn: number }> {
  const inFlightAtReturn = (await walk(join(project.cacheDir, 'incoming'))).length;
  for (let i = 0; i < 100 && (await walk(join(project.cacheDir, 'incoming'))).length; i++) await new Promise((r) => setTimeout(r, 50));
  for (;;) {
    try {
      return { ...(await snapshot(project)), inFlightAtReturn };
    } catch (error) {
      // A temp file renamed or removed while we read: look again.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** Credits balance as the API reports it (the emulator's own books). */
export async function balance(emu: Emulator): Promise<number> {
  const res = await fetch(`${emu.apiUrl}/credits`, { headers: { authorization: `Bearer ${KEY}` } });
  return ((await res.json()) as { data: { balance: number } }).data.balance;
}

/** Every file under `dir` (relative), for "nothing written outside" checks. */
export async function listTree(dir: string): Promise<string[]> {
  return (await walk(dir)).map((p) => relative(dir, p)).sort();
}

/** Deterministic small PRNG (mulberry32): a seed picks a fault's parameters. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
