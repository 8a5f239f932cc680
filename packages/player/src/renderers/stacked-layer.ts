import { abortError, type Layer, type LayerEvents } from './layer.js';
import { drawStacked, onRestore } from './stacked-gl.js';
import { createVideo, onFirstFrame, onNextFrame, prepareClip, releaseVideo, startClip } from './video.js';

/**
 * A stacked-alpha slot: the `<video>` stays out of the DOM and each frame it presents is
 * composited through the page's shared WebGL context into this slot's persistent 2D canvas.
 * Exactly one texture upload per presented frame (requestVideoFrameCallback drives it), none
 * while paused; a prepared clip draws its first frame once, so revealing the canvas shows it.
 */
export function stackedLayer(events: LayerEvents): Layer {
  const video = createVideo(events, true);
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d')!;
  let stopLoop: (() => void) | undefined;
  /** The URL whose first frame is on the canvas (a prepared clip). */
  let drawn = '';
  const draw = (): boolean => drawStacked(video, context);
  const loop = (): void => {
    stopLoop?.();
    stopLoop = onNextFrame(video, () => {
      draw();
      loop();
    });
  };
  let unRestore: (() => void) | undefined;
  /** Points the slot at a new clip: nothing drawn of it yet, and redrawn after a context restore. */
  const reset = (): void => {
    stopLoop?.();
    drawn = '';
    unRestore ??= onRestore(draw);
  };
  return {
    el: canvas,
    kind: 'stacked',
    version: 0,
    async load(clip, signal) {
      reset();
      await startClip(video, clip, signal, draw);
      loop();
    },
    async prepare(clip, signal) {
      reset();
      await prepareClip(video, clip, signal);
      // Paused, no frame callback comes: an upload that came back empty (stacked-gl.ts) is tried again next frame.
      while (!draw()) {
        await new Promise(requestAnimationFrame);
        if (signal.aborted) throw abortError();
      }
      drawn = clip.url;
    },
    primed: (clip) => drawn === clip.url && onFirstFrame(video, clip),
    play() {
      loop();
      return video.play();
    },
    pause: () => video.pause(), // no frame is presented while paused
    release() {
      stopLoop?.();
      drawn = '';
      unRestore?.();
      unRestore = undefined;
      releaseVideo(video);
    },
  };
}
