/** Alpha at or above this (of 255) is the character; below, the page shows through. */
const OPAQUE = 64;

let probe: CanvasRenderingContext2D | null | undefined;

/**
 * The alpha of `media`'s picture under the point (`x`, `y`) of its box (`width` × `height`, CSS
 * px), honouring `object-fit` (`contain`, `cover`, `fill`, `none`; centred). 255 when the picture
 * cannot be read (a cross-origin file without CORS): then the whole box counts.
 */
export function alphaAt(media: HTMLVideoElement | HTMLCanvasElement | HTMLImageElement, x: number, y: number, width: number, height: number): number {
  const [w, h] =
    media instanceof HTMLVideoElement
      ? [media.videoWidth, media.videoHeight]
      : media instanceof HTMLImageElement
        ? [media.naturalWidth, media.naturalHeight]
        : [media.width, media.height];
  if (!w || !h) return 0;
  const fit = getComputedStyle(media).objectFit;
  let sx = width / w;
  let sy = height / h;
  if (fit !== 'fill') sx = sy = fit === 'none' ? 1 : (fit === 'cover' ? Math.max : Math.min)(sx, sy);
  const u = (x - (width - w * sx) / 2) / sx;
  const v = (y - (height - h * sy) / 2) / sy;
  if (u < 0 || v < 0 || u >= w || v >= h) return 0;
  probe ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!probe) return 255;
  try {
    probe.clearRect(0, 0, 1, 1);
    probe.drawImage(media, u | 0, v | 0, 1, 1, 0, 0, 1, 1);
    return probe.getImageData(0, 0, 1, 1).data[3]!;
  } catch {
    return 255; // a tainted canvas: this file cannot be read, so it cannot be hit-tested
  }
}

export interface HitTestHost {
  readonly host: HTMLElement;
  /** The media on screen. */
  media(): HTMLVideoElement | HTMLCanvasElement | HTMLImageElement | undefined;
  /** The pointer is over the character (true) or not (false); called on changes. */
  hover(over: boolean): void;
}

/**
 * Clicks mean the character: pointer input counts only over its opaque pixels. The host lets the
 * pointer through (`pointer-events: none`, an adopted sheet switched per element) wherever the
 * picture is transparent, so a click there reaches what is beneath, and takes it over the
 * character. Where the pointer is comes from `pointermove` on the document (the host itself
 * hears nothing while it lets events through), and from `pointerdown`: a touch or a pen tap has
 * no move before it, but the browser hit-tests its click anew after the touch ends, so deciding
 * at `pointerdown` sends the tap's click beneath. A click is checked at its own point too.
 */
export class HitTest {
  /** While enabled, the host lets pointer events through (none without constructable sheets: the box counts). */
  readonly #through = 'replaceSync' in CSSStyleSheet.prototype ? new CSSStyleSheet() : undefined;
  #over = false;
  readonly #onMove = (event: PointerEvent): void => {
    const over = this.over(event);
    // Through only over a transparent pixel of the box: elsewhere the box is as any element.
    if (this.#through) this.#through.disabled = over || !this.#inside;
    if (over !== this.#over) this.config.hover((this.#over = over));
  };
  /** The last point tested was in the host's box. */
  #inside = false;

  constructor(private readonly config: HitTestHost) {
    this.#through?.replaceSync(':host{pointer-events:none}');
    this.track(false);
  }

  /** Adopts the pass-through sheet in `root` (the host's shadow root). */
  adopt(root: ShadowRoot): void {
    if (this.#through) root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#through];
  }

  /** Whether a trusted pointer event's point is over the character (synthetic ones always are). */
  over(event: MouseEvent): boolean {
    if (!event.isTrusted) return true;
    const box = this.config.host.getBoundingClientRect();
    const media = this.config.media();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    this.#inside = x >= 0 && y >= 0 && x < box.width && y < box.height;
    return !!media && this.#inside && alphaAt(media, x, y, box.width, box.height) >= OPAQUE;
  }

  /** Starts (`on`) or stops following the pointer; stopped, the whole box takes input. */
  track(on: boolean): void {
    if (this.#through) this.#through.disabled = true;
    for (const type of ['pointermove', 'pointerdown'] as const) {
      document.removeEventListener(type, this.#onMove, true);
      if (on) document.addEventListener(type, this.#onMove, { capture: true, passive: true });
    }
  }
}
