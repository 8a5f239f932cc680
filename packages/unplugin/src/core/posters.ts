/**
 * Posters: the pose's transparent PNG resized locally with sharp (PNG, optionally WebP/AVIF), cached
 * under `<cacheDir>/derived/` by a key of source hash + width + format + sharp version. Real pixel
 * dimensions are read from the encoded file, never assumed.
 */
import { createHash } from 'node:crypto';
import { channel } from 'node:diagnostics_channel';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { dirname, join } from 'pathe';
import { sha256File } from './cache.js';
import { readTextOrUndefined, stableStringify, writeFileAtomic } from './fs-utils.js';

const POSTER_FORMATS = ['png', 'webp', 'avif'] as const;
export type PosterFormat = (typeof POSTER_FORMATS)[number];
/** The poster formats among a mascot's `formats`, in a fixed order. */
export const posterFormatsOf = (formats: readonly string[]): PosterFormat[] => POSTER_FORMATS.filter((f) => formats.includes(f));
export interface Poster {
  path: string;
  format: PosterFormat;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
}

/** Part of every poster's cache key: bumped when the encoding changes, so a cache never mixes two encodings. */
const VERSION = 2;
/**
 * zlib level of PNG posters: 6 (zlib's default) encodes the demo's 16 posters in half the CPU time of 9
 * (143 vs 294 ms) for 3% more bytes (541 vs 524 kB); that CPU competes with the downloads of a sync.
 */
const PNG_COMPRESSION_LEVEL = 6;

/**
 * sharp is native and not small: loaded on the first poster, not when a bundler loads the plugin. Through
 * `require`: its CommonJS build loads in about half the CPU time of its ESM build, which goes through the
 * ESM loader and cjs-module-lexer (for its CommonJS dependencies) on the main thread.
 */
let sharpModule: typeof import('sharp').default | undefined;
const loadSharp = () => (sharpModule ??= createRequire(import.meta.url)('sharp') as typeof import('sharp').default);

let preloading = false;
/**
 * Loads sharp while the main thread only waits on the network: once every request undici has created is
 * on the wire (a sync's listing), rather than when the first poster starts, where its ~40 ms of loading
 * would hold up every download in flight. undici reports both moments on its public diagnostics channels;
 * if they never come, sharp loads with the first poster as before.
 */
export function loadSharpOnceRequestsAreSent(): void {
  if (sharpModule || preloading) return;
  preloading = true;
  const created = channel('undici:request:create');
  const sent = channel('undici:client:sendHeaders');
  let unsent = 0;
  const onCreated = () => {
    unsent++;
  };
  const onSent = () => {
    if (--unsent > 0) return;
    setImmediate(() => {
      if (unsent > 0 || sharpModule) return; // another request was created meanwhile: wait until it is sent
      created.unsubscribe(onCreated);
      sent.unsubscribe(onSent);
      preloading = false;
      try {
        loadSharp();
      } catch {
        /* the first poster reports it */
      }
    });
  };
  created.subscribe(onCreated);
  sent.subscribe(onSent);
}

/**
 * sharp's version (part of a poster's cache key) from its package.json, so a build whose posters are all
 * cached never loads sharp. Falls back to sharp itself when the file cannot be found.
 */
let version: Promise<string> | undefined;
export function sharpVersion(): Promise<string> {
  return (version ??= (async () => {
    try {
      for (let dir = dirname(fileURLToPath(import.meta.resolve('sharp'))), i = 0; i < 4; dir = dirname(dir), i++) {
        const pkg = JSON.parse((await readTextOrUndefined(join(dir, 'package.json'))) ?? '{}') as { name?: string; version?: string };
        if (pkg.name === 'sharp' && pkg.version) return pkg.version;
      }
    } catch {
      /* not resolvable from here: ask sharp */
    }
    return loadSharp().versions.sharp ?? '';
  })());
}

/**
 * Encodes at once: one per core (at most 4, as each holds a thread of libuv's 4-thread pool, where file
 * work waits too), but one core fewer while downloads run: posters start as their PNG lands, and the main
 * thread (sockets, hashing, file work) needs a core of its own; on 2 cores, two encodes beside it slowed
 * every download. Once the downloads are done, the encodes left take every core.
 */
const encodes = pLimit(Math.min(4, availableParallelism()));
let downloading = 0;

/** Runs `downloads` with one core left to the main thread (see `encodes`). */
export async function leavingACoreTo<T>(downloads: () => Promise<T>): Promise<T> {
  const setEncodes = () => {
    encodes.concurrency = Math.max(1, Math.min(4, availableParallelism() - (downloading ? 1 : 0)));
  };
  downloading++;
  setEncodes();
  try {
    return await downloads();
  } finally {
    downloading--;
    setEncodes();
  }
}

/** One encode per poster in flight: a sync starts posters as their PNG lands, the manifest joins them. */
const inFlight = new Map<string, Promise<Poster>>();
/**
 * Posters this process encoded or hashed, by path: the manifest step, right after a sync made them, checks
 * their size instead of hashing them again (the cache directory can still change under a long-lived process).
 */
const verified = new Map<string, Poster>();

/** `sizeOnly`: a build hashes the poster when it emits it (emit-read.ts), so the cache check is its size. */
export async function makePoster(
  cacheDir: string,
  source: { path: string; sha256: string },
  width: number,
  format: PosterFormat,
  sizeOnly = false,
): Promise<Poster> {
  const key = createHash('sha256')
    .update(`${VERSION}|${source.sha256}|${width}|${format}|${await sharpVersion()}`)
    .digest('hex');
  const path = join(cacheDir, 'derived', key.slice(0, 2), `${key}.${format}`);
  const known = verified.get(path);
  if (known && (await stat(path).catch(() => undefined))?.size === known.bytes) return known;
  let pending = inFlight.get(path);
  if (!pending) {
    pending = encodePoster(path, source, width, format, sizeOnly).finally(() => inFlight.delete(path));
    inFlight.set(path, pending);
  }
  return pending;
}

async function encodePoster(path: string, source: { path: string }, width: number, format: PosterFormat, sizeOnly: boolean): Promise<Poster> {
  const meta = await readTextOrUndefined(`${path}.json`);
  if (meta) {
    const known = JSON.parse(meta) as Omit<Poster, 'path'>;
    if (sizeOnly && (await stat(path).catch(() => undefined))?.size === known.bytes) return { ...known, path };
    const actual = await sha256File(path).catch(() => undefined);
    if (actual === known.sha256) return remember({ ...known, path });
  }
  const input = await readFile(source.path);
  const sharp = loadSharp();
  const { data, info } = await encodes(() => {
    const pipeline = sharp(input).resize({ width, withoutEnlargement: true });
    const encoded =
      format === 'png'
        ? pipeline.png({ compressionLevel: PNG_COMPRESSION_LEVEL })
        : format === 'webp'
          ? pipeline.webp({ quality: 90, alphaQuality: 100 })
          : pipeline.avif({ quality: 60 });
    return encoded.toBuffer({ resolveWithObject: true });
  });
  const sha256 = createHash('sha256').update(data).digest('hex');
  await writeFileAtomic(path, data);
  const poster: Omit<Poster, 'path'> = { format, width: info.width, height: info.height, bytes: data.length, sha256 };
  await writeFileAtomic(`${path}.json`, stableStringify(poster));
  return remember({ ...poster, path });
}

function remember(poster: Poster): Poster {
  verified.set(poster.path, poster);
  return poster;
}
