/**
 * Reading the files a build emits: each read once, concurrently, and hashed from the very buffer that is
 * emitted, so integrity is checked on every read without reading a file twice (the cache only checked
 * its size, see cache.ts `hashOnEmit`). A file that does not match is removed and the context prepared
 * again, which fetches (or re-encodes) it; a second mismatch fails the build naming the file.
 */
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import pLimit from 'p-limit';
import type { Prepared } from './context.js';
import { MaskoError } from './errors.js';
import type { OutputFile } from './manifest.js';
import { settleEvery } from './settle.js';

/** Reads in flight: enough to keep the disk busy, few enough to bound open files. */
const READS = 16;

class Mismatch extends Error {
  constructor(
    readonly file: OutputFile,
    readonly actual: string,
  ) {
    super(file.path);
  }
}

async function readChecked(file: OutputFile): Promise<Buffer> {
  const bytes = await readFile(file.path);
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== file.sha256) {
    await Promise.all([rm(file.path, { force: true }), rm(`${file.path}.json`, { force: true })]);
    throw new Mismatch(file, actual);
  }
  return bytes;
}

/** All settle before a failure is thrown, so no read is still removing a file when we prepare again. */
async function readAll(files: OutputFile[]): Promise<Buffer[]> {
  const limit = pLimit(READS);
  // A mismatch wins over other failures: it is the one `readVerified` recovers from.
  return settleEvery(
    files.map((f) => limit(() => readChecked(f))),
    (failures) => failures.find((e) => e instanceof Mismatch) ?? failures[0],
  );
}

/**
 * The bytes of `files` (by file name) from `prepared`, verified. `reprepare` runs once when a file was
 * corrupt: it must forget the last result and prepare again (the removed file is then fetched again).
 */
export async function readVerified(files: OutputFile[], reprepare: () => Promise<Prepared>): Promise<Buffer[]> {
  try {
    return await readAll(files);
  } catch (error) {
    if (!(error instanceof Mismatch)) throw error;
    const fresh = new Map((await reprepare()).files.map((f) => [f.fileName, f]));
    try {
      return await readAll(files.map((f) => fresh.get(f.fileName) ?? f));
    } catch (again) {
      if (!(again instanceof Mismatch)) throw again;
      throw new MaskoError(
        'cache_corrupt',
        `${again.file.path} (emitted as ${again.file.fileName}) has sha256 ${again.actual}, expected ${again.file.sha256}, even after fetching it again; it was removed`,
        'Check the disk, or delete the cache directory and build again.',
      );
    }
  }
}
