// The cache's second line of defence (the lockfile schema is the first): it never builds, hashes or
// removes a path from a value that is not a sha256, and never removes a file outside itself.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'pathe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AssetCache } from '../src/core/cache.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'masko-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cache paths', () => {
  it('refuses anything but 64 lower-case hex digits and our extensions, before touching the disk', async () => {
    const victim = join(dir, 'victim.mov');
    await writeFile(victim, 'keep me');
    const cache = new AssetCache(join(dir, 'a/b/cache'));
    for (const sha of ['../../../victim', `../../../../${'0'.repeat(54)}`, '/etc/passwd', 'A'.repeat(64), '0'.repeat(63), '']) {
      await expect(cache.get(sha, '.mov')).rejects.toThrow(/^\[masko\] refusing cache entry sha256 /);
    }
    await expect(cache.get('0'.repeat(64), '/../../../../victim.mov')).rejects.toThrow(/with extension/);
    await expect(cache.fetch('https://x/y', '.mov', { expectedSha256: '../../../victim', offline: true })).rejects.toThrow(/refusing cache entry/);
    expect(await readFile(victim, 'utf8')).toBe('keep me');
  });

  it('never evicts a file outside the cache', async () => {
    const victim = join(dir, 'victim.png');
    await writeFile(victim, 'keep me');
    const cache = new AssetCache(join(dir, 'cache'));
    await expect(cache.evict({ path: victim, sha256: '0'.repeat(64), bytes: 7 })).rejects.toThrow(/outside the cache/);
    expect(await readFile(victim, 'utf8')).toBe('keep me');
  });
});
