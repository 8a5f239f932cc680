import { type Clip, type Layer, whenAborted } from './layer.js';

/** The pose's still image: the poster, and the whole picture when no video format fits. */
export function imageLayer(): Layer {
  const img = document.createElement('img');
  img.alt = ''; // the host carries the accessible name
  img.decoding = 'async';
  const load = (clip: Clip, signal: AbortSignal): Promise<void> =>
    new Promise((resolve, reject) => {
      whenAborted(signal, reject);
      if (img.getAttribute('src') !== clip.url) img.src = clip.url;
      // decode() resolves once the image can be painted without a blank frame.
      img.decode().then(resolve, () => reject(new Error(`Could not load image ${clip.url}`)));
    });
  return {
    el: img,
    kind: 'image',
    version: 0,
    load,
    prepare: load,
    primed: (clip) => img.getAttribute('src') === clip.url && img.complete && img.naturalWidth > 0,
    play() {},
    pause() {},
    release: () => img.removeAttribute('src'),
  };
}
