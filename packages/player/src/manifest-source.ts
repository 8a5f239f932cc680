import type { MascotManifest, Media, Variant } from 'masko-manifest';
import type { MaskoErrorReason } from './events.js';

/** An error with the `masko-error` reason it should be reported under. */
export type ReasonedError = Error & { reason: MaskoErrorReason; target?: string };

export const reasoned = (reason: MaskoErrorReason, message: string, target?: string): ReasonedError =>
  Object.assign(new Error(message), { reason, target });

/**
 * A manifest from JSON or an object of unknown shape: our manifest (validated) or a Masko canvas
 * export (converted), relative media URLs resolved against `baseUrl`. `masko-manifest`'s
 * validator and converter are loaded on demand (a separate chunk): pages that pass a typed
 * manifest from the bundler plugin never download them.
 */
export async function readManifest(json: unknown, baseUrl: string, what: string): Promise<MascotManifest> {
  const { toManifest } = await import('./masko-manifest.js');
  try {
    return toManifest(json, { baseUrl });
  } catch (error) {
    throw reasoned('manifest-invalid', `${what} is not a mascot manifest or Masko canvas export:\n${(error as Error).message}`, baseUrl);
  }
}

/** Fetches `src` (a manifest or a Masko canvas export) and reads it; errors say what to fix. */
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
  return readManifest(json, url, `src ${url}`);
}

const resolveList = (list: Variant[] | undefined, base: string): Variant[] | undefined =>
  list?.map((variant) => ({ ...variant, url: new URL(variant.url, base).href }));
const resolveMedia = (media: Media | undefined, base: string): Media =>
  ({ webm: resolveList(media?.webm, base), hevc: resolveList(media?.hevc, base), stacked: resolveList(media?.stacked, base) });

/**
 * The `.manifest` property: a typed manifest (from the plugin, already checked at build time) is
 * used at once with its URLs resolved against the page; anything else goes through `readManifest`.
 */
export function useManifest(value: unknown): MascotManifest | Promise<MascotManifest> {
  const manifest = value as MascotManifest;
  // A quick look at the shape; anything odd gets the full validator and its field-path errors.
  const fine =
    manifest?.version === 1 &&
    !!manifest.poses?.[manifest.initial] &&
    Object.values(manifest.poses).every((p) => typeof p.loop === 'boolean' && Array.isArray(p.poster) && !!p.media) &&
    Array.isArray(manifest.transitions ?? []);
  if (!fine) return readManifest(value, document.baseURI, '.manifest');
  const base = document.baseURI;
  const poses: MascotManifest['poses'] = {};
  for (const [name, pose] of Object.entries(manifest.poses)) {
    poses[name] = { ...pose, poster: resolveList(pose.poster, base) ?? [], media: resolveMedia(pose.media, base) };
  }
  const transitions = (manifest.transitions ?? []).map((t) => ({ ...t, media: resolveMedia(t.media, base) }));
  return { ...manifest, inputs: manifest.inputs ?? [], poses, transitions };
}
