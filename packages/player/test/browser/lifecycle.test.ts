import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { MaskoMascot } from '../../src/index.js';
import { testManifest } from './fixtures.js';
import { loaded, nextFrame, PATIENCE, visibleMedia } from './pixels.js';

const requestsWith = (query: string): string[] =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes(query));

/** An element placed three screens below the top of the page. */
async function below(attributes = '', width = 64): Promise<MaskoMascot> {
  const page = await fixture<HTMLElement>(html`<div><div style="height: 300vh"></div></div>`);
  page.insertAdjacentHTML('beforeend', `<masko-mascot style="width: ${width}px" ${attributes}></masko-mascot>`);
  return page.querySelector('masko-mascot')!;
}

const frames = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await nextFrame();
};

afterEach(() => window.scrollTo(0, 0));

describe('lifecycle', () => {
  it('should load no media before the element nears the viewport (loading="lazy")', async () => {
    const query = `?lazy=${Math.random()}`;
    const el = await below();
    el.manifest = testManifest({ query });
    await el.updateComplete;
    await frames(5);
    expect(requestsWith(query), 'requests while far away').to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('[part="media"]')).to.equal(null);
    const ready = loaded(el);
    el.scrollIntoView();
    await ready;
    expect(requestsWith(query).length, 'requests once near').to.be.above(0);
  });

  it('should not even fetch src before the element nears the viewport', async () => {
    const query = `?lazy-src=${Math.random()}`;
    const el = await below();
    el.src = `/packages/player/test/fixtures/mascot.json${query}`;
    await el.updateComplete;
    await frames(5);
    expect(requestsWith(query), 'requests while far away').to.deep.equal([]);
    const ready = loaded(el);
    el.scrollIntoView();
    await ready;
    expect(requestsWith(query)).to.have.length(1);
  });

  it('should reserve its height from the manifest before anything loads (no layout shift)', async () => {
    const el = await below('', 100);
    el.manifest = { ...testManifest(), poses: { ...testManifest().poses, Red: { ...testManifest().poses.Red!, aspect: 2 } } };
    await el.updateComplete;
    expect(el.getBoundingClientRect().height).to.equal(50);
  });

  it('should pause off-screen and play again on screen', async () => {
    const el = await below('loading="eager" renderer="webm"');
    el.manifest = testManifest();
    el.scrollIntoView();
    await loaded(el);
    const video = visibleMedia(el) as HTMLVideoElement;
    await waitUntil(() => !video.paused, 'plays on screen', PATIENCE);
    window.scrollTo(0, 0);
    await waitUntil(() => video.paused, 'pauses off-screen', PATIENCE);
    el.scrollIntoView();
    await waitUntil(() => !video.paused, 'plays again', PATIENCE);
  });

  it('should pause while the tab is hidden', async () => {
    const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer="webm" style="width: 64px"></masko-mascot>`);
    const ready = loaded(el);
    el.manifest = testManifest();
    await ready;
    const video = visibleMedia(el) as HTMLVideoElement;
    await waitUntil(() => !video.paused, 'plays', PATIENCE);
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      expect(video.paused, 'paused in a hidden tab').to.equal(true);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => !video.paused, 'plays when visible again', PATIENCE);
  });

  for (const renderer of ['webm', 'stacked']) {
    it(`should leave no video playing or holding media once removed (${renderer})`, async () => {
      const videos = new Set<HTMLMediaElement>();
      const play = HTMLMediaElement.prototype.play;
      HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
        videos.add(this);
        return play.call(this);
      };
      try {
        const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer=${renderer} style="width: 64px"></masko-mascot>`);
        const ready = loaded(el);
        el.manifest = testManifest();
        await ready;
        await el.goTo('Blue');
        expect(videos.size).to.be.above(0);
        el.remove();
        for (const video of videos) {
          expect(video.paused, 'paused').to.equal(true);
          expect(video.hasAttribute('src'), 'source dropped').to.equal(false);
          expect(video.readyState, 'no media data held').to.equal(HTMLMediaElement.HAVE_NOTHING);
        }
        expect(el.shadowRoot!.querySelectorAll('[part="media"]').length).to.equal(0);
        // And it comes back, at the pose it was showing, when put back.
        document.body.append(el);
        await waitUntil(() => visibleMedia(el)?.localName === (renderer === 'webm' ? 'video' : 'canvas'), 'media again', PATIENCE);
        expect(el.pose).to.equal('Blue');
        el.remove();
      } finally {
        HTMLMediaElement.prototype.play = play;
      }
    });
  }

  it('should reject a pending goTo() with an AbortError when removed', async () => {
    const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer="webm" style="width: 64px"></masko-mascot>`);
    const ready = loaded(el);
    el.manifest = testManifest();
    await ready;
    const pending = el.goTo('Blue').then(
      () => 'resolved',
      (error: DOMException) => error.name,
    );
    el.remove();
    expect(await pending).to.equal('AbortError');
  });

  it('should show the poster under prefers-reduced-motion, unless the page opts out', async () => {
    const matchMedia = window.matchMedia;
    window.matchMedia = (query: string) =>
      ({ matches: query.includes('reduced-motion'), media: query, addEventListener() {}, removeEventListener() {} }) as never;
    try {
      const still = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" style="width: 64px"></masko-mascot>`);
      const moving = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" ignore-reduced-motion style="width: 64px"></masko-mascot>`);
      const ready = [loaded(still), loaded(moving)];
      still.manifest = moving.manifest = testManifest();
      await Promise.all(ready);
      expect(still.currentSource?.format).to.equal('image');
      expect(visibleMedia(still)?.localName).to.equal('img');
      expect(moving.currentSource?.format).to.equal('webm'); // the format rule's pick
      // Transitions are skipped too: the next pose's poster replaces the current one.
      await still.goTo('Blue');
      expect(still.currentSource?.url).to.match(/blue-64\.png$/);
    } finally {
      window.matchMedia = matchMedia;
    }
  });

  it('should fall back to the poster when the browser refuses to play', async () => {
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = () => Promise.reject(new DOMException('Autoplay is not allowed', 'NotAllowedError'));
    try {
      const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer="webm" style="width: 64px"></masko-mascot>`);
      const errors: string[] = [];
      el.addEventListener('masko-error', (event) => errors.push(event.detail.reason));
      el.manifest = testManifest();
      await waitUntil(() => el.currentSource?.format === 'image', 'poster shown', PATIENCE);
      expect(errors).to.include('autoplay-blocked');
      expect(visibleMedia(el)?.localName).to.equal('img');
    } finally {
      HTMLMediaElement.prototype.play = play;
    }
  });

  it('should upgrade the file when the element grows, and never downgrade', async () => {
    const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer="webm" style="width: 64px"></masko-mascot>`);
    const ready = loaded(el);
    el.manifest = testManifest();
    await ready;
    expect(el.currentSource?.width).to.equal(64 * Math.min(devicePixelRatio, 2) > 64 ? 128 : 64);
    el.style.width = '128px';
    await waitUntil(() => el.currentSource?.width === 128, 'upgraded to 128', PATIENCE);
    el.style.width = '32px';
    await frames(10);
    expect(el.currentSource?.width).to.equal(128);
  });
});

describe('play and pause', () => {
  it('should hold the first frame with autoplay="false" until play()', async () => {
    const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" autoplay="false" renderer="webm" style="width: 64px"></masko-mascot>`);
    const ready = loaded(el);
    el.manifest = testManifest();
    await ready;
    const video = visibleMedia(el) as HTMLVideoElement;
    await frames(3);
    expect(video.paused, 'not autoplaying').to.equal(true);
    el.play();
    await waitUntil(() => !video.paused, 'plays after play()', PATIENCE);
    el.pause();
    expect(video.paused, 'paused by pause()').to.equal(true);
  });
});
