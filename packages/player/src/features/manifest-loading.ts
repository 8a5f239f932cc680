import type { MascotManifest } from 'masko-manifest';
import { type ReasonedError, reasoned } from '../errors.js';

/** The manifest reader (validator, converter, `src` fetching): a chunk of its own, loaded on demand. */
const reader = (): Promise<typeof import('../masko-manifest.js')> =>
  import('../masko-manifest.js').catch((error: Error) => {
    throw reasoned('manifest-fetch', `could not load the manifest reader chunk: ${error.message}`);
  });

/** A copy of `value` (plain JSON) with every `url` field resolved against `base`. */
const resolved = <T>(value: T, base: string): T =>
  Array.isArray(value)
    ? (value.map((item: unknown) => resolved(item, base)) as T)
    : value && typeof value === 'object'
      ? (Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === 'url' ? new URL(item, base).href : resolved(item, base)])) as T)
      : value;

/**
 * The `.manifest` property: a typed manifest (from the plugin, already checked at build time) is
 * used at once with its URLs resolved against the page; anything else goes through `readManifest`.
 */
export function useManifest(value: unknown): MascotManifest | Promise<MascotManifest> {
  const manifest = value as MascotManifest;
  // A quick look at the shape; anything odd gets the full validator and its field-path errors.
  const fine =
    manifest?.version === 1
    && !!manifest.poses?.[manifest.initial]
    && Object.values(manifest.poses).every((p) => typeof p.loop === 'boolean' && Array.isArray(p.poster) && !!p.media)
    && Array.isArray(manifest.transitions ?? []);
  if (!fine) return reader().then((m) => m.readManifest(value, document.baseURI, '.manifest', reasoned));
  // A transition always has a `media` object here (empty: a cut), never the pose's clip in its place.
  const transitions = (manifest.transitions ?? []).map((t) => ({ ...t, media: t.media ?? {} }));
  return resolved({ ...manifest, inputs: manifest.inputs ?? [], transitions }, document.baseURI);
}

/**
 * Manifest loading, latest wins: a `.manifest` is used at once (a typed one synchronously, so the
 * first render knows the aspect ratio), a `src` is fetched only once the element may load (lazy:
 * near the viewport). Whatever is asked later supersedes what is in flight, which then lands nowhere.
 */
export class ManifestLoader {
  #request?: AbortController;
  /** A `src` set and not fetched yet. */
  #src?: string;

  readonly #land: (manifest: MascotManifest) => void;
  readonly #failed: (error: ReasonedError) => void;

  constructor(land: (manifest: MascotManifest) => void, failed: (error: ReasonedError) => void) {
    this.#land = land;
    this.#failed = failed;
  }

  /** The `.manifest` property was set. */
  useObject(value: unknown): void {
    this.#src = undefined;
    this.#load(() => useManifest(value));
  }

  /** `src` was set: fetched at the next `allow()`. */
  useSrc(src: string | undefined): void {
    this.#src = src || undefined;
  }

  /** The element may load now: fetches a pending `src`. */
  allow(): void {
    const src = this.#src;
    this.#src = undefined;
    if (src) this.#load((signal) => reader().then((m) => m.loadManifest(src, signal, reasoned)));
  }

  #load(get: (signal: AbortSignal) => MascotManifest | Promise<MascotManifest>): void {
    this.#request?.abort();
    const request = (this.#request = new AbortController());
    const land = (manifest: MascotManifest): unknown => request === this.#request && this.#land(manifest);
    const fail = (error: ReasonedError): unknown => request.signal.aborted || this.#failed(error);
    try {
      const result = get(request.signal);
      if ('then' in result) result.then(land, fail);
      else land(result);
    } catch (error) {
      fail(error as ReasonedError);
    }
  }
}
