/**
 * Builds each mascot's `MascotManifest` from its lock entry and the cache. URLs are the emitted file
 * names here; codegen turns them into host-specific URL expressions.
 */
import { MANIFEST_VERSION, type MascotManifest, type Media, MIME, type Pose, type Transition, type Variant } from 'masko-manifest';
import type { AssetCache } from './cache.js';
import { assetFileName, EXT } from './emit.js';
import { MaskoError, namingEntry } from './errors.js';
import type { LockedClip, LockedFile, LockedMascot } from './lockfile.js';
import { dict } from './named-record.js';
import type { ResolvedMascot } from './options.js';
import { makePoster, posterFormatsOf } from './posters.js';
import { settleEvery } from './settle.js';

/** One file the bundle must contain. */
export interface OutputFile {
  fileName: string;
  path: string;
  bytes: number;
  sha256: string;
}
export interface BuiltMascot {
  key: string;
  manifest: MascotManifest;
  files: OutputFile[];
}

const integrity = (sha256: string) => `sha256-${Buffer.from(sha256, 'hex').toString('base64')}`;

interface ClipOut {
  media: Media;
  poster: Variant[];
  aspect: number;
  files: OutputFile[];
}

/** `entry` names the clip in messages; `label` names its files. */
async function buildClip(
  key: string,
  entry: string,
  label: string,
  clip: LockedClip,
  mascot: ResolvedMascot,
  cache: AssetCache,
  offline: boolean,
): Promise<ClipOut> {
  const media: Media = {};
  const poster: Variant[] = [];
  const files: OutputFile[] = [];
  let aspect = 0;
  const add = (list: Variant[], fileName: string, path: string, sha256: string, v: Omit<Variant, 'url'>) => {
    list.push({ url: fileName, ...v });
    files.push({ fileName, path, bytes: v.bytes ?? 0, sha256 });
  };
  for (const file of clip.files) {
    const got = await cache
      .fetch(file.url, EXT[file.format], {
        expectedSha256: file.sha256,
        expectedBytes: file.bytes,
        offline,
        assetId: file.asset,
        ...(file.signed ? { signed: true } : {}),
      })
      .catch((error: unknown) => {
        throw namingEntry(`mascot "${key}", ${entry} (${file.format} asset ${file.asset} in the lockfile)`, file.url, error);
      });
    if (file.format === 'png') {
      for (const format of posterFormatsOf(mascot.formats)) {
        for (const width of clip.posters) {
          const p = await makePoster(cache.dir, got, width, format, cache.hashOnEmit);
          if (!aspect && p.height) aspect = p.width / p.height;
          const fileName = assetFileName(key, label, format, p.width, p.sha256);
          add(poster, fileName, p.path, p.sha256, { type: MIME[format], width: p.width, height: p.height, bytes: p.bytes, integrity: integrity(p.sha256) });
        }
      }
      continue;
    }
    const list = (media[file.format] ??= []);
    const width = file.width ?? 0;
    const height = file.height ?? 0;
    if (!aspect && width && height) aspect = file.format === 'stacked' ? width / (height / 2) : width / height;
    add(list, assetFileName(key, label, file.format, width, file.sha256), got.path, file.sha256, {
      type: MIME[file.format],
      width,
      height,
      bytes: got.bytes,
      integrity: integrity(file.sha256),
    });
  }
  const byWidth = (a: Variant, b: Variant) => a.width - b.width || (a.type < b.type ? -1 : 1);
  for (const list of Object.values(media)) list.sort(byWidth);
  poster.sort(byWidth);
  return { media, poster, aspect: aspect || 1, files };
}

export async function buildMascot(mascot: ResolvedMascot, locked: LockedMascot, cache: AssetCache, offline: boolean): Promise<BuiltMascot> {
  const poses = dict<Pose>(); // item names are data: `__proto__` is a pose like any other
  const files: OutputFile[] = [];
  const poseNames = Object.keys(locked.poses).sort();
  // Every clip at once (cache checks, posters, downloads of files the cache lacks), assembled in order.
  const [poseOuts, transitionOuts] = await Promise.all([
    settleEvery(poseNames.map((name) => buildClip(mascot.key, `pose ${JSON.stringify(name)}`, name, locked.poses[name]!, mascot, cache, offline))),
    settleEvery(
      locked.transitions.map((t) =>
        buildClip(mascot.key, `transition ${JSON.stringify(t.from)} to ${JSON.stringify(t.to)}`, `${t.from}-to-${t.to}`, t, mascot, cache, offline),
      ),
    ),
  ]);
  for (const [i, name] of poseNames.entries()) {
    const clip = locked.poses[name]!;
    const out = poseOuts[i]!;
    poses[name] = {
      id: clip.item,
      loop: clip.loop,
      aspect: Math.round(out.aspect * 10000) / 10000,
      poster: out.poster,
      media: out.media,
      ...(clip.duration ? { duration: clip.duration } : {}),
    };
    files.push(...out.files);
  }
  let transitions: Transition[] = [];
  const clipOf = new Map<string, Media>();
  for (const [i, t] of locked.transitions.entries()) {
    const out = transitionOuts[i]!;
    clipOf.set(t.item, out.media);
    transitions.push({
      id: t.item,
      from: t.from,
      to: t.to,
      media: out.media,
      conditions: [],
      ...(t.duration ? { duration: t.duration } : {}),
      ...(t.reverse ? { reverse: true } : {}),
    });
    files.push(...out.files);
  }
  const canvas = locked.canvas;
  if (canvas) {
    // The canvas's edges, in its order, each with the clip of its transition item (or none: a jump).
    transitions = canvas.edges
      .filter((e) => (e.from === '*' || poses[e.from]) && poses[e.to])
      .map(({ item, ...edge }) => ({ ...edge, ...(item && clipOf.get(item) ? { media: clipOf.get(item)! } : {}) }));
  }
  const names = Object.keys(poses);
  const initial = mascot.initial ?? (canvas && poses[canvas.initial] ? canvas.initial : names.includes('Idle') ? 'Idle' : names[0]);
  if (!initial || !poses[initial]) {
    throw new MaskoError(
      'no_initial_pose',
      `mascot "${mascot.key}": initial pose "${initial ?? ''}" is not among its poses (${names.join(', ') || 'none'})`,
      `Set mascots.${mascot.key}.initial to one of the poses.`,
    );
  }
  const manifest: MascotManifest = {
    version: MANIFEST_VERSION,
    name: locked.name,
    initial,
    poses,
    transitions,
    inputs: canvas?.inputs ?? [],
    source: canvas ? { kind: 'canvas', id: canvas.id } : { kind: 'collection', id: locked.collection },
  };
  const unique = new Map(files.map((f) => [f.fileName, f]));
  return { key: mascot.key, manifest, files: [...unique.values()].sort((a, b) => (a.fileName < b.fileName ? -1 : 1)) };
}

export type { LockedFile };
