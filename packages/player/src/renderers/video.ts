import { type Clip, type LayerEvents, whenAborted } from './layer.js';

/** A muted, inline `<video>` that never autoplays by attribute: we call `play()` ourselves. */
export function createVideo(events: LayerEvents, crossOrigin: boolean): HTMLVideoElement {
  const video = document.createElement('video');
  // defaultMuted is the `muted` attribute (Safari reads it for autoplay); the `playsinline`
  // attribute keeps iPhones from going fullscreen.
  video.muted = video.defaultMuted = true;
  video.setAttribute('playsinline', '');
  video.disablePictureInPicture = true;
  video.preload = 'auto';
  if (crossOrigin) video.crossOrigin = 'anonymous'; // WebGL uploads need CORS
  // WebKitGTK (GStreamer) can stop on a clip's last frame and never fire `ended`: `currentTime`
  // rests within a millisecond of the duration and `paused` stays false. A timeupdate that close to
  // the end (less than a frame at any rate) is the end too; `ended` is reported once per pass.
  let ended = false;
  const end = (): void => void (ended || ((ended = true), events.ended()));
  video.addEventListener('ended', end);
  video.addEventListener('timeupdate', () => !video.loop && video.duration - video.currentTime < 0.005 && end());
  for (const type of ['loadstart', 'seeking']) video.addEventListener(type, () => (ended = false));
  // A looping video seeks back to 0 at its end (HTML: "seek to the earliest possible position").
  video.addEventListener('seeked', () => video.loop && video.currentTime < 0.5 && events.looped());
  return video;
}

/** Calls `fn` once the next frame of `video` is presented (rVFC, or a frame after `loadeddata`). */
export function onNextFrame(video: HTMLVideoElement, fn: () => void): () => void {
  if ('requestVideoFrameCallback' in video) {
    const id = video.requestVideoFrameCallback(() => fn());
    return () => video.cancelVideoFrameCallback(id);
  }
  let raf = 0;
  const ready = () => (raf = requestAnimationFrame(() => (raf = requestAnimationFrame(fn))));
  if ((video as HTMLMediaElement).readyState >= 2) ready();
  else (video as HTMLMediaElement).addEventListener('loadeddata', ready, { once: true });
  return () => cancelAnimationFrame(raf);
}

/**
 * Sets the clip on `video`, starts it, and resolves after `presented` runs for its first frame.
 * `presented` may return false (e.g. no frame drawn yet) to wait for the next one.
 */
export function startClip(
  video: HTMLVideoElement,
  clip: Clip,
  signal: AbortSignal,
  presented: () => boolean = () => true,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const listen = { signal };
    whenAborted(signal, reject);
    video.addEventListener('error', () => reject(video.error ?? new Error('media error')), listen);
    video.loop = clip.loop;
    video.src = clip.url;
    video.playbackRate = video.defaultPlaybackRate = clip.speed ?? 1;
    video.play().catch((error: unknown) => {
      // An AbortError here only means the load was interrupted (by us); the signal reports it.
      if ((error as DOMException).name !== 'AbortError') reject(error);
    });
    framePresented(video, signal, presented).then(resolve);
  });
}

/**
 * Resolves once a frame of `video` has been presented and `presented` agrees; never while
 * `readyState` < 2 (Firefox can run a frame callback before any frame is decoded); at once on abort.
 */
export function framePresented(video: HTMLVideoElement, signal: AbortSignal, presented: () => boolean = () => true): Promise<void> {
  return new Promise((resolve) => {
    const wait = (): void => {
      const cancel = onNextFrame(video, () => (video.readyState >= 2 && presented() ? resolve() : wait()));
      signal.addEventListener('abort', () => (cancel(), resolve()), { signal }); // the caller checks the signal
    };
    wait();
  });
}

/** Seeks back to the first frame; resolves once the seek is done (`seeked`: a frame to show), or on abort. */
export function rewindVideo(video: HTMLVideoElement, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    video.addEventListener('seeked', () => resolve(), { once: true, signal });
    signal.addEventListener('abort', () => resolve(), { signal });
    video.currentTime = 0;
  });
}

/** Stops `video` and drops its source so the decoder is freed (HTML: remove src, then load()). */
export function releaseVideo(video: HTMLVideoElement): void {
  video.pause();
  video.removeAttribute('src');
  video.load();
}

/** Milliseconds one pass of the clip takes at its playback rate. */
export const period = (video: HTMLVideoElement): number => ((video.duration || 0) * 1000) / video.playbackRate;
