// What <masko-mascot> accepts in markup, shared by every framework's typings in this folder.

import type { MascotManifest } from 'masko-manifest';
import type { MaskoEventMap, RendererOverride } from 'masko-mascot';

/** Attributes (and the `manifest` property) of `<masko-mascot>`; see the README's API table. */
export interface MaskoMascotAttributes {
  /** URL of a manifest JSON or a Masko canvas export. */
  src?: string;
  /** The manifest object (frameworks that set properties on custom elements; wins over `src`). */
  manifest?: MascotManifest;
  /** The pose to show; changing it switches poses. */
  pose?: string;
  /** Default true; false loads the first frame and waits for `play()`. */
  autoplay?: boolean;
  /** `lazy` (default) fetches nothing until the element is near the viewport. */
  loading?: 'lazy' | 'eager';
  /** Accessible name (the element has `role="img"`). */
  alt?: string;
  /** Force a path; default `auto`. */
  renderer?: RendererOverride;
  /** Largest devicePixelRatio the size choice honours (default 2). */
  'dpr-cap'?: number;
  /** Keep animating under `prefers-reduced-motion: reduce`. */
  'ignore-reduced-motion'?: boolean;
  /** Milliseconds far off screen (or hidden) before the video is released for the poster (default 15000). */
  'release-after'?: number;
  /** `wrap` waits for the loop on screen to wrap before switching (clips that join on a shared frame); default `immediate`. */
  switch?: 'immediate' | 'wrap';
  /** Bytes fetched ahead per pose on screen for the clips that can come next (default 2000000; 0: none). */
  'preload-budget'?: number;
  /** Take pointer input anywhere in the box, not only over the character's opaque pixels. */
  'hit-box'?: boolean;
}

/** Every event of `<masko-mascot>` by name, with its typed `CustomEvent` (the element's own map). */
export interface MaskoMascotEvents extends MaskoEventMap {}

/** Listener props named `on` + event name: React 19, Preact and Svelte 5 add them as event listeners. */
export type MaskoMascotOnProps = {
  [K in keyof MaskoMascotEvents as `on${K}`]?: (event: MaskoMascotEvents[K]) => void;
};
