import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { type MaskoMascot, RELEASE_AFTER_MS } from '../../src/index.js';
import { itUnlessGStreamerWebM } from './engines.js';
import { testManifest } from './fixtures.js';
import { loaded, PATIENCE, sampleFrames, visibleMedia } from './pixels.js';

/** Every <video> the page plays from now on. */
function watchVideos(): { videos: Set<HTMLVideoElement>; stop(): void } {
  const videos = new Set<HTMLVideoElement>();
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLVideoElement) {
    videos.add(this);
    return play.call(this);
  };
  return { videos, stop: () => void (HTMLMediaElement.prototype.play = play) };
}

const holdsMedia = (video: HTMLVideoElement): boolean => video.hasAttribute('src') || video.readyState !== HTMLMediaElement.HAVE_NOTHING;

/** A playing element three screens below the top, scrolled into view; `release-after` shortened. */
async function playingBelow(): Promise<MaskoMascot> {
  const page = await fixture<HTMLElement>(html`<div><div style="height: 300vh"></div></div>`);
  page.insertAdjacentHTML('beforeend', '<masko-mascot loading="eager" renderer="webm" release-after="300" style="width: 64px"></masko-mascot>');
  const el = page.querySelector('masko-mascot')!;
  el.manifest = testManifest();
  el.scrollIntoView();
  await loaded(el);
  return el;
}

afterEach(() => window.scrollTo(0, 0));

describe('releasing media off screen', () => {
  it('should release after 15 s by default, configurable per element', () => {
    expect(RELEASE_AFTER_MS).to.equal(15_000);
    expect(document.createElement('masko-mascot').releaseAfter).to.equal(15_000);
  });

  // The WebM path, skipped in WebKitGTK only: GSTREAMER_WEBM_FRAMES (engines.ts) says why.
  itUnlessGStreamerWebM(true)('should drop the video far off screen, keep the poster and the box, and swap the clip back in seamlessly', async function () {
    this.timeout(30_000);
    const watch = watchVideos();
    try {
      const el = await playingBelow();
      expect(el.releaseAfter).to.equal(300);
      const box = el.getBoundingClientRect().height;
      const sampler = sampleFrames(el, { centre: [0.5, 0.375] }); // release and reload
      window.scrollTo(0, 0); // 300vh away: far beyond the 200px margin
      await waitUntil(() => visibleMedia(el)?.localName === 'img', 'the poster replaces the video', PATIENCE);
      await waitUntil(() => el.shadowRoot!.querySelectorAll('video').length === 0, 'no <video> left', PATIENCE);
      expect([...watch.videos].filter(holdsMedia), 'videos holding media').to.deep.equal([]);
      expect(el.currentSource?.format).to.equal('image');
      expect(el.getBoundingClientRect().height, 'same box').to.equal(box);

      el.scrollIntoView();
      await waitUntil(() => el.currentSource?.format === 'webm' && visibleMedia(el)?.localName === 'video', 'the clip is back', PATIENCE);
      const video = visibleMedia(el) as HTMLVideoElement;
      await waitUntil(() => !video.paused, 'and plays', PATIENCE);
      const frames = sampler.stop();
      expect(frames.blank, 'blank frames (the poster counts as a picture)').to.deep.equal([]);
      expect(el.getBoundingClientRect().height, 'same box').to.equal(box);
      expect(el.shadowRoot!.querySelectorAll('[part="media"]').length, 'one layer left').to.equal(1);
    } finally {
      watch.stop();
    }
  });

  it('should keep the video when the element comes back before the delay', async () => {
    const el = await playingBelow();
    el.releaseAfter = 60_000;
    await el.updateComplete;
    const video = visibleMedia(el) as HTMLVideoElement;
    window.scrollTo(0, 0);
    await waitUntil(() => video.paused, 'paused off screen', PATIENCE);
    el.scrollIntoView();
    await waitUntil(() => !video.paused, 'the same video plays again', PATIENCE);
    expect(visibleMedia(el)).to.equal(video);
  });

  it('should release in a hidden tab too', async () => {
    const el = await playingBelow();
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      await waitUntil(() => el.shadowRoot!.querySelectorAll('video').length === 0, 'no <video> left', PATIENCE);
      expect(visibleMedia(el)?.localName).to.equal('img');
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => visibleMedia(el)?.localName === 'video', 'the clip is back', PATIENCE);
  });
});
