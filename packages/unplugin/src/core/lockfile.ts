/**
 * `masko.lock.json`: what each mascot resolved to (item and asset ids, URLs, sha256, sizes). Sorted and
 * stable so diffs show only real changes; written atomically and only when changed; `frozen` compares.
 */
import { createHash } from 'node:crypto';
import type { ResolvedMascot } from './options.js';
import type { LockedCanvas } from './canvas.js';
import type { SourceFormat } from './plan.js';
import { MaskoError } from './errors.js';
import { readTextOrUndefined, stableStringify, writeFileAtomic } from './fs-utils.js';

export const LOCKFILE_VERSION = 1;

export interface LockedFile {
  format: SourceFormat;
  /** The asset id: the stable way back to the file (a fresh URL is asked of the API with it). */
  asset: string;
  /** Without its query: a signed URL's token expires and is never written here. */
  url: string;
  /** Probed from the file itself (and cross-checked with the API's when it gave them). */
  width: number | null;
  height: number | null;
  bytes: number;
  sha256: string;
  /** The API served a signed URL (a query was dropped above): fetch a fresh one by `asset` first. */
  signed?: true;
}
export interface LockedClip {
  item: string;
  loop: boolean;
  duration?: number;
  files: LockedFile[];
  /** Poster widths resized locally from the PNG file. */
  posters: number[];
  /** An edit pose: made by Masko's `edit` from this pose's image, with these instructions (pins.ts). */
  edit?: { from: string; instructions: string };
}
export interface LockedTransition extends LockedClip { from: string; to: string; reverse: boolean }
export interface LockedMascot {
  collection: string;
  name: string;
  /** Hash of the options this entry answers; a different hash means the entry must be re-resolved. */
  inputs: string;
  poses: Record<string, LockedClip>;
  transitions: LockedTransition[];
  /** Canvas mode: the state machine, its edges tied to the transition items above. */
  canvas?: LockedCanvas;
}
export interface Lockfile { lockfileVersion: typeof LOCKFILE_VERSION; mascots: Record<string, LockedMascot> }

export const emptyLockfile = (): Lockfile => ({ lockfileVersion: LOCKFILE_VERSION, mascots: {} });

/** The options of a mascot that decide its lock entry. */
export function mascotInputs(m: ResolvedMascot): string {
  const relevant = { canvas: m.canvas ?? null, collection: m.collection, formats: m.formats, include: m.include ?? 'all', initial: m.initial ?? null, poses: m.poses, sizes: m.sizes ?? null };
  return createHash('sha256').update(stableStringify(relevant)).digest('hex').slice(0, 16);
}

export function serializeLockfile(lock: Lockfile): string {
  const mascots: Record<string, LockedMascot> = {};
  for (const key of Object.keys(lock.mascots).sort()) {
    const m = lock.mascots[key]!;
    const sortFiles = (files: LockedFile[]) => [...files].sort((a, b) => (a.format < b.format ? -1 : a.format > b.format ? 1 : (a.width ?? 0) - (b.width ?? 0)));
    const poses: Record<string, LockedClip> = {};
    for (const name of Object.keys(m.poses)) poses[name] = { ...m.poses[name]!, files: sortFiles(m.poses[name]!.files) };
    const transitions = [...m.transitions]
      .map((t) => ({ ...t, files: sortFiles(t.files) }))
      .sort((a, b) => (`${a.from}\u0000${a.to}\u0000${a.item}` < `${b.from}\u0000${b.to}\u0000${b.item}` ? -1 : 1));
    mascots[key] = { ...m, poses, transitions };
  }
  return stableStringify({ lockfileVersion: lock.lockfileVersion, mascots });
}

export async function readLockfile(path: string): Promise<Lockfile | undefined> {
  const text = await readTextOrUndefined(path);
  if (text === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new MaskoError('lockfile_invalid', `lockfile ${path} is not valid JSON`, 'Delete it and run `masko sync` to recreate it.');
  }
  const lock = data as Partial<Lockfile>;
  if (lock.lockfileVersion !== LOCKFILE_VERSION || typeof lock.mascots !== 'object' || lock.mascots === null) {
    throw new MaskoError('lockfile_invalid', `lockfile ${path}: expected lockfileVersion ${LOCKFILE_VERSION} and a "mascots" object`, 'Delete it and run `masko sync` to recreate it.');
  }
  return lock as Lockfile;
}

/**
 * Writes the lockfile when its content changed. In `frozen` mode a change is an error instead, and
 * nothing is written. Returns whether the file changed.
 */
export async function commitLockfile(path: string, next: Lockfile, opts: { frozen: boolean }): Promise<boolean> {
  const text = serializeLockfile(next);
  const current = await readTextOrUndefined(path);
  if (current === text) return false;
  if (opts.frozen) {
    // Only a change of content counts: a hand-reformatted lockfile with the same data still passes.
    const same = current !== undefined && (() => { try { return serializeLockfile(JSON.parse(current) as Lockfile) === text; } catch { return false; } })();
    if (same) return false;
    throw new MaskoError('lockfile_frozen', `lockfile ${path} would change, and frozen mode forbids changing it`,
      'Run `masko sync` locally and commit masko.lock.json.');
  }
  await writeFileAtomic(path, text);
  return true;
}
