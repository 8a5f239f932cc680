import { drawStacked, onRestore } from './stacked-gl.js';
import type { Layer, LayerEvents } from './layer.js';
import { createVideo, rewindVideo, onNextFrame, period, releaseVideo, startClip } from './video.js';

/**
 * A stacked-alpha layer: the `<video>` stays out of the DOM and each frame it presents is
 * composited through the page's shared WebGL context into this layer's 2D canvas. Exactly one
 * texture upload per presented frame (requestVideoFrameCallback drives it), none while paused.
 */
export function stackedLayer(events: LayerEvents): Layer {
  const video = createVideo(events, true);
  const canvas = document.createElement('canvas');
  canvas.setAttribute('part', 'media');
  const context = canvas.getContext('2d')!;
  let stopLoop: (() => void) | undefined;
  const draw = (): boolean => drawStacked(video, context);
  const loop = (): void => {
    stopLoop = onNextFrame(video, () => {
      draw();
      loop();
    });
  };
  const unRestore = onRestore(draw);
  return {
    el: canvas,
    async load(clip, signal) {
      stopLoop?.();
      await startClip(video, clip, signal, draw);
      loop();
    },
    play: () => video.play(),
    pause: () => video.pause(),
    rewind: (signal) => rewindVideo(video, signal),
    period: () => period(video),
    release() {
      stopLoop?.();
      unRestore();
      releaseVideo(video);
    },
  };
}
