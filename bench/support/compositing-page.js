// Runs in the page (compositing.mjs): N stacked-alpha mascots, drawn either by <masko-mascot>
// (shared WebGL context) or by the baseline canvas-2D compositor below.

/**
 * The baseline: what a page without WebGL does. Per presented video frame: draw the stacked frame
 * into a canvas, read it back with getImageData, copy the alpha from the bottom half into the top
 * half's alpha channel in JavaScript, and putImageData into the visible canvas.
 */
function canvas2dCompositor(url, width) {
  const video = document.createElement('video');
  Object.assign(video, { muted: true, loop: true, playsInline: true, crossOrigin: 'anonymous', src: url });
  const work = document.createElement('canvas');
  const workContext = work.getContext('2d', { willReadFrequently: true });
  const out = document.createElement('canvas');
  out.style.width = `${width}px`;
  const outContext = out.getContext('2d');
  let running = true;
  const draw = () => {
    if (!running) return;
    const w = video.videoWidth;
    const h = video.videoHeight / 2;
    if (work.width !== w) {
      work.width = w;
      work.height = h * 2;
      out.width = w;
      out.height = h;
    }
    workContext.drawImage(video, 0, 0);
    const frame = workContext.getImageData(0, 0, w, h * 2).data;
    const picture = outContext.createImageData(w, h);
    const pixels = picture.data;
    const alphaStart = w * h * 4;
    for (let i = 0; i < alphaStart; i += 4) {
      pixels[i] = frame[i];
      pixels[i + 1] = frame[i + 1];
      pixels[i + 2] = frame[i + 2];
      pixels[i + 3] = frame[alphaStart + i]; // alpha stored as luma: the red channel carries it
    }
    outContext.putImageData(picture, 0, 0);
    video.requestVideoFrameCallback(draw);
  };
  video.requestVideoFrameCallback(draw);
  const started = video.play();
  return {
    el: out,
    started,
    stop: () => {
      running = false;
      video.pause();
      video.removeAttribute('src');
      video.load();
    },
  };
}

const frameCounter = () => {
  const state = { frames: 0, running: true };
  const tick = () => {
    if (state.running) {
      state.frames++;
      requestAnimationFrame(tick);
    }
  };
  requestAnimationFrame(tick);
  return state;
};

let current = [];
let counter;

export async function mountOurs(manifest, n, width) {
  const loads = [];
  for (let i = 0; i < n; i++) {
    const el = document.createElement('masko-mascot');
    el.setAttribute('loading', 'eager');
    el.setAttribute('renderer', 'stacked');
    el.style.width = `${width}px`;
    loads.push(
      new Promise((resolve, reject) => {
        el.addEventListener('masko-load', (e) => (e.detail.format === 'stacked' ? resolve() : reject(new Error(`played ${e.detail.format}`))), { once: true });
        el.addEventListener('masko-error', (e) => reject(new Error(e.detail.message)), { once: true });
      }),
    );
    el.manifest = manifest;
    document.body.append(el);
    current.push({ stop: () => el.remove() });
  }
  await Promise.all(loads);
}

export async function mountBaseline(url, n, width) {
  for (let i = 0; i < n; i++) {
    const c = canvas2dCompositor(url, width);
    document.body.append(c.el);
    current.push({
      stop: () => {
        c.stop();
        c.el.remove();
      },
    });
    await c.started;
  }
}

export function startCounting() {
  counter = frameCounter();
}
export function stopCounting() {
  counter.running = false;
  return counter.frames;
}
export function unmount() {
  for (const c of current) c.stop();
  current = [];
}
