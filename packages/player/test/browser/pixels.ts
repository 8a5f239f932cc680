import { oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { MaskoMascot } from '../../src/index.js';

export type RGBA = [number, number, number, number];

/** The media element on screen (the layer not hidden), or undefined. */
export function visibleMedia(el: MaskoMascot): HTMLVideoElement | HTMLCanvasElement | HTMLImageElement | undefined {
  return el.shadowRoot!.querySelector<HTMLVideoElement>('[part="media"]:not([data-hidden])') ?? undefined;
}

/** The on-screen media drawn at its own pixel size into a fresh canvas; `empty`: not one pixel with alpha. */
export function snapshot(el: MaskoMascot): { media: Element; read(x: number, y: number): RGBA; width: number; empty: boolean } {
  const media = visibleMedia(el);
  if (!media) throw new Error('nothing on screen');
  const width = media instanceof HTMLVideoElement ? media.videoWidth : media instanceof HTMLImageElement ? media.naturalWidth : media.width;
  const height = media instanceof HTMLVideoElement ? media.videoHeight : media instanceof HTMLImageElement ? media.naturalHeight : media.height;
  // A video with no frame yet (WebKit reports a size only once one is decoded) has no picture.
  if (!width || !height) return { media, width, read: () => [0, 0, 0, 0], empty: true };
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(media, 0, 0);
  const data = context.getImageData(0, 0, width, height).data;
  return {
    media,
    width,
    empty: !data.some((value, i) => i % 4 === 3 && value > 0),
    read: (x, y) => {
      const i = (Math.round(y) * width + Math.round(x)) * 4;
      return [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
    },
  };
}

/**
 * Resolves once the on-screen video (if one plays) has presented one more frame: a canvas read right
 * after `masko-load` raced the first frame's upload in Chromium once (1 of 5 CI runs).
 */
export async function presentedFrame(el: MaskoMascot): Promise<void> {
  const media = visibleMedia(el);
  if (media instanceof HTMLVideoElement && 'requestVideoFrameCallback' in media && !media.paused)
    await new Promise((resolve) => media.requestVideoFrameCallback(resolve));
}

/**
 * Resolves once the on-screen media reads back a picture through canvas: WebKitGTK's drawImage() of
 * a video just revealed gives [0,0,0,0] for some frames (see engines.ts), though the page shows it.
 */
export async function drawn(el: MaskoMascot): Promise<void> {
  await waitUntil(() => visibleMedia(el) && !snapshot(el).empty, 'the on-screen media reads back a picture', PATIENCE);
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

/**
 * Samples what is on screen at every rendered frame until stopped: counts frames where the
 * stage is empty or the visible media has no picture at `centre` (fractions of the frame, a
 * point inside the character): blank; and frames where a poster shows (the `<img>` layer, or,
 * with `posterMarker`, the test posters' cyan top-left marker in the pixels). `context` adds what
 * was going on to each finding.
 */
export function sampleFrames(el: MaskoMascot, { centre = [0.5, 0.5], posterMarker = false, context = (): string => '' } = {}) {
  const result = { frames: 0, blank: [] as string[], poster: [] as string[] };
  let running = true;
  const tick = (): void => {
    if (!running) return;
    result.frames++;
    const media = visibleMedia(el);
    if (!media) result.blank.push(`frame ${result.frames}: no media`);
    else if (media.localName === 'img') result.poster.push(`frame ${result.frames}: <img>`);
    else {
      const shot = snapshot(el);
      const at = shot.read(centre[0]! * shot.width, centre[1]! * shot.width);
      if (at[3] < 200) result.blank.push(`frame ${result.frames}: centre [${at}] in ${media.localName}${context()}`);
      if (posterMarker && shot.read(2, 2)[3] > 100) result.poster.push(`frame ${result.frames}: poster marker`);
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    stop: () => {
      running = false;
      return result;
    },
  };
}

/** For waitUntil(): its 1 s default is too short on a busy machine (the assertions stay the same). */
export const PATIENCE = { timeout: 10_000 };

/**
 * Pixels of what the page really shows, at viewport points in CSS pixels: a screenshot taken by the
 * test runner (scripts/page-pixels-plugin.mjs), not a canvas read-back of the element's media.
 * Taken again, two frames apart, until two shots in a row agree at every point (within 4 levels:
 * a video's frames differ by codec noise). WebKitGTK's WebDriver screenshot can lag the page by
 * more than two frames (it once still showed the previous test's page colour), so one shot after
 * a fixed wait is not enough. For still pictures only: a moving one never agrees and fails.
 */
export async function pagePixels(points: readonly (readonly [number, number])[], shots = 8): Promise<RGBA[]> {
  let last: RGBA[] | undefined;
  for (let shot = 0; shot < shots; shot++) {
    await nextFrame();
    await nextFrame();
    const pixels = await screenshotPixels(points);
    if (last && pixels.every((pixel, i) => near(pixel, last![i]!, 4))) return pixels;
    last = pixels;
  }
  throw new Error(`the page never held still for two screenshots in a row (${shots} taken; last: ${JSON.stringify(last)})`);
}

/**
 * Pixels at viewport points (CSS pixels) of one screenshot, taken at once: what the page showed at
 * some moment (in WebKitGTK, the compositor's last frame, which can lag the page a little).
 */
export async function screenshotPixels(points: readonly (readonly [number, number])[]): Promise<RGBA[]> {
  const pixels = await executeServerCommand<RGBA[], { points: readonly (readonly [number, number])[]; devicePixelRatio: number }>('page-pixels', {
    points,
    devicePixelRatio,
  });
  if (!pixels) throw new Error('the test runner has no page-pixels command (web-test-runner.config.mjs)');
  return pixels;
}
