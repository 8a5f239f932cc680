import { type Layer, whenAborted } from './layer.js';

/** The pose's still image: the poster, and the whole picture when no video format fits. */
export function imageLayer(): Layer {
  const img = document.createElement('img');
  img.setAttribute('part', 'media');
  img.alt = ''; // the host carries the accessible name
  img.decoding = 'async';
  return {
    el: img,
    load: (clip, signal) =>
      new Promise((resolve, reject) => {
        whenAborted(signal, reject);
        img.src = clip.url;
        // decode() resolves once the image can be painted without a blank frame.
        img.decode().then(resolve, () => reject(new Error(`Could not load image ${clip.url}`)));
      }),
    play() {},
    pause() {},
    rewind() {},
    period: () => 0,
    release: () => img.removeAttribute('src'),
  };
}
