// 50 <masko-mascot> elements on one long page (half stacked-alpha WebGL, half VP9 WebM), scrolled
// through from top to bottom: every element renders when it comes near, those left behind pause,
// no WebGL context is lost and at most one is created. Chromium and Firefox.
import { expect, waitUntil } from '@open-wc/testing';

// Watch every <video> and WebGL context the page creates, before the element module loads.
const videos: HTMLVideoElement[] = [];
const createElement = document.createElement.bind(document);
document.createElement = ((name: string, options?: ElementCreationOptions) => {
  const el = createElement(name, options);
  if (el instanceof HTMLVideoElement) videos.push(el);
  return el;
}) as typeof document.createElement;
const contexts = new Set<unknown>();
let lost = 0;
const getContext = HTMLCanvasElement.prototype.getContext;
HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
  const context = (getContext as (...args: unknown[]) => unknown).call(this, type, ...rest);
  if (context && /webgl/.test(type) && !contexts.has(context)) {
    contexts.add(context);
    this.addEventListener('webglcontextlost', () => lost++);
  }
  return context;
} as typeof getContext;
await import('../../../packages/player/src/index.js');

type Mascot = HTMLElement & { currentSource?: { format: string }; manifest: unknown };
const COUNT = 50;
const GAP = 400; // px between elements: a viewport holds one or two

const onScreen = (el: Element): boolean => {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < innerHeight;
};
const playing = (): HTMLVideoElement[] => videos.filter((v) => !v.paused && !v.ended);
const holding = (): HTMLVideoElement[] => videos.filter((v) => v.currentSrc !== '');

describe('a page with 50 elements', () => {
  it('renders all of them as they come near, pauses those left behind, loses no WebGL context', async function () {
    this.timeout(120_000);
    const manifest = await (await fetch('/packages/player/test/fixtures/mascot.json')).json();
    const base = new URL('/packages/player/test/fixtures/', location.href).href;
    for (const pose of Object.values(manifest.poses) as { poster: { url: string }[]; media: Record<string, { url: string }[]> }[]) {
      for (const list of [pose.poster, ...Object.values(pose.media)]) for (const v of list) v.url = new URL(v.url, base).href;
    }
    for (const t of manifest.transitions as { media?: Record<string, { url: string }[]> }[]) {
      for (const list of Object.values(t.media ?? {})) for (const v of list) v.url = new URL(v.url, base).href;
    }
    const page = document.createElement('div');
    const elements = Array.from({ length: COUNT }, (_, i) => {
      const el = document.createElement('masko-mascot') as Mascot;
      el.setAttribute('renderer', i % 2 ? 'webm' : 'stacked');
      el.style.cssText = `display:block;width:64px;margin-bottom:${GAP}px`;
      el.manifest = manifest;
      return el;
    });
    page.append(...elements);
    document.body.append(page);
    try {
      const seenPlaying: number[] = [];
      for (const [i, el] of elements.entries()) {
        el.scrollIntoView({ block: 'center' });
        await waitUntil(() => el.currentSource && el.currentSource.format !== 'image', `element ${i} renders`, { timeout: 15_000 });
        // Left-behind elements pause: what plays is what is on screen (a transition may add one clip each).
        const near = elements.filter(onScreen).length;
        await waitUntil(() => playing().length <= 2 * near, `element ${i}: only on-screen elements play (${playing().length} playing, ${near} on screen)`, {
          timeout: 10_000,
        });
        seenPlaying.push(playing().length);
      }
      expect(elements.map((el) => el.currentSource?.format)).to.deep.equal(elements.map((_, i) => (i % 2 ? 'webm' : 'stacked')));
      expect(lost, 'webglcontextlost events').to.equal(0);
      expect(contexts.size, 'WebGL contexts').to.be.at.most(1);
      expect(Math.max(...seenPlaying)).to.be.at.most(4);
      // Recorded, not asserted (see the report): off-screen elements pause but keep their media.
      console.log(`50 elements: ${videos.length} <video> created, ${holding().length} still holding media, ${playing().length} playing at the end`);
    } finally {
      page.remove();
      window.scrollTo(0, 0);
    }
  });
});
