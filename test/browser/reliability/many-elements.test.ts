// 50 <masko-mascot> elements on one long page (half stacked-alpha WebGL, half VP9 WebM), scrolled
// through from top to bottom: every element renders when it comes near, those left behind pause and
// then let go of their media (`release-after`, shortened here), so the videos holding media stay
// bounded by the elements near the viewport; no WebGL context is lost and at most one is created.
// All three engines: in WebKitGTK, element 34 once got no frame while those scrolled past kept their media.
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
// Near: within the element's 200px lazy-load margin, where it keeps its media.
const near = (el: Element): boolean => {
  const r = el.getBoundingClientRect();
  return r.bottom > -200 && r.top < innerHeight + 200;
};
const playing = (): HTMLVideoElement[] => videos.filter((v) => !v.paused && !v.ended);
// (currentSrc is no test: it keeps the last URL after a release.)
const holding = (): HTMLVideoElement[] => videos.filter((v) => v.hasAttribute('src') || v.readyState !== HTMLMediaElement.HAVE_NOTHING);

describe('a page with 50 elements', () => {
  it('renders all of them as they come near, pauses and releases those left behind, loses no WebGL context', async function () {
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
      el.setAttribute('release-after', '200');
      el.style.cssText = `display:block;width:64px;margin-bottom:${GAP}px`;
      el.manifest = manifest;
      return el;
    });
    page.append(...elements);
    document.body.append(page);
    try {
      const seenPlaying: number[] = [];
      const seenHolding: number[] = [];
      const rendered: (string | undefined)[] = [];
      for (const [i, el] of elements.entries()) {
        el.scrollIntoView({ block: 'center' });
        await waitUntil(() => el.currentSource && el.currentSource.format !== 'image', `element ${i} renders`, { timeout: 15_000 });
        rendered.push(el.currentSource?.format);
        // Left-behind elements pause: what plays is what is on screen (a transition may add one clip each).
        const shown = elements.filter(onScreen).length;
        await waitUntil(() => playing().length <= 2 * shown, `element ${i}: only on-screen elements play (${playing().length} playing, ${shown} on screen)`, {
          timeout: 10_000,
        });
        seenPlaying.push(playing().length);
        // Left far behind, they let go: a slot on screen and one prepared for what comes next, per near element.
        const close = elements.filter(near).length;
        await waitUntil(() => holding().length <= 2 * close, `element ${i}: only near elements hold media (${holding().length} holding, ${close} near)`, {
          timeout: 10_000,
        });
        seenHolding.push(holding().length);
      }
      expect(rendered).to.deep.equal(elements.map((_, i) => (i % 2 ? 'webm' : 'stacked')));
      expect(lost, 'webglcontextlost events').to.equal(0);
      expect(contexts.size, 'WebGL contexts').to.be.at.most(1);
      expect(Math.max(...seenPlaying)).to.be.at.most(4);
      // Back at the top, the first element brings its clip back.
      elements[0]!.scrollIntoView({ block: 'center' });
      await waitUntil(() => elements[0]!.currentSource?.format === 'stacked', 'element 0 plays again', { timeout: 15_000 });
      await waitUntil(() => holding().length <= 2 * elements.filter(near).length, 'element 49 lets go', { timeout: 10_000 });
      console.log(`50 elements: ${videos.length} <video> created, at most ${Math.max(...seenHolding)} holding media at once`);
    } finally {
      page.remove();
      window.scrollTo(0, 0);
    }
  });
});
