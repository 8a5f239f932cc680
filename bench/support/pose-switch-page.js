// Runs in the page (pose-switch.mjs). Switches poses N times on <masko-mascot> and on a plain <video>
// whose src is swapped, timing each switch and sampling every rendered frame for blank ones.
const OPAQUE_MIN = 10; // of 16x16 samples; the fox covers far more

const probe = document.createElement('canvas');
probe.width = probe.height = 16;
const probeContext = probe.getContext('2d', { willReadFrequently: true });

/** How many of 16x16 samples of `media`'s current picture are mostly opaque. */
function opaque(media) {
  probeContext.clearRect(0, 0, 16, 16);
  probeContext.drawImage(media, 0, 0, 16, 16);
  const data = probeContext.getImageData(0, 0, 16, 16).data;
  let n = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 128) n++;
  return n;
}

/**
 * Why the picture on screen is blank this frame, '' when it is not, or 'held' for a video seeking
 * within its own source (a loop wrapping): Chromium keeps its last frame on screen while it seeks,
 * but drawImage() of it draws nothing, so it is counted apart, not as blank. A video that has no
 * frame of its current source (src just swapped) is blank.
 */
function blankReason(media) {
  if (!media) return 'no visible layer';
  if (media instanceof HTMLVideoElement && media.readyState < 2) return media.seeking ? 'held' : `video readyState ${media.readyState}`;
  const n = opaque(media);
  return n < OPAQUE_MIN ? `${n} opaque samples in ${media.localName}` : '';
}

