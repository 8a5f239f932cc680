import { oneEvent } from '@open-wc/testing';
import type { MaskoMascot } from '../../src/index.js';

export type RGBA = [number, number, number, number];

/** The media element on screen (the layer not hidden), or undefined. */
export function visibleMedia(el: MaskoMascot): HTMLVideoElement | HTMLCanvasElement | HTMLImageElement | undefined {
  return el.shadowRoot!.querySelector<HTMLVideoElement>('[part="media"]:not([data-hidden])') ?? undefined;
}

/** The on-screen media drawn at its own pixel size into a fresh canvas. */
export function snapshot(el: MaskoMascot): { media: Element; read(x: number, y: number): RGBA; width: number } {
  const media = visibleMedia(el);
  if (!media) throw new Error('nothing on screen');
  const width =
    media instanceof HTMLVideoElement ? media.videoWidth : media instanceof HTMLImageElement ? media.naturalWidth : media.width;
  const height =
    media instanceof HTMLVideoElement ? media.videoHeight : media instanceof HTMLImageElement ? media.naturalHeight : media.height;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(media, 0, 0);
  const data = context.getImageData(0, 0, width, height).data;
  return {
    media,
    width,
    read: (x, y) => {
      const i = (Math.round(y) * width + Math.round(x)) * 4;
      return [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
    },
  };
}

/** Asserts `actual` is within `tolerance` of `expected` on every given channel. */
export function near(actual: readonly number[], expected: readonly number[], tolerance = 20): boolean {
  return expected.every((value, i) => Math.abs(actual[i]! - value) <= tolerance);
}

export function expectPixel(actual: RGBA, expected: readonly number[], what: string, tolerance = 20): void {
  if (!near(actual, expected, tolerance)) throw new Error(`${what}: got [${actual}], expected about [${expected}]`);
}

/** Resolves on the element's next `masko-load`, rejecting on `masko-error`. */
export async function loaded(el: MaskoMascot): Promise<void> {
  const error = oneEvent(el, 'masko-error').then((event) => {
    throw new Error(`masko-error ${event.detail.reason}: ${event.detail.message}`);
  });
  await Promise.race([oneEvent(el, 'masko-load'), error]);
}

export const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));
