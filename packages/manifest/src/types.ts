/**
 * The mascot manifest: the contract between `unplugin-masko` (which writes it) and
 * `<masko-mascot>` (which plays it). Plain JSON-compatible data, versioned.
 *
 * The same shape is served as a `.json` file for sites without a bundler
 * (`masko pull --out`), and `convertCanvasExport()` produces it from a Masko
 * canvas export so the element can play an export directly.
 */

/** Current manifest format version. Bumped only for incompatible changes. */
export const MANIFEST_VERSION = 1;

/**
 * A mascot: its poses, the clips that lead between them, and the inputs of its
 * state machine. `P` is the union of pose names, `I` the union of input names;
 * generated modules narrow both to literal types.
 */
export interface MascotManifest<P extends string = string, I extends string = string> {
  version: typeof MANIFEST_VERSION;
  /** The character, e.g. "Felix the Fox". */
  name: string;
  /** Pose shown first. */
  initial: P;
  /** Keyed by the Masko item (or canvas node) name, exactly as Masko spells it. */
  poses: Record<P, Pose>;
  /** Clips that lead from one pose to another, in Masko's edge order (may be empty). */
  transitions: Transition<P, I>[];
  /** State-machine inputs (may be empty). */
  inputs: InputDef<I>[];
  /** Start playing without a user gesture. Default true. */
  autoplay?: boolean;
  /** Where this manifest came from (informational). */
  source?: { kind: 'collection' | 'canvas'; id?: string; url?: string };
}

/** Video encodings a pose or transition can carry, in the order the player prefers nothing: choice is per browser. */
export type MediaFormat = 'webm' | 'hevc' | 'stacked';

/** A clip in every encoding we have of it; each list is sorted by ascending width. */
export interface Media {
  /** VP9 with alpha in WebM (Chromium, Firefox desktop). */
  webm?: Variant[];
  /** HEVC with alpha in QuickTime `.mov` (Apple WebKit). */
  hevc?: Variant[];
  /** H.264 with colour on top and alpha below, composited with WebGL. */
  stacked?: Variant[];
}

export interface Pose {
  /** Masko item id or canvas node id. */
  id?: string;
  /** Whether the pose's clip loops (false: hold the last frame). */
  loop: boolean;
  /** Clip length in seconds. */
  duration?: number;
  /** Artwork width / height (of one frame, not of the stacked video). */
  aspect: number;
  /** Transparent still image of the pose, one per size, ascending width. */
  poster: Variant[];
  /** The pose's clip. Empty for still poses. */
  media: Media;
}

/** One file: a format at one size. */
export interface Variant {
  url: string;
  /** MIME type with codecs, e.g. `video/webm; codecs="vp09.00.10.08"`. */
  type: string;
  /** Pixel width of the file. */
  width: number;
  /** Pixel height of the file; for stacked video the whole frame (twice the artwork). */
  height: number;
  bytes?: number;
  /** Subresource-integrity string, e.g. `sha256-…`. */
  integrity?: string;
}

/** Comparison operators of Masko conditions. */
export type ConditionOp = '==' | '!=' | '>' | '<' | '>=' | '<=';

export interface Condition<I extends string = string> {
  input: I;
  op: ConditionOp;
  value: boolean | number;
}

/** A clip (or an instant jump) from one pose to another. */
export interface Transition<P extends string = string, I extends string = string> {
  /** Masko edge id. */
  id?: string;
  /** Source pose, or `'*'` for an any-state edge. */
  from: P | '*';
  to: P;
  /** The clip; absent or empty means an instant jump. */
  media?: Media;
  /** Clip length in seconds. */
  duration?: number;
  /** Playback-rate multiplier. Default 1. */
  speed?: number;
  /** Any-state edges: higher wins. Default 0. */
  priority?: number;
  /** Masko generated this clip as the reverse of another edge (it still carries its own media). */
  reverse?: boolean;
  /** All must hold for the edge to fire. An edge with no conditions fires only through `goTo()`. */
  conditions: Condition<I>[];
}

export type InputType = 'boolean' | 'number' | 'trigger';

export interface InputDef<I extends string = string> {
  name: I;
  type: InputType;
  default?: boolean | number;
  /** Set by the host application rather than by the page (Masko's `system` inputs). */
  system?: boolean;
}

/** Pose names of a manifest type. */
export type PoseName<M> = M extends MascotManifest<infer P, string> ? P : never;
/** Input names of a manifest type. */
export type InputName<M> = M extends MascotManifest<string, infer I> ? I : never;