/** Samples each rendered frame: counts frames, blank ones, and frame intervals. */
function sampler(visible) {
  const state = { frames: 0, blank: 0, held: 0, reasons: {}, intervals: [], running: true, last: 0 };
  const tick = (now) => {
    if (!state.running) return;
    state.frames++;
    if (state.last) state.intervals.push(now - state.last);
    state.last = now;
    const media = visible();
    const reason = blankReason(media);
    if (reason === 'held') state.held++;
    else if (reason) {
      state.blank++;
      state.reasons[reason] = (state.reasons[reason] ?? 0) + 1;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return state;
}

/** Spreads the moments of the switches over `spreadMs` (golden-ratio sequence), e.g. over a loop's phase. */
const pause = (i, spreadMs) => (((i + 1) * 0.6180339887) % 1) * spreadMs;

/** When the loop playing in `media` next wraps (Infinity for no loop). */
function nextWrap(media, now) {
  if (!(media instanceof HTMLVideoElement) || !media.loop || !media.duration) return Infinity;
  return now + ((media.duration - media.currentTime) * 1000) / (media.playbackRate || 1);
}

/**
 * Per switch: when the new frame came no earlier than the loop on screen wrapped (less one frame),
 * the switch waited for the wrap: split it into that wait and the time from the wrap to the frame.
 */
function splitAtWraps(starts, ends, wraps) {
  return starts.map((t0, i) => (ends[i] >= wraps[i] - 17 ? { wait: wraps[i] - t0, after: ends[i] - wraps[i] } : { wait: 0, after: ends[i] - t0 }));
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const ORDER = ['Wave', 'Thumbs Up', 'Thinking', 'Idle'];

/** The demo manifest with one pose per switch, each at URLs of its own (so cache state is per switch). */
/** One run's result: the switch latencies and frame counts, and what the sampler saw while it ran. */
function report(state, latencies, frames, split) {
  return {
    latencies,
    frames,
    split,
    sampledFrames: state.frames,
    blankFrames: state.blank,
    heldFrames: state.held,
    blankReasons: state.reasons,
    intervals: state.intervals,
  };
}

function expand(base, tag, n) {
  const withQuery = (list, i) => list.map((v) => ({ ...v, url: `${v.url}?${tag}-${i}` }));
  const poses = { Idle: base.poses.Idle };
  for (let i = 0; i < n; i++) {
    const pose = base.poses[ORDER[i % 4]];
    poses[`s${i}`] = { ...pose, poster: withQuery(pose.poster, i), media: { webm: withQuery(pose.media.webm, i) } };
  }
  return { ...base, poses, transitions: [] };
}

async function preload(urls) {
  await Promise.all(urls.map((url) => fetch(url).then((r) => r.arrayBuffer())));
}

/** A playing <masko-mascot> of `manifest`, `width` px wide, loaded at once. */
async function mount(manifest, width) {
  const el = document.createElement('masko-mascot');
  el.setAttribute('loading', 'eager');
  el.style.width = `${width}px`;
  const loaded = new Promise((resolve, reject) => {
    el.addEventListener('masko-load', resolve, { once: true });
    el.addEventListener('masko-error', (e) => reject(new Error(e.detail.message)), { once: true });
  });
  el.manifest = manifest;
  document.body.append(el);
  await loaded;
  return el;
}

export async function runOurs(base, { n, preloaded, tag, width, spreadMs }) {
  const manifest = expand(base, tag, n);
  if (preloaded)
    await preload(
      Object.entries(manifest.poses)
        .filter(([k]) => k !== 'Idle')
        .flatMap(([, p]) => p.media.webm.map((v) => v.url)),
    );
  const el = await mount(manifest, width);
  await sleep(300);
  const state = sampler(() => el.shadowRoot.querySelector('[part="media"]:not([data-hidden])'));
  const latencies = [];
  const frames = [];
  const starts = [];
  const ends = [];
  const wraps = [];
  const visible = () => el.shadowRoot.querySelector('[part="media"]:not([data-hidden])');
  for (let i = 0; i < n; i++) {
    await sleep(pause(i, spreadMs));
    const before = state.frames;
    const t0 = performance.now();
    wraps.push(nextWrap(visible(), t0));
    await el.goTo(`s${i}`);
    const t1 = await nextFrame(); // the frame that shows the revealed layer
    latencies.push(t1 - t0);
    starts.push(t0);
    ends.push(t1);
    frames.push(state.frames - before);
  }
  state.running = false;
  el.remove();
  return report(state, latencies, frames, splitAtWraps(starts, ends, wraps));
}

export async function runVideo(base, { n, preloaded, tag, width, spreadMs }) {
  const manifest = expand(base, tag, n);
  const urls = Array.from(
    { length: n },
    (_, i) => manifest.poses[`s${i}`].media.webm.find((v) => v.width >= width) ?? manifest.poses[`s${i}`].media.webm.at(-1),
  ).map((v) => v.url);
  if (preloaded) await preload(urls);
  const video = document.createElement('video');
  Object.assign(video, { muted: true, loop: true, playsInline: true, preload: 'auto' });
  video.style.width = `${width}px`;
  document.body.append(video);
  const first = base.poses.Idle.media.webm.find((v) => v.width >= width).url;
  video.src = first;
  await video.play();
  await new Promise((resolve) => video.requestVideoFrameCallback(resolve));
  await sleep(300);
  const state = sampler(() => video);
  const latencies = [];
  const frames = [];
  const starts = [];
  const ends = [];
  const wraps = [];
  for (let i = 0; i < n; i++) {
    await sleep(pause(i, spreadMs));
    const before = state.frames;
    const t0 = performance.now();
    wraps.push(Infinity); // a src swap never waits
    video.src = urls[i];
    const presented = new Promise((resolve) => video.requestVideoFrameCallback(resolve));
    video.play().catch(() => {});
    await presented;
    const t1 = await nextFrame();
    latencies.push(t1 - t0);
    starts.push(t0);
    ends.push(t1);
    frames.push(state.frames - before);
  }
  state.running = false;
  video.remove();
  return report(state, latencies, frames, splitAtWraps(starts, ends, wraps));
}

/** Resolves on the element's next `type` event whose detail passes `test`. */
const next = (el, type, test = () => true) =>
  new Promise((resolve) => {
    const on = (e) => {
      if (!test(e.detail)) return;
      el.removeEventListener(type, on);
      resolve(e.detail);
    };
    el.addEventListener(type, on);
  });

/**
 * Predicted switches on a canvas: Idle's only way out is the edge to Wave (input `go`), so while the
 * mascot idles the element fetches that clip and decodes it in its idle slot. Each switch waits for
 * `loops` wraps of Idle, then sets `go` and times until the rendered frame after the transition clip
 * is on screen; then goes back to Idle for the next one.
 */
export async function runPredicted(manifest, { n, width, loops }) {
  const el = await mount(manifest, width);
  const visible = () => el.shadowRoot.querySelector('[part="media"]:not([data-hidden])');
  const state = sampler(visible);
  const latencies = [];
  for (let i = 0; i < n; i++) {
    for (let wraps = 0; wraps < loops; wraps++) await next(el, 'masko-loop', (d) => d.pose === 'Idle');
    const started = next(el, 'masko-transition-start');
    const t0 = performance.now();
    el.setInput('go', true);
    await started;
    latencies.push((await nextFrame()) - t0);
    await next(el, 'masko-pose-change', (d) => d.to === 'Wave');
    const back = next(el, 'masko-pose-change', (d) => d.to === 'Idle');
    el.setInput('go', false);
    await back;
  }
  state.running = false;
  el.remove();
  return { latencies, sampledFrames: state.frames, blankFrames: state.blank, heldFrames: state.held, blankReasons: state.reasons, intervals: state.intervals };
}
