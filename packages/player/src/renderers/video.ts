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
  // `ended` can arrive queued from the clip before a reuse: only one that is still true counts.
  // WebKitGTK (GStreamer) can also stop on a clip's last frame and never fire `ended`: `currentTime`
  // rests within a millisecond of the duration and `paused` stays false. A timeupdate that close to
  // the end (less than a frame at any rate) is the end too; `ended` is reported once per pass.
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    events.ended();
  };
  video.addEventListener('ended', () => video.ended && end());
  video.addEventListener('timeupdate', () => !video.loop && video.duration - video.currentTime < 0.005 && end());
  video.addEventListener('loadstart', () => (ended = false));
  // A looping video seeks back to 0 at its end (HTML: "seek to the earliest possible position"),
  // which starts with `seeking`. WebKitGTK (GStreamer) then reports a stale `currentTime` (0 or the
  // duration) for the whole next pass and `seeked` only at the wrap after, so time alone misses wraps.
  // Firefox loops seamlessly, without seeking: `timeupdate` sees its time go back (a time within
  // 50 ms of the end is not trusted: that is where the stale value sits).
  let last = 0;
  video.addEventListener('seeking', () => {
    ended = false;
    if (video.loop && !video.paused) events.looped();
    last = 0;
  });
  video.addEventListener('timeupdate', () => {
    const time = video.currentTime;
    if (time > video.duration - 0.05) return;
    if (video.loop && time < last - 0.05) events.looped();
    last = time;
  });
  video.addEventListener('emptied', () => (last = 0)); // a new source starts at 0: no wrap
  // WebKitGTK (GStreamer) can drop a clip just started back to `waiting` (readyState 2) and never
  // leave it: the end of its buffering is missed. `stalled` (no bytes for 3 s while loading) tells
  // it apart from a slow network when every byte of the file is in already.
  video.addEventListener('stalled', () => {
    const { buffered } = video;
    if (!video.paused && buffered.length && buffered.end(buffered.length - 1) >= video.duration) events.stalled?.();
  });
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
 * Points the (reused) `video` at `clip`. A slot already paused on the clip's first frame keeps it;
 * anything else loads afresh rather than seeking back: WebKitGTK (GStreamer) often never finishes a
 * seek of a just-paused video, or stalls a video paused during its loop seek once it plays again.
 */
function setClip(video: HTMLVideoElement, clip: Clip): void {
  video.loop = clip.loop;
  if (video.getAttribute('src') !== clip.url || video.currentTime || video.seeking) video.src = clip.url;
  video.playbackRate = video.defaultPlaybackRate = clip.speed ?? 1;
}

/**
 * A promise for work on `video` under `signal`: `settle` runs once, and removes every listener
 * added with `done` (a reused video must not collect listeners from clip to clip).
 */
function onVideo(video: HTMLVideoElement, signal: AbortSignal, work: (settle: (error?: unknown) => void, done: AbortSignal) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = new AbortController();
    const settle = (error?: unknown): void => {
      if (done.signal.aborted) return;
      done.abort();
      error ? reject(error) : resolve();
    };
    whenAborted(signal, settle);
    video.addEventListener('error', () => settle(video.error ?? new Error('media error')), { signal: done.signal });
    work(settle, done.signal);
  });
}

/**
 * Sets the clip on `video`, starts it, and resolves after `presented` runs for its first frame.
 * `presented` may return false (e.g. no frame drawn yet) to wait for the next one.
 */
export function startClip(video: HTMLVideoElement, clip: Clip, signal: AbortSignal, presented: () => boolean = () => true): Promise<void> {
  return onVideo(video, signal, (settle, done) => {
    setClip(video, clip);
    video.play().catch((error: unknown) => {
      // An AbortError here only means the load was interrupted (by us); the signal reports it.
      if ((error as DOMException).name !== 'AbortError') settle(error);
    });
    framePresented(video, done, presented).then(() => settle());
  });
}

/** Loads `clip` into `video` paused on its first frame; resolves once it is decoded and `presented` agrees. */
export function prepareClip(video: HTMLVideoElement, clip: Clip, signal: AbortSignal, presented: () => boolean = () => true): Promise<void> {
  return onVideo(video, signal, (settle, done) => {
    video.pause();
    setClip(video, clip);
    const check = (): unknown => video.readyState >= 2 && !video.seeking && presented() && settle();
    for (const type of ['loadeddata', 'canplay', 'seeked']) video.addEventListener(type, check, { signal: done });
    check();
  });
}

/** Paused on the decoded first frame of `clip` (a finished `prepareClip`). */
export const onFirstFrame = (video: HTMLVideoElement, clip: Clip): boolean =>
  video.getAttribute('src') === clip.url && video.paused && !video.currentTime && !video.seeking && video.readyState >= 2;

/**
 * Resolves once a frame of `video` has been presented (a frame callback), the current frame is
 * decoded (`readyState` ≥ 2) and `presented` agrees; at once on abort (the caller checks the
 * signal). The callback can come before `readyState` says so (Chromium presents a new source's
 * first frame, then reports it; Firefox can call back before decoding): `loadeddata`/`canplay`
 * finish the wait then, not the next callback, which for a clip just starting is frames away.
 */
export function framePresented(video: HTMLVideoElement, signal: AbortSignal, presented: () => boolean = () => true): Promise<void> {
  return new Promise((resolve) => {
    const done = new AbortController();
    let shown = false;
    let cancel = (): void => {};
    const finish = (): void => {
      cancel();
      done.abort();
      resolve();
    };
    const check = (): boolean => shown && video.readyState >= 2 && presented();
    const wait = (): void => {
      cancel = onNextFrame(video, () => {
        shown = true;
        check() ? finish() : wait();
      });
    };
    for (const type of ['loadeddata', 'canplay']) video.addEventListener(type, () => check() && finish(), { signal: done.signal });
    signal.addEventListener('abort', finish, { signal: done.signal });
    wait();
  });
}

/** Stops `video` and drops its source so the decoder is freed (HTML: remove src, then load()). */
export function releaseVideo(video: HTMLVideoElement): void {
  video.pause();
  if (!video.hasAttribute('src')) return;
  video.removeAttribute('src');
  video.load();
}
