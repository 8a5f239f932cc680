import type { MediaFormat, Pose } from 'masko-manifest';

/**
 * Format choice: which encoding of a pose this browser should play.
 *
 * Pure: every fact about the browser is passed in, so the rule is unit-tested for every
 * engine without one. The rule (the README's "Which file plays" gives it to users):
 *
 * | engine                                                     | order                  |
 * |------------------------------------------------------------|------------------------|
 * | Apple WebKit: Safari macOS/iOS, every iOS browser, WKWebView | hevc → stacked → image |
 * | Chromium and Firefox on desktop (VP9 alpha kept)           | webm → stacked → image |
 * | WebKit off Apple: WebKitGTK, WPE (GStreamer keeps VP9 alpha) | webm → stacked → image |
 * | anything else: Android browsers, unknown                   | stacked → image        |
 *
 * A format is taken only when the pose has it, the browser says it can decode its MIME type,
 * and, for `stacked`, WebGL is available. `canPlayType` cannot see alpha (Safari says yes to
 * VP9 and drops the alpha), so the engine decides which formats are *eligible* and
 * `canPlayType` only rules out what cannot decode at all. HEVC is eligible on Apple WebKit only:
 * Chromium and Firefox decode HEVC on some machines, but without alpha.
 *
 * WebKit off Apple keeps VP9 alpha, so a Masko export (WebM and HEVC only) animates there, and WebM
 * comes first: GStreamer stalls a stacked (H.264) loop after its first wrap (WebKitGTK 2.50), while a
 * WebM loop runs, handed off between the two video slots at each wrap (stage-controller.ts).
 *
 * Android is kept off WebM on purpose: Chrome Android has shipped broken VP9 alpha and
 * Firefox Android stalls on it; the stacked path is exact there.
 */

/** What the element can show: a video encoding or the pose's still image. */
export type RenderFormat = MediaFormat | 'image';
/** The `renderer` attribute: `auto` or a forced format. */
export type RendererOverride = 'auto' | RenderFormat;

/** The browser engine, as far as it matters for alpha video. */
export type Engine = 'apple-webkit' | 'webkit' | 'chromium' | 'gecko' | 'other';

export interface EngineFacts {
  engine: Engine;
  /** Android, or another mobile platform that is not Apple's. */
  mobile: boolean;
}

/** Inputs to {@link chooseFormat}. */
export interface FormatFacts extends EngineFacts {
  /** Whether the browser can decode a MIME type (`canPlayType(type) !== ''`). */
  canPlay: (type: string) => boolean;
  /** Whether a WebGL context can be had. Called only when `stacked` is a candidate. */
  webgl: () => boolean;
  /** The `renderer` attribute. Default `auto`. */
  override?: RendererOverride;
}

const ORDER: Record<Engine, readonly MediaFormat[]> = {
  'apple-webkit': ['hevc', 'stacked'],
  webkit: ['webm', 'stacked'],
  chromium: ['webm', 'stacked'],
  gecko: ['webm', 'stacked'],
  other: ['stacked'],
};

/** The formats worth trying for this engine, best first (`image` is always last). */
export function formatOrder({ engine, mobile }: EngineFacts): readonly RenderFormat[] {
  const order = mobile && engine !== 'apple-webkit' ? ORDER.other : ORDER[engine];
  return [...order, 'image'];
}

/**
 * The format to play `media` in, or `image` when no video format fits. A forced `override`
 * is honoured whenever the pose has that format (the page asked for it: no engine or codec
 * check; `stacked` still needs WebGL), and otherwise falls back to the still image.
 */
export function chooseFormat(media: Pose['media'], facts: FormatFacts): RenderFormat {
  const override = facts.override ?? 'auto';
  if (override !== 'auto') {
    const usable = override === 'image' || (!!media[override]?.length && (override !== 'stacked' || facts.webgl()));
    return usable ? override : 'image';
  }
  for (const format of formatOrder(facts)) {
    if (format === 'image') break;
    const type = media[format]?.[0]?.type;
    if (type && facts.canPlay(type) && (format !== 'stacked' || facts.webgl())) return format;
  }
  return 'image';
}

/** The platform facts {@link detectEngine} reads, as `navigator` gives them. */
export interface PlatformFacts {
  userAgent: string;
  /** `navigator.maxTouchPoints`: tells an iPad in desktop mode from a Mac. */
  maxTouchPoints?: number;
}

/**
 * The engine from the user agent. Every iOS/iPadOS browser is Apple WebKit (App Store rule
 * 2.5.6), including iPads that claim to be a Mac; a macOS WKWebView has `AppleWebKit` and no
 * browser token. WebKitGTK and WPE also say `AppleWebKit` but run on Linux (or a BSD): they are
 * `webkit`, whose media is GStreamer's, which keeps VP9 alpha where Apple's drops it.
 */
export function detectEngine({ userAgent: ua, maxTouchPoints = 0 }: PlatformFacts): EngineFacts {
  const ios = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && maxTouchPoints > 1);
  if (ios) return { engine: 'apple-webkit', mobile: true };
  const mobile = /Android|Mobile/.test(ua);
  if (/Firefox\//.test(ua)) return { engine: 'gecko', mobile };
  if (/Chrom(e|ium)\/|Edg\//.test(ua)) return { engine: 'chromium', mobile };
  if (/AppleWebKit\//.test(ua)) {
    if (/Macintosh/.test(ua)) return { engine: 'apple-webkit', mobile: false };
    if (/Linux|X11|BSD/.test(ua)) return { engine: 'webkit', mobile };
  }
  return { engine: 'other', mobile };
}
