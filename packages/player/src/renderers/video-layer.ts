import type { Layer, LayerEvents } from './layer.js';
import { createVideo, rewindVideo, framePresented, period, releaseVideo, startClip } from './video.js';

/** A native `<video>` layer: VP9-alpha WebM or HEVC-alpha, composited by the browser. */
export function videoLayer(events: LayerEvents): Layer {
  const video = createVideo(events, false);
  video.setAttribute('part', 'media');
  return {
    el: video,
    load: (clip, signal) => startClip(video, clip, signal),
    play: () => video.play(),
    pause: () => video.pause(),
    rewind: (signal) => rewindVideo(video, signal),
    // Firefox may hold a cued video without a decoded frame (readyState 1): reveal only with a picture.
    ready: (signal) => (video.readyState < 2 ? framePresented(video, signal) : undefined),
    period: () => period(video),
    release: () => releaseVideo(video),
  };
}
