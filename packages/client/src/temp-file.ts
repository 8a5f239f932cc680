// A download's landing place: `<dest>.<random>.tmp` beside the destination, hashed as it is written,
// committed by fsync + rename (so `dest` is never torn) or discarded without a trace. It is opened while
// the request is on the wire: the first write waits for the open, the request does not.
import { createHash, type Hash, randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MaskoError } from './errors.js';

/** A local file problem (permissions, full disk, a folder in the way): not a network error, not retried. */
export function fileError(err: unknown, path: string): MaskoError {
  return new MaskoError('write_failed', `download: cannot write ${path}: ${(err as Error).message}`, undefined, { cause: err });
}

export class HashedTempFile {
  readonly path: string;
  /** The open handle; a failure to make the folder or the file is thrown by the first use. */
  #file: Promise<FileHandle>;
  #hash: Hash = createHash('sha256');
  /** Bytes written (and hashed) so far. */
  received = 0;

  private constructor(path: string, file: Promise<FileHandle>) {
    this.path = path;
    this.#file = file;
  }

  /** Starts making `dest`'s folder and the temp file beside it; returns at once. */
  static open(dest: string): HashedTempFile {
    const path = `${dest}.${randomBytes(6).toString('hex')}.tmp`;
    const file = mkdir(dirname(dest), { recursive: true })
      .catch((err: unknown) => Promise.reject(fileError(err, dirname(dest))))
      .then(() => open(path, 'wx').catch((err: unknown) => Promise.reject(fileError(err, path))));
    file.catch(() => undefined); // met, and thrown, by the first write or by discard()
    return new HashedTempFile(path, file);
  }

  async write(chunk: Buffer): Promise<void> {
    const file = await this.#file;
    this.#hash.update(chunk);
    // Explicit position: after `restart()` the handle's own position would still be at the old end.
    await file.write(chunk, 0, chunk.length, this.received).catch((err: unknown) => Promise.reject(fileError(err, this.path)));
    this.received += chunk.length;
  }

  /** Back to empty (a resume was refused, or the bytes so far are bad). */
  async restart(): Promise<void> {
    await (await this.#file).truncate(0).catch((err: unknown) => Promise.reject(fileError(err, this.path)));
    this.#hash = createHash('sha256');
    this.received = 0;
  }

  /** The sha256 of everything written; call once, when the body is complete. */
  digest(): string {
    return this.#hash.copy().digest('hex');
  }

  /** fsync (unless the caller verifies the file on read anyway), close and move into place. */
  async commit(dest: string, durable = true): Promise<void> {
    const file = await this.#file;
    if (durable) await file.sync().catch((err: unknown) => Promise.reject(fileError(err, this.path)));
    await file.close();
    await rename(this.path, dest).catch((err: unknown) => Promise.reject(fileError(err, dest)));
  }

  /** Close and delete (once the open has settled, so nothing is left behind); never throws. */
  async discard(): Promise<void> {
    const file = await this.#file.catch(() => undefined);
    await file?.close().catch(() => undefined);
    await rm(this.path, { force: true }).catch(() => undefined);
  }
}
