/**
 * Downloads a plan's files into the cache (bounded, one per URL) and turns them into a lock entry.
 * All-or-nothing: the first failure aborts every other download and is thrown only once all have
 * stopped writing. A PNG that is not a readable image never stays in the cache.
 */
import type pLimit from 'p-limit';
import type { AssetCache, CachedFile } from './cache.js';
import { checkAgainstApi } from './check-asset.js';
import { EXT } from './emit.js';
import { MaskoError, namingEntry, shownUrl } from './errors.js';
import { type LockedClip, type LockedFile, type LockedMascot, mascotOptionsHash } from './lockfile.js';
import { dict } from './named-record.js';
import type { ResolvedMascot } from './options.js';
import type { MascotPlan, PlannedClip, PlannedFile } from './plan.js';
import { makePoster, type PosterFormat, posterFormatsOf } from './posters.js';
import { type Dims, pngFileDims, probeDims } from './probe/index.js';
import type { Progress } from './reporting.js';
import { settleAll } from './settle.js';
import { hasQuery, withoutQuery } from './url-identity.js';

export interface DownloadRun {
  cache: AssetCache;
  limit: ReturnType<typeof pLimit>;
  /** Shared by every download of one sync: aborted by the first failure. */
  abort: AbortController;
  progress?: Progress | undefined;
  downloaded: { files: number; bytes: number };
  /** Poster encodes started during the downloads: awaited before the sync returns, so nothing still writes. */
  posters: Promise<unknown>[];
}

/** The poster widths a clip ships for its PNG (never wider than the PNG itself). */
export function posterWidthsFor(wanted: number[], pngWidth: number | null | undefined): number[] {
  return pngWidth ? [...new Set([...wanted.filter((w) => w <= pngWidth), pngWidth])].sort((a, b) => a - b) : [];
}

/**
 * Encodes a clip's posters as soon as its PNG is in, overlapping the other downloads. Only a head start:
 * the manifest step joins these (one encode per poster) and is where a failure is reported.
 */
function startPosters(run: DownloadRun, file: CachedFile, widths: number[], formats: PosterFormat[]): void {
  if (run.abort.signal.aborted) return;
  for (const format of formats) for (const width of widths) run.posters.push(makePoster(run.cache.dir, file, width, format).catch(() => undefined));
}

async function fetchFile(run: DownloadRun, f: PlannedFile): Promise<CachedFile> {
  return run.cache.fetch(f.asset.url, EXT[f.format], {
    assetId: f.asset.id,
    ...(f.asset.sha256 ? { expectedSha256: f.asset.sha256 } : {}),
    signal: run.abort.signal,
    // Only the request holds a slot: sidecar, rename and PNG checks overlap the next downloads.
    schedule: (request) =>
      run.limit(() => {
        run.abort.signal.throwIfAborted(); // queued behind the limit while another download failed
        return request();
      }),
    onProgress: (n) => run.progress?.advance(n),
  });
}

/** Pixel size of a downloaded PNG; an unreadable one is evicted and fetched once more, then refused. */
async function pngSize(run: DownloadRun, f: PlannedFile, got: CachedFile): Promise<{ file: CachedFile; width: number; height: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { file: got, ...(await pngFileDims(got.path)) };
    } catch (error) {
      await run.cache.evict(got);
      if (attempt === 2) {
        throw new MaskoError(
          'bad_image',
          `${shownUrl(f.asset.url)}: expected a PNG image (the ${f.asset.type} asset ${f.asset.id}), got ${got.bytes} bytes that are not a readable image (${(error as Error).message}); nothing was kept in the cache`,
          'The API served a broken file twice; try again later, or report the asset to Masko.',
        );
      }
      run.abort.signal.throwIfAborted();
      got = await fetchFile(run, f);
    }
  }
}

async function lockFile(run: DownloadRun, f: PlannedFile, clip: PlannedClip, posterFormats: PosterFormat[]): Promise<LockedFile> {
  run.abort.signal.throwIfAborted();
  let got = await fetchFile(run, f);
  let dims: Dims;
  if (f.format === 'png') {
    ({ file: got, ...dims } = await pngSize(run, f, got));
    startPosters(run, got, posterWidthsFor(clip.posterWidths, dims.width), posterFormats);
  } else {
    dims = await probeDims(got.path, f.format, `${shownUrl(f.asset.url)} (the ${f.asset.type} asset ${f.asset.id})`);
  }
  checkAgainstApi(f.asset, shownUrl(f.asset.url), { ...dims, bytes: got.bytes });
  run.progress?.fileDone();
  run.downloaded.files++;
  run.downloaded.bytes += got.bytes;
  return {
    format: f.format,
    asset: f.asset.id,
    url: withoutQuery(f.asset.url),
    ...(hasQuery(f.asset.url) ? { signed: true as const } : {}),
    width: dims.width,
    height: dims.height,
    bytes: got.bytes,
    sha256: got.sha256,
  };
}

async function lockClip(run: DownloadRun, clip: PlannedClip, pending: Promise<LockedFile>[]): Promise<LockedClip> {
  const files = await settleAll(run.abort, pending);
  const png = files.find((f) => f.format === 'png');
  const posters = posterWidthsFor(clip.posterWidths, png?.width);
  return { item: clip.item.id, loop: clip.item.loop, ...(clip.item.duration ? { duration: clip.item.duration } : {}), files, posters };
}

export async function lockMascot(run: DownloadRun, m: ResolvedMascot, plan: MascotPlan): Promise<LockedMascot> {
  const posterFormats = posterFormatsOf(m.formats);
  const all = [...plan.poses, ...plan.transitions];
  for (const clip of all)
    run.progress?.add(
      clip.files.length,
      clip.files.reduce((s, f) => s + (f.asset.bytes ?? 0), 0),
    );
  // PNGs queue first: their posters (CPU) then encode while the videos are still on the wire.
  const order = all
    .flatMap((clip, c) => clip.files.map((f, i) => ({ clip, f, c, i })))
    .sort((a, b) => Number(b.f.format === 'png') - Number(a.f.format === 'png'));
  const pending: Promise<LockedFile>[][] = all.map(() => []);
  for (const { clip, f, c, i } of order) {
    const entry = `mascot "${m.key}", ${'name' in clip ? `pose ${JSON.stringify(clip.name)}` : `transition ${JSON.stringify(clip.from)} to ${JSON.stringify(clip.to)}`} (${f.format} asset ${f.asset.id})`;
    pending[c]![i] = lockFile(run, f, clip, posterFormats).catch((error: unknown) => {
      throw namingEntry(entry, f.asset.url, error);
    });
  }
  const clips = await settleAll(
    run.abort,
    all.map((clip, c) => lockClip(run, clip, pending[c]!)),
  );
  const poses = dict<LockedClip>(); // item names are data: `__proto__` is a pose like any other
  plan.poses.forEach((p, i) => {
    poses[p.name] = { ...clips[i]!, ...(p.edit ? { edit: p.edit } : {}) };
  });
  return {
    collection: m.collection,
    name: plan.name,
    optionsHash: mascotOptionsHash(m),
    poses,
    transitions: plan.transitions.map((t, i) => ({ ...clips[plan.poses.length + i]!, from: t.from, to: t.to, reverse: t.reverse })),
    ...(plan.canvas ? { canvas: plan.canvas } : {}),
  };
}
