import type { Layer, LayerEvents } from './layer.js';
import { createVideo, period, releaseVideo, startClip } from './video.js';

/** A native `<video>` layer: VP9-alpha WebM or HEVC-alpha, composited by the browser. */
export function videoLayer(events: LayerEvents): Layer {
  const video = createVideo(events, false);
  video.setAttribute('part', 'media');
  return {
    el: video,
    load: (clip, signal) => startClip(video, clip, signal),
    play: () => video.play(),
    pause: () => video.pause(),
    rewind: () => void (video.currentTime = 0),
    period: () => period(video),
    release: () => releaseVideo(video),
  };
}
