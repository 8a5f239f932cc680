import type { Layer, LayerEvents } from './layer.js';
import { createVideo, framePresented, onFirstFrame, prepareClip, releaseVideo, startClip } from './video.js';

/** A native `<video>` slot: VP9-alpha WebM or HEVC-alpha, composited by the browser. */
export function videoLayer(events: LayerEvents): Layer {
  const video = createVideo(events, false);
  return {
    el: video,
    kind: 'video',
    version: 0,
    load: (clip, signal) => startClip(video, clip, signal),
    prepare: (clip, signal) => prepareClip(video, clip, signal),
    primed: (clip) => onFirstFrame(video, clip),
    play: () => video.play(),
    pause: () => video.pause(),
    // Firefox may hold a cued video without a decoded frame (readyState 1): reveal only with a picture.
    ready: (signal) => (video.readyState < 2 ? framePresented(video, signal) : undefined),
    release: () => releaseVideo(video),
  };
}
