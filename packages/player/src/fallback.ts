/**
 * `masko-mascot/fallback`: the first paint of `<masko-mascot>`, before (or without) JavaScript.
 * Server-safe and dependency-free: it only reads the manifest. Put `style` on the element and the
 * poster `<img>` inside it; the box then has its final size and shows the pose's poster before the
 * element upgrades (no layout shift, works with JavaScript off). After the upgrade the element shows
 * that same image through its `<slot>` until its own first frame is on screen, then hides it.
 *
 * ```astro
 * ---
 * import { fallback } from 'masko-mascot/fallback';
 * const first = fallback(felix, { alt: 'Felix' });
 * ---
 * <masko-mascot style={first.style} alt="Felix"><Fragment set:html={first.html} /></masko-mascot>
 * ```
 */
import type { MascotManifest, Variant } from 'masko-manifest';

export interface FallbackOptions {
  /** The pose whose poster shows. Default: the manifest's `initial`. */
  pose?: string;
  /** The element's CSS width: pixels, or any CSS length (`'100%'`, `'12rem'`). Default 240 (the element's own default). */
  width?: number | string;
  /** How many device pixels per CSS pixel the `src` (for browsers without `srcset`) aims at. Default 2. */
  density?: number;
}

export interface Fallback {
  /** Inline style for `<masko-mascot>`: the same box the upgraded element has. */
  style: string;
  /** The box as a style object (React): `display`, `verticalAlign`, `width`, `aspectRatio`. */
  box: { display: 'inline-block'; verticalAlign: 'bottom'; width: string; aspectRatio: string };
  /** The poster `<img>` as attributes; undefined when the pose has no poster. */
  img: { src: string; srcset: string; sizes: string; width: number; height: number; alt: ''; decoding: 'async'; style: string } | undefined;
  /** The same `<img>` as HTML (attributes escaped), for `set:html`, `{@html}`, `v-html`; `''` without a poster. */
  html: string;
}

/** The poster fills the box exactly as the element's own media do (`object-fit: contain`). */
const IMG_STYLE = 'display:block;width:100%;height:100%;object-fit:contain';

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The `<masko-mascot>` markup's first paint for `manifest` (see the module comment). */
export function fallback(manifest: MascotManifest, options: FallbackOptions = {}): Fallback {
  const pose = manifest.poses[options.pose ?? manifest.initial] ?? manifest.poses[manifest.initial];
  const width = options.width ?? 240;
  const css = typeof width === 'number' ? `${width}px` : width;
  const aspect = String(pose?.aspect ?? 1);
  const box = { display: 'inline-block', verticalAlign: 'bottom', width: css, aspectRatio: aspect } as const;
  const style = `display:inline-block;vertical-align:bottom;width:${css};aspect-ratio:${aspect}`;

  // One image type in a srcset (browsers do not check types there): PNG when there is one.
  const posters = pose?.poster ?? [];
  const type = posters.some((v) => v.type === 'image/png') ? 'image/png' : posters[0]?.type;
  const list = posters.filter((v) => v.type === type).sort((a, b) => a.width - b.width);
  if (!list.length) return { style, box, img: undefined, html: '' };
  const target = typeof width === 'number' ? width * (options.density ?? 2) : Infinity;
  const pick: Variant = list.find((v) => v.width >= target) ?? list[list.length - 1]!;
  const img = {
    src: pick.url,
    srcset: list.map((v) => `${v.url} ${v.width}w`).join(', '),
    sizes: typeof width === 'number' ? css : '100vw',
    width: pick.width,
    height: pick.height,
    alt: '',
    decoding: 'async',
    style: IMG_STYLE,
  } as const;
  const html = `<img ${Object.entries(img)
    .map(([k, v]) => `${k}="${escapeAttribute(String(v))}"`)
    .join(' ')}>`;
  return { style, box, img, html };
}
