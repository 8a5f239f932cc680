/**
 * The content-addressed cache: files named by their sha256 under `<cacheDir>/files/`, written by a temp
 * file + rename, checked against their name on every first read in a process, with a small JSON sidecar
 * (no absolute paths, no mtimes) so a cache directory can move between machines.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'pathe';
import type { SyncClient } from './api-types.js';
import { EXT } from './emit.js';
import { MaskoError } from './errors.js';
import { stableStringify, writeFileAtomic } from './fs-utils.js';
import { tempTag } from './temp-files.js';
import { withoutQuery } from './url-identity.js';

const SHA256_RE = /^[0-9a-f]{64}$/;
const CACHE_EXTENSIONS = new Set<string>(Object.values(EXT));

export interface CachedFile {
  path: string;
  sha256: string;
  bytes: number;
}
export interface CacheOptions {
  /**
   * A bundler build reads every file once more to emit it and hashes those bytes (emit-read.ts), so a
   * hit of the expected size is enough here: each file is read once, and never emitted unverified.
   */
  hashOnEmit?: boolean;
}
export interface FetchOptions {
  expectedSha256?: string;
  /** The size the lockfile recorded: with `hashOnEmit`, a hit of this size is not hashed here. */
  expectedBytes?: number;
  offline?: boolean;
  /** Stops the download (the file is then not cached). Shared by every caller of one in-flight URL. */
  signal?: AbortSignal;
  onProgress?(received: number): void;
  /** The asset's id: when the host refuses the URL (an expired signed URL), a fresh one is asked of the API. */
  assetId?: string;
  /** The URL is known to need a fresh signature (the lockfile keeps none): ask the API for it first. */
  signed?: boolean;
  /** Runs the network request (a concurrency limit); the work around it (sidecar, rename) runs outside. */
  schedule?<T>(request: () => Promise<T>): Promise<T>;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export class AssetCache {
  readonly #verified = new Map<string, CachedFile>();
  readonly #inFlight = new Map<string, Promise<CachedFile>>();
  #incoming: Promise<unknown> | undefined;

  constructor(
    readonly dir: string,
    private readonly client?: SyncClient,
    private readonly cacheOptions: CacheOptions = {},
  ) {}

  get hashOnEmit(): boolean {
    return !!this.cacheOptions.hashOnEmit;
  }

  /**
   * Where the file of `sha256` lives. Refuses (throws) anything but 64 lower-case hex digits and one of our
   * extensions, and any path that would resolve outside the cache: the lockfile schema already checks
   * these, this is the second line (nothing is hashed, read or removed outside `<cacheDir>/files/`).
   */
  pathFor(sha256: string, ext: string): string {
    const files = resolve(this.dir, 'files');
    const path = resolve(files, sha256.slice(0, 2), `${sha256}${ext}`);
    if (!SHA256_RE.test(sha256) || !CACHE_EXTENSIONS.has(ext) || !path.startsWith(`${files}/`)) {
      throw new MaskoError(
        'cache_path_refused',
        `refusing cache entry sha256 ${JSON.stringify(sha256.slice(0, 80))} with extension ${JSON.stringify(ext)}: expected 64 lower-case hex digits and one of ${[...CACHE_EXTENSIONS].join(', ')}, inside ${files}`,
        'The lockfile or the API gave a value that is not a sha256; restore masko.lock.json and run `masko sync`.',
      );
    }
    return path;
  }

  /** The cached file when it exists and its bytes match its name; a corrupt file is removed. */
  async get(sha256: string, ext: string, expectedBytes?: number): Promise<CachedFile | undefined> {
    const path = this.pathFor(sha256, ext);
    const known = this.#verified.get(path);
    if (known) return known;
    let bytes: number;
    try {
      bytes = (await stat(path)).size;
    } catch {
      return undefined;
    }
    if (this.cacheOptions.hashOnEmit && bytes === expectedBytes) return { path, sha256, bytes }; // hashed when emitted
    if ((await sha256File(path)) !== sha256) {
      await rm(path, { force: true });
      return undefined;
    }
    const file = { path, sha256, bytes };
    this.#verified.set(path, file);
    return file;
  }

  /**
   * The file behind `url`: from the cache when `expectedSha256` is known and present, else downloaded
   * (one download per URL in flight). Never touches the network when `offline`.
   */
  fetch(url: string, ext: string, opts: FetchOptions = {}): Promise<CachedFile> {
    const key = `${url}\u0000${opts.expectedSha256 ?? ''}`;
    let pending = this.#inFlight.get(key);
    if (!pending) {
      pending = this.#fetch(url, ext, opts).finally(() => this.#inFlight.delete(key));
      this.#inFlight.set(key, pending);
    }
    return pending;
  }

  /** Makes `incoming/` now (a sync asks while its listing is on the wire): the first downloads then find it made. */
  prepareDownloads(): void {
    this.#incomingDir().catch(() => undefined); // a failure is met again, and reported, by the first download
  }

  /** `incoming/`, made once per cache object (not once per download); made again after a failure. */
  #incomingDir(): Promise<unknown> {
    const made = (this.#incoming ??= mkdir(join(this.dir, 'incoming'), { recursive: true }));
    made.catch(() => {
      if (this.#incoming === made) this.#incoming = undefined;
    });
    return made;
  }

  /** Removes a file (and its sidecar) found unusable after it was cached, e.g. a PNG that does not decode. */
  async evict(file: CachedFile): Promise<void> {
    if (!resolve(file.path).startsWith(`${resolve(this.dir)}/`))
      throw new MaskoError('cache_path_refused', `refusing to remove ${file.path}: it is outside the cache ${this.dir}`);
    this.#verified.delete(file.path);
    await rm(file.path, { force: true });
    await rm(`${file.path}.json`, { force: true });
  }

  async #fetch(url: string, ext: string, opts: FetchOptions): Promise<CachedFile> {
    if (opts.expectedSha256) {
      const hit = await this.get(opts.expectedSha256, ext, opts.expectedBytes);
      if (hit) return hit;
    }
    if (!opts.offline && !this.client) {
      throw new MaskoError(
        'cache_miss',
        `${url} (sha256 ${opts.expectedSha256?.slice(0, 12) ?? 'unknown'}…) is not in the cache at ${this.dir}, and there is no API key to fetch it with`,
        'Set MASKO_API_KEY, or restore the cache directory.',
      );
    }
    if (opts.offline || !this.client) {
      throw new MaskoError(
        'cache_miss',
        `offline and ${url} (sha256 ${opts.expectedSha256?.slice(0, 12) ?? 'unknown'}…) is not in the cache at ${this.dir}`,
        'Run `masko sync` once with network access, or restore the cache directory.',
      );
    }
    // Named with our pid: a killed sync's leftovers are swept by the next one (temp-files.ts).
    const incoming = join(this.dir, 'incoming', `${tempTag()}${ext}`);
    await this.#incomingDir();
    let seen = 0; // the client reports a running total; progress wants the new bytes (a retry restarts at 0)
    const client = this.client;
    const schedule = opts.schedule ?? ((request) => request());
    const assetId = opts.assetId;
    const refreshUrl = assetId ? async () => (await client.assets.get(assetId, opts.signal)).url : undefined;
    const got = await schedule(async () =>
      client.download(opts.signed && refreshUrl ? await refreshUrl() : url, incoming, {
        ...(refreshUrl ? { refreshUrl } : {}),
        durable: false, // every first read in a process re-hashes the file: a torn one is fetched again
        ...(opts.expectedSha256 ? { expectedSha256: opts.expectedSha256 } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.onProgress
          ? {
              onProgress: (received: number) => {
                opts.onProgress!(received >= seen ? received - seen : received);
                seen = received;
              },
            }
          : {}),
      }),
    );
    const path = this.pathFor(got.sha256, ext);
    try {
      // Sidecar first: a process killed in between leaves a sidecar without its file (fetched again next
      // time), never a file without its sidecar (a later cache hit by sha256 would not write it).
      await writeFileAtomic(
        `${path}.json`,
        stableStringify({ url: withoutQuery(url), sha256: got.sha256, bytes: got.bytes, contentType: got.contentType ?? null }),
      );
      await rename(got.path, path);
    } catch (error) {
      await rm(got.path, { force: true });
      throw error;
    }
    const file = { path, sha256: got.sha256, bytes: got.bytes };
    this.#verified.set(path, file);
    return file;
  }
}
