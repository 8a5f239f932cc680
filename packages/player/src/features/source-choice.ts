import type { Media, Variant } from 'masko-manifest';
import { formatFor } from '../capabilities.js';
import type { RendererOverride, RenderFormat } from '../format.js';
import { chooseVariant } from '../size.js';

/** What the choice reads from the element. */
export interface SourceSettings {
  renderer: RendererOverride;
  ignoreReducedMotion: boolean;
  dprCap: number;
}

/** The file on screen. */
export interface CurrentSource {
  format: RenderFormat;
  url: string;
  width: number;
  height: number;
}

/**
 * Source choice: which format and which size variant to play. The format rule is `formatFor`
 * (engine, codecs, WebGL, the `renderer` override); reduced motion (unless the page opted out)
 * and holds show the still; the size is the smallest variant that covers the rendered width at
 * the capped devicePixelRatio, never narrower than the file already on screen.
 */
export class SourceChoice {
  readonly #motion = matchMedia('(prefers-reduced-motion: reduce)');

  readonly #settings: SourceSettings;
  /** The host's rendered width. */
  readonly #size: { measure(): number };
  readonly #current: () => CurrentSource | undefined;

  constructor(settings: SourceSettings, size: { measure(): number }, current: () => CurrentSource | undefined) {
    this.#settings = settings;
    this.#size = size;
    this.#current = current;
  }

  /** Calls `changed` when the reduced-motion preference flips, until `signal` aborts. */
  watchMotion(changed: () => void, signal: AbortSignal): void {
    this.#motion.addEventListener('change', changed, { signal });
  }

  /** The format and file for a clip's encodings (`media`), or the pose's still when `still`. */
  pick(media: Media, poster: Variant[], still: boolean): { format: RenderFormat; variant: Variant | undefined } {
    const { renderer, ignoreReducedMotion } = this.#settings;
    const format = still || (this.#motion.matches && !ignoreReducedMotion) ? 'image' : formatFor(media, renderer);
    return { format, variant: this.variant(format === 'image' ? poster : media[format]) };
  }

  variant(list: Variant[] | undefined): Variant | undefined {
    const source = this.#current();
    const atLeast = source?.format !== 'image' ? source?.width : 0;
    return chooseVariant(list, this.#size.measure(), devicePixelRatio, { dprCap: this.#settings.dprCap, atLeast });
  }

  /** Whether the box grew enough for a wider file of what is on screen (`media`, `poster`: its pose's). */
  wider(media: Media, poster: Variant[]): boolean {
    const source = this.#current();
    if (!source) return false;
    const next = this.variant(source.format === 'image' ? poster : media[source.format]);
    return !!next && next.width > source.width;
  }
}
