// A download's landing place: `<dest>.<random>.tmp` beside the destination, hashed as it is written,
// committed by fsync + rename (so `dest` is never torn) or discarded without a trace.
import { createHash, type Hash, randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { MaskoError } from './errors.js';

/** A local file problem (permissions, full disk, a folder in the way): not a network error, not retried. */
export function fileError(err: unknown, path: string): MaskoError {
  return new MaskoError('write_failed', `download: cannot write ${path}: ${(err as Error).message}`, undefined, { cause: err });
}

export class HashedTempFile {
  readonly path: string;
  #file: FileHandle;
  #hash: Hash = createHash('sha256');
  /** Bytes written (and hashed) so far. */
  received = 0;

  private constructor(path: string, file: FileHandle) {
    this.path = path;
    this.#file = file;
  }

  static async create(dest: string): Promise<HashedTempFile> {
    const path = `${dest}.${randomBytes(6).toString('hex')}.tmp`;
    const file = await open(path, 'wx').catch((err: unknown) => Promise.reject(fileError(err, path)));
    return new HashedTempFile(path, file);
  }

  async write(chunk: Buffer): Promise<void> {
    this.#hash.update(chunk);
    // Explicit position: after `restart()` the handle's own position would still be at the old end.
    await this.#file.write(chunk, 0, chunk.length, this.received).catch((err: unknown) => Promise.reject(fileError(err, this.path)));
    this.received += chunk.length;
  }

  /** Back to empty (a resume was refused, or the bytes so far are bad). */
  async restart(): Promise<void> {
    await this.#file.truncate(0).catch((err: unknown) => Promise.reject(fileError(err, this.path)));
    this.#hash = createHash('sha256');
    this.received = 0;
  }

  /** The sha256 of everything written; call once, when the body is complete. */
  digest(): string {
    return this.#hash.copy().digest('hex');
  }

  /** fsync (unless the caller verifies the file on read anyway), close and move into place. */
  async commit(dest: string, durable = true): Promise<void> {
    if (durable) await this.#file.sync().catch((err: unknown) => Promise.reject(fileError(err, this.path)));
    await this.#file.close();
    await rename(this.path, dest).catch((err: unknown) => Promise.reject(fileError(err, dest)));
  }

  /** Close and delete; never throws. */
  async discard(): Promise<void> {
    await this.#file.close().catch(() => undefined);
    await rm(this.path, { force: true }).catch(() => undefined);
  }
}
