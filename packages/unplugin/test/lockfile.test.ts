import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'pathe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitLockfile, type LockedFile, type Lockfile, mascotOptionsHash, readLockfile, serializeLockfile } from '../src/core/lockfile.js';
import { mascot } from './helpers.js';

const file = (format: LockedFile['format'], width: number): LockedFile => ({
  format,
  asset: `a-${format}-${width}`,
  url: `https://x/${format}-${width}`,
  width,
  height: width,
  bytes: 10,
  sha256: createHash('sha256').update(`${format}${width}`).digest('hex'),
});

function lock(order: 'a' | 'b'): Lockfile {
  const poses =
    order === 'a'
      ? {
          Idle: { item: 'i1', loop: true, files: [file('webm', 720), file('png', 720), file('webm', 360)], posters: [360, 720] },
          Wave: { item: 'i2', loop: false, files: [], posters: [] },
        }
      : {
          Wave: { loop: false, item: 'i2', posters: [], files: [] },
          Idle: { posters: [360, 720], files: [file('webm', 360), file('webm', 720), file('png', 720)], loop: true, item: 'i1' },
        };
  const t1 = { item: 't1', from: 'Idle', to: 'Wave', reverse: false, loop: false, files: [], posters: [] };
  const t2 = { item: 't2', from: 'Wave', to: 'Idle', reverse: true, loop: false, files: [], posters: [] };
  return {
    lockfileVersion: 1,
    mascots: { felix: { collection: 'c', name: 'Felix', optionsHash: 'h', poses, transitions: order === 'a' ? [t2, t1] : [t1, t2] } },
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'masko-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('lockfile', () => {
  it('serialises the same data to the same bytes whatever the insertion order', () => {
    expect(serializeLockfile(lock('a'))).toBe(serializeLockfile(lock('b')));
    const text = serializeLockfile(lock('a'));
    expect(text.indexOf('"png"')).toBeLessThan(text.indexOf('"webm"'));
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('writes only when the content changes', async () => {
    const path = join(dir, 'masko.lock.json');
    expect(await commitLockfile(path, lock('a'), { frozen: false })).toBe(true);
    const before = await stat(path);
    expect(await commitLockfile(path, lock('b'), { frozen: false })).toBe(false);
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs);
    expect(await readLockfile(path)).toEqual(JSON.parse(serializeLockfile(lock('a'))));
  });

  it('in frozen mode fails on a change and leaves the file alone', async () => {
    const path = join(dir, 'masko.lock.json');
    await commitLockfile(path, lock('a'), { frozen: false });
    const changed = lock('a');
    changed.mascots.felix!.name = 'Felix II';
    await expect(commitLockfile(path, changed, { frozen: true })).rejects.toThrow(/would change.*frozen/);
    expect(await readFile(path, 'utf8')).toBe(serializeLockfile(lock('a')));
    expect(await commitLockfile(path, lock('b'), { frozen: true })).toBe(false);
    // Reformatted by hand, same data: frozen still passes and the file is left as it is.
    const compact = JSON.stringify(JSON.parse(await readFile(path, 'utf8')));
    await writeFile(path, compact);
    expect(await commitLockfile(path, lock('a'), { frozen: true })).toBe(false);
    expect(await readFile(path, 'utf8')).toBe(compact);
  });

  it('reads a lockfile written before optionsHash was renamed (its `inputs`), and frozen mode accepts it unchanged', async () => {
    const path = join(dir, 'masko.lock.json');
    const { optionsHash, ...rest } = lock('a').mascots.felix!;
    const old = `${JSON.stringify({ lockfileVersion: 1, mascots: { felix: { ...rest, inputs: optionsHash } } }, null, 2)}\n`;
    await writeFile(path, old);
    expect((await readLockfile(path))?.mascots.felix?.optionsHash).toBe('h');
    expect(await commitLockfile(path, lock('a'), { frozen: true })).toBe(false);
    expect(await readFile(path, 'utf8')).toBe(old);
    expect(await commitLockfile(path, lock('a'), { frozen: false })).toBe(true);
    expect(await readFile(path, 'utf8')).toBe(serializeLockfile(lock('a')));
  });

  it('rejects a damaged lockfile with the fix', async () => {
    const path = join(dir, 'masko.lock.json');
    await writeFile(path, '{"lockfileVersion": 1, "mascots"');
    await expect(readLockfile(path)).rejects.toThrow(/not valid JSON[\s\S]*masko sync/);
  });

  it('keys entries by the options that shape them', () => {
    expect(mascotOptionsHash(mascot())).toBe(mascotOptionsHash(mascot()));
    expect(mascotOptionsHash(mascot({ sizes: [360] }))).not.toBe(mascotOptionsHash(mascot()));
  });
});
