/**
 * Public options of `unplugin-masko` and the `masko` CLI (the README's "Options"). Shared by every bundler entry
 * and by `masko.config.{ts,js,mjs,json}` through `defineConfig`.
 */

/** Output formats. Videos come from the API; posters are made locally from the transparent PNG. */
export type MaskoFormat = 'webm' | 'hevc' | 'stacked' | 'png' | 'webp' | 'avif';

/** A pose the app needs. When the collection lacks it, it is generated (only if `generate` allows). */
export interface PoseOptions {
  /** Prompt for the still image of the pose. Required to generate a missing pose. */
  image?: string;
  /** Prompt for the motion. When set, the pose is generated as an animation (1 + 5 credits per second). */
  animation?: string;
  /**
   * Clip length in seconds (animations only).
   * @default 4
   */
  duration?: number;
  /**
   * Whether the clip loops (animations only).
   * @default true
   */
  loop?: boolean;
  /**
   * Make this pose by **editing** another pose's image (Masko's `edit`, 1 credit, once): e.g.
   * `Party: { edit: { from: 'Idle', instructions: 'add a party hat' } }`. The edited image is a still pose;
   * Masko adds it to the source item, so the lockfile is what remembers it (commit masko.lock.json).
   */
  edit?: { from: string; instructions: string };
}

export interface MascotOptions {
  /** Masko collection id. */
  collection: string;
  /** Poses the app uses, keyed by the Masko item name exactly. Missing ones are generated when allowed. */
  poses?: Record<string, PoseOptions>;
  /**
   * Item names to ship besides the declared poses. `'all'` ships every completed item.
   * @default 'all'
   */
  include?: 'all' | string[];
  /** Pose shown first. @default the canvas's initial node, else 'Idle' when present, else the first pose by name */
  initial?: string;
  /**
   * Masko canvas id. Its state machine (initial pose, inputs, edges and their conditions) goes into the
   * manifest, and its nodes become the poses (unless `include` says otherwise); media still come from the
   * collection in every size and format.
   */
  canvas?: string;
  /**
   * Widths to ship. Videos use the API's size variants (`animation_sizes`); posters are resized locally.
   * @default every size the collection offers, plus the original
   */
  sizes?: number[];
  /**
   * Formats to ship.
   * @default ['webm', 'hevc', 'stacked', 'png']
   */
  formats?: MaskoFormat[];
}

export interface GenerateOptions {
  /** Upper bound of credits one sync may spend. The plan fails before spending when it costs more. */
  maxCredits: number;
}

export interface MaskoOptions {
  /** Mascots keyed by the name used in `virtual:masko/<key>` (letters, digits, `-`, `_`). */
  mascots?: Record<string, MascotOptions>;
  /**
   * Whether missing declared poses may be generated, and the credit budget.
   * @default false (never spend credits)
   */
  generate?: false | GenerateOptions;
  /**
   * Content-addressed download cache (relative to `root`).
   * @default 'node_modules/.cache/masko'
   */
  cacheDir?: string;
  /**
   * Lockfile path (relative to `root`).
   * @default 'masko.lock.json'
   */
  lockfile?: string;
  /**
   * Where to write the typed declarations of the virtual modules; `false` disables.
   * @default 'masko.d.ts' (`true` means the default)
   */
  dts?: boolean | string;
  /**
   * Never touch the network; fail when the cache lacks a locked file.
   * @default process.env.MASKO_OFFLINE === '1'
   */
  offline?: boolean;
  /**
   * Fail instead of changing the lockfile (the CI mode).
   * @default process.env.MASKO_FROZEN === '1'
   */
  frozen?: boolean;
  /** API key. @default process.env.MASKO_API_KEY */
  apiKey?: string;
  /** API base URL. @default process.env.MASKO_API_URL, else 'https://api.masko.ai/v1' */
  apiUrl?: string;
  /** Project root that relative paths resolve against. @default the bundler's root, else process.cwd() */
  root?: string;
  /**
   * Config file to load (relative to `root`); `false` skips loading one. Inline options win over the file.
   * @default 'masko.config' (any of .ts, .js, .mjs, .json)
   */
  configFile?: string | false;
  /**
   * Downloads in flight at once (also the client's sockets per origin; the asset host is a CDN).
   * @default 16
   */
  concurrency?: number;
}
