// Loading a video, seeking it, and reading its pixels back through a 2D canvas.

/** Resolves once `target` fires `name`; rejects on `error` or after `ms` with a message naming `what`. */
function once(target: HTMLVideoElement, name: string, what: string, ms = 10000): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      target.removeEventListener(name, onEvent);
      target.removeEventListener('error', onError);
    };
    const onEvent = (): void => {
      done();
      resolve();
    };
    const onError = (): void => {
      done();
      reject(new Error(`${what}: media error ${target.error?.code ?? '?'} ${target.error?.message ?? ''}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`${what}: no '${name}' within ${ms} ms`));
    }, ms);
    target.addEventListener(name, onEvent);
    target.addEventListener('error', onError);
  });
}

/** A muted inline video of `url`, with its first frame decoded. */
export async function loadVideo(url: string): Promise<HTMLVideoElement> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.preload = 'auto';
  const loaded = once(video, 'loadeddata', url);
  video.src = url;
  await loaded;
  return video;
}

/**
 * Seeks to `time` seconds and waits until the frame there is ready. `seeked` alone is not enough:
 * under load Chromium can still hand drawImage the frame shown before the seek, so we also wait for
 * the new frame to be presented (requestVideoFrameCallback). A seek that lands on the frame already
 * shown presents nothing new, hence the short fallback.
 */
export async function seek(video: HTMLVideoElement, time: number): Promise<void> {
  const seeked = once(video, 'seeked', `${video.currentSrc} seeking to ${time}s`);
  const presented = new Promise<void>((resolve) => {
    const fallback = setTimeout(resolve, 500);
    video.requestVideoFrameCallback?.(() => {
      clearTimeout(fallback);
      resolve();
    });
  });
  video.currentTime = time;
  await seeked;
  await presented;
}

/** Releases the decoder (browsers cap how many media elements stay alive). */
export function release(video: HTMLVideoElement): void {
  video.removeAttribute('src');
  video.load();
}

/** RGBA bytes of the video's current frame at its intrinsic size, read through a 2D canvas. */
export interface Frame {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export function grabFrame(video: HTMLVideoElement): Frame {
  const width = video.videoWidth;
  const height = video.videoHeight;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas context');
  ctx.drawImage(video, 0, 0, width, height);
  return { width, height, data: ctx.getImageData(0, 0, width, height).data };
}

export type Rgba = [number, number, number, number];

/** The pixel at integer coordinates. */
export function pixel(frame: Frame, x: number, y: number): Rgba {
  const i = (y * frame.width + x) * 4;
  const d = frame.data;
  return [d[i]!, d[i + 1]!, d[i + 2]!, d[i + 3]!];
}

/**
 * A stacked-alpha frame (colour on top, alpha as luma below) composited in 2D: colour from the
 * top half, alpha from the bottom half's BT.709 luma. Returns an artwork-sized straight-alpha frame.
 */
export function compositeStacked(stacked: Frame): Frame {
  const width = stacked.width;
  const height = stacked.height / 2;
  const data = new Uint8ClampedArray(width * height * 4);
  const alphaStart = width * height * 4;
  for (let i = 0; i < width * height * 4; i += 4) {
    const s = stacked.data;
    data[i] = s[i]!;
    data[i + 1] = s[i + 1]!;
    data[i + 2] = s[i + 2]!;
    data[i + 3] = Math.round(0.2126 * s[alphaStart + i]! + 0.7152 * s[alphaStart + i + 1]! + 0.0722 * s[alphaStart + i + 2]!);
  }
  return { width, height, data };
}
