/**
 * Temp files (downloads in `incoming/`, `*.tmp` of atomic writes) carry their writer in their name:
 * `<host>-<pid>-<random>`. A killed sync leaves them behind; the next one removes them.
 *
 * The rule (never deletes a live writer's file): a temp file is stale when
 *  - it was written on this machine (same host tag) by a process that no longer exists; a live pid,
 *    our own included (two builds in one process), keeps it. A reused pid only delays the sweep.
 *  - or it has not been touched for a day, whoever wrote it (another machine sharing the directory,
 *    or a name from an older version): every write of ours ends long before (the client's deadline
 *    is minutes), so such a file can only be a leftover.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'pathe';

const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 6);
const TAG_RE = /(?:^|[.])([0-9a-f]{6})-(\d+)-[0-9a-f]{12}(?:[.]|$)/;
const UNTAGGED_TMP_RE = /\.[0-9a-f]{12}\.tmp$/;
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/** A fresh tag for one temp file of this process. */
export function tempTag(): string {
  return `${HOST}-${process.pid}-${randomBytes(6).toString('hex')}`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/** Whether `name` (a temp file's base name, last touched at `mtimeMs`) can be removed. */
export function isStaleTemp(name: string, mtimeMs: number, now = Date.now()): boolean {
  if (now - mtimeMs >= ABANDONED_AFTER_MS) return true;
  const tag = TAG_RE.exec(name);
  return !!tag && tag[1] === HOST && !alive(Number(tag[2]));
}

/** Removes the stale temp files among `paths`; returns how many. Never throws (a sweep is housekeeping). */
async function sweep(paths: string[]): Promise<number> {
  let removed = 0;
  const now = Date.now();
  for (const path of paths) {
    const mtime = await stat(path).then(
      (s) => s.mtimeMs,
      () => undefined,
    );
    if (mtime === undefined || !isStaleTemp(basename(path), mtime, now)) continue;
    await rm(path, { force: true }).then(
      () => removed++,
      () => undefined,
    );
  }
  return removed;
}

/** Every temp file in a cache directory: all of `incoming/`, and `*.tmp` under `files/` and `derived/`. */
export async function sweepCacheTemps(cacheDir: string): Promise<number> {
  const found: string[] = [];
  for (const sub of ['incoming', 'files', 'derived']) {
    const dir = join(cacheDir, sub);
    if (!existsSync(dir)) continue;
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isFile()) continue;
      if (sub === 'incoming' || e.name.endsWith('.tmp')) found.push(join(e.parentPath, e.name));
    }
  }
  return sweep(found);
}

/** `<file>.<tag>.tmp` (and legacy `<file>.<hex>.tmp`) siblings of `file`, e.g. a lockfile's. */
export async function sweepSiblingTemps(file: string): Promise<number> {
  const prefix = `${basename(file)}.`;
  const names = await readdir(dirname(file)).catch(() => [] as string[]);
  return sweep(
    names
      .filter((n) => n.startsWith(prefix) && n.endsWith('.tmp') && (TAG_RE.test(n.slice(prefix.length)) || UNTAGGED_TMP_RE.test(n)))
      .map((n) => join(dirname(file), n)),
  );
}
