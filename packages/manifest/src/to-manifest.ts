import { type ConvertOptions, convertCanvasExport, isCanvasExport } from './convert.js';
import { IssueList, isRecord, typeOf } from './issues.js';
import type { MascotManifest, Media, Variant } from './types.js';
import { validateManifest } from './validate.js';

/**
 * A manifest from whatever a `src` URL served: a manifest (validated) or a Masko canvas export
 * (converted). With `baseUrl` (the URL the JSON came from), relative URLs in either are resolved
 * against it, so a `.json` file can sit next to its media. Throws a `ManifestError`.
 */
export function toManifest(value: unknown, options: ConvertOptions = {}): MascotManifest {
  if (isRecord(value) && !isCanvasExport(value) && (typeof value.version === 'number' || 'poses' in value)) {
    const manifest = validateManifest(value);
    return options.baseUrl ? resolveManifestUrls(manifest, options.baseUrl) : manifest;
  }
  if (isRecord(value) && (isCanvasExport(value) || typeof value.version === 'string')) {
    return convertCanvasExport(value, options);
  }
  const list = new IssueList();
  list.add('value', 'a mascot manifest ({version: 1, poses, …}) or a Masko canvas export ({version: "2.0", nodes, edges, …})', typeOf(value));
  list.throwIfAny();
  throw new Error('unreachable');
}

/** A copy of `manifest` with every variant URL resolved against `baseUrl`. */
export function resolveManifestUrls<M extends MascotManifest>(manifest: M, baseUrl: string): M {
  const variant = (v: Variant): Variant => ({ ...v, url: new URL(v.url, baseUrl).href });
  const media = (m: Media): Media => {
    const out: Media = {};
    if (m.webm) out.webm = m.webm.map(variant);
    if (m.hevc) out.hevc = m.hevc.map(variant);
    if (m.stacked) out.stacked = m.stacked.map(variant);
    return out;
  };
  const poses = Object.fromEntries(
    Object.entries(manifest.poses).map(([name, pose]) => [name, { ...pose, poster: pose.poster.map(variant), media: media(pose.media) }]),
  );
  const transitions = manifest.transitions.map((t) => (t.media ? { ...t, media: media(t.media) } : t));
  return { ...manifest, poses, transitions };
}
