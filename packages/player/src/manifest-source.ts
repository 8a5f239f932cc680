import type { MascotManifest, Media, Variant } from 'masko-manifest';
import type { MaskoErrorReason } from './events.js';

/** An error with the `masko-error` reason it should be reported under. */
export type ReasonedError = Error & { reason: MaskoErrorReason; target?: string };

export const reasoned = (reason: MaskoErrorReason, message: string, target?: string): ReasonedError =>
  Object.assign(new Error(message), { reason, target });

/**
 * Fetches `src` and turns it into a manifest: our manifest JSON, or a Masko canvas export
 * (converted by `masko-manifest`). Relative media URLs are resolved against `src`.
 */
export async function loadManifest(src: string, signal: AbortSignal): Promise<MascotManifest> {
  const url = new URL(src, document.baseURI).href;
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (error) {
    if (signal.aborted) throw error;
    throw reasoned('manifest-fetch', `Could not fetch src ${url}: ${(error as Error).message}`, url);
  }
  if (!response.ok) throw reasoned('manifest-fetch', `src ${url} answered HTTP ${response.status}`, url);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw reasoned('manifest-invalid', `src ${url} is not JSON: ${(error as Error).message}`, url);
  }
  return resolveUrls(toManifest(json, url), url);
}

/** Our manifest as is, or a Masko canvas export converted; throws `manifest-invalid` otherwise. */
export function toManifest(json: unknown, url?: string): MascotManifest {
  const value = json as Partial<MascotManifest> | null;
  if (value && value.version === 1 && typeof value.poses === 'object' && value.poses && value.initial! in value.poses) {
    return { transitions: [], inputs: [], ...value } as MascotManifest;
  }
  throw reasoned('manifest-invalid', `${url ?? 'manifest'} is not a Masko manifest (version 1 with poses and initial)`, url);
}

const resolveList = (list: Variant[] | undefined, base: string): Variant[] | undefined =>
  list?.map((variant) => ({ ...variant, url: new URL(variant.url, base).href }));

const resolveMedia = (media: Media | undefined, base: string): Media =>
  ({ webm: resolveList(media?.webm, base), hevc: resolveList(media?.hevc, base), stacked: resolveList(media?.stacked, base) });

/** A copy of `manifest` with every media URL absolute, relative ones taken from `base`. */
export function resolveUrls(manifest: MascotManifest, base: string): MascotManifest {
  const poses: MascotManifest['poses'] = {};
  for (const [name, pose] of Object.entries(manifest.poses)) {
    poses[name] = { ...pose, poster: resolveList(pose.poster, base) ?? [], media: resolveMedia(pose.media, base) };
  }
  const transitions = manifest.transitions.map((t) => ({ ...t, media: resolveMedia(t.media, base) }));
  return { ...manifest, poses, transitions };
}
