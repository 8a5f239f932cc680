/**
 * `masko.lock.json`: what each mascot resolved to (item and asset ids, URLs, sha256, sizes). Sorted and
 * stable so diffs show only real changes; written atomically and only when changed; `frozen` compares.
 */
import { createHash } from 'node:crypto';
import * as v from 'valibot';
import { MaskoError } from './errors.js';
import { readTextOrUndefined, stableStringify, writeFileAtomic } from './fs-utils.js';
import { LOCKFILE_VERSION, type LockedClip, type LockedFile, type LockedMascot, type Lockfile, LockfileSchema, readLegacyFields } from './lockfile-schema.js';
import { dict } from './named-record.js';
import type { ResolvedMascot } from './options.js';

export type { LockedCanvas, LockedClip, LockedEdge, LockedFile, LockedMascot, LockedTransition, Lockfile } from './lockfile-schema.js';
export { LOCKFILE_VERSION };

export const emptyLockfile = (): Lockfile => ({ lockfileVersion: LOCKFILE_VERSION, mascots: dict() });

/** The options of a mascot that decide its lock entry. */
export function mascotOptionsHash(m: ResolvedMascot): string {
  const relevant = {
    canvas: m.canvas ?? null,
    collection: m.collection,
    formats: m.formats,
    include: m.include ?? 'all',
    initial: m.initial ?? null,
    poses: m.poses,
    sizes: m.sizes ?? null,
  };
  return createHash('sha256').update(stableStringify(relevant)).digest('hex').slice(0, 16);
}

export function serializeLockfile(lock: Lockfile): string {
  const mascots = dict<LockedMascot>();
  for (const key of Object.keys(lock.mascots).sort()) {
    const m = lock.mascots[key]!;
    const sortFiles = (files: LockedFile[]) =>
      [...files].sort((a, b) => (a.format < b.format ? -1 : a.format > b.format ? 1 : (a.width ?? 0) - (b.width ?? 0)));
    const poses = dict<LockedClip>();
    for (const name of Object.keys(m.poses)) poses[name] = { ...m.poses[name]!, files: sortFiles(m.poses[name]!.files) };
    const transitions = [...m.transitions]
      .map((t) => ({ ...t, files: sortFiles(t.files) }))
      .sort((a, b) => (`${a.from}\u0000${a.to}\u0000${a.item}` < `${b.from}\u0000${b.to}\u0000${b.item}` ? -1 : 1));
    mascots[key] = { ...m, poses, transitions };
  }
  return stableStringify({ lockfileVersion: lock.lockfileVersion, mascots });
}

const HINT = 'Restore masko.lock.json from version control, or delete the entry (or the file) and run `masko sync` to recreate it.';

/**
 * The lockfile, checked against its schema: a bad entry is refused naming the file, the mascot, the pose
 * and the field, before any of its values reaches a path, a URL or generated code.
 */
export async function readLockfile(path: string): Promise<Lockfile | undefined> {
  const text = await readTextOrUndefined(path);
  if (text === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new MaskoError('lockfile_invalid', `lockfile ${path} is not valid JSON`, 'Delete it and run `masko sync` to recreate it.');
  }
  const parsed = v.safeParse(LockfileSchema, readLegacyFields(data));
  if (!parsed.success) {
    const lines = parsed.issues.slice(0, 5).map((issue) => describeLockIssue(data, issue));
    const more = parsed.issues.length > 5 ? `\n  (and ${parsed.issues.length - 5} more)` : '';
    throw new MaskoError('lockfile_invalid', `lockfile ${path}: ${lines.join('\n  ')}${more}; nothing was read from it or changed`, HINT);
  }
  return parsed.output;
}

/** `mascot "felix", pose "Idle", files[0].sha256: expected …, received …` from a valibot issue's path. */
function describeLockIssue(data: unknown, issue: v.BaseIssue<unknown>): string {
  const steps = issue.path ?? [];
  const keys = steps.map((step) => (step as { key: unknown }).key as string | number);
  const quote = (name: string | number) => JSON.stringify(typeof name === 'string' && name.length > 60 ? `${name.slice(0, 57)}...` : name);
  const where: string[] = [];
  let i = 0;
  if (keys[0] === 'mascots' && keys.length > 1) {
    where.push(`mascot ${quote(keys[1]!)}`);
    i = 2;
    if (keys[2] === 'poses' && keys.length > 3) {
      where.push(`pose ${quote(keys[3]!)}`);
      i = 4;
    } else if (keys[2] === 'transitions' && typeof keys[3] === 'number') {
      const t = (data as { mascots: Record<string, { transitions: { from?: unknown; to?: unknown }[] }> }).mascots[keys[1] as string]?.transitions[keys[3]];
      where.push(
        `transition ${keys[3]}${typeof t?.from === 'string' && typeof t.to === 'string' ? ` (${JSON.stringify(t.from)} to ${JSON.stringify(t.to)})` : ''}`,
      );
      i = 4;
    }
  }
  // A bad key (a pose or mascot name) is reported on the key itself: its "name".
  const named = (steps.at(-1) as { origin?: string } | undefined)?.origin === 'key';
  const field = named ? 'name' : keys.slice(i).reduce<string>((out, k) => (typeof k === 'number' ? `${out}[${k}]` : out ? `${out}.${k}` : String(k)), '');
  const expected = issue.message.startsWith('expected ') ? issue.message : `expected ${issue.expected ?? 'a valid value'}`;
  const received = issue.received.length > 80 ? `${issue.received.slice(0, 77)}...` : issue.received;
  return `${[...where, field || '(top level)'].join(', ')}: ${expected}, received ${received}`;
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
    const same =
      current !== undefined
      && (() => {
        try {
          return serializeLockfile(readLegacyFields(JSON.parse(current)) as Lockfile) === text;
        } catch {
          return false;
        }
      })();
    if (same) return false;
    throw new MaskoError(
      'lockfile_frozen',
      `lockfile ${path} would change, and frozen mode forbids changing it`,
      'Run `masko sync` locally and commit masko.lock.json.',
    );
  }
  await writeFileAtomic(path, text);
  return true;
}
