import { expect, fixture, html } from '@open-wc/testing';
import { itUnlessGStreamerWebM } from './engines.js';
import '../../src/index.js';
import type { MaskoMascot } from '../../src/index.js';
import { FIXTURES, testManifest } from './fixtures.js';
import { loaded, sampleFrames, snapshot } from './pixels.js';

/**
 * Every `<video>` that enters the shadow root, and the most it holds at once, followed mutation by
 * mutation (records in order, so a video added and removed between two checks still counts).
 */
function watchVideos(el: MaskoMascot): () => { seen: Set<Element>; most: number } {
  const inRoot = new Set<Element>(el.shadowRoot!.querySelectorAll('video'));
  const seen = new Set<Element>(inRoot);
  let most = inRoot.size;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes)
        if (node instanceof HTMLVideoElement) {
          inRoot.add(node);
          seen.add(node);
        }
      for (const node of record.removedNodes) if (node instanceof HTMLVideoElement) inRoot.delete(node);
      most = Math.max(most, inRoot.size);
    }
  });
  observer.observe(el.shadowRoot!, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    return { seen, most };
  };
}

/** Resolves when `to` is on screen. */
const arrival = (el: MaskoMascot, to: string): Promise<void> =>
  new Promise((resolve) => {
    const on = (e: Event): void => {
      if ((e as CustomEvent<{ to: string }>).detail.to !== to) return;
      el.removeEventListener('masko-pose-change', on);
      resolve();
    };
    el.addEventListener('masko-pose-change', on);
  });

describe('persistent slots', () => {
  itUnlessGStreamerWebM(true)(
    'should keep the same two <video> objects over 40 switches mixing goTo() and canvas inputs, with no blank frame',
    async function () {
      this.timeout(240_000);
      const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer="webm" alt="Felix" style="width: 160px"></masko-mascot>`);
      const ready = loaded(el);
      el.src = `${FIXTURES}demo-canvas.json`;
      await ready;
      const stop = watchVideos(el);
      const sampler = sampleFrames(el, { centre: [0.5, 0.5] });
      const first = new Set(el.shadowRoot!.querySelectorAll('video'));
      const steps: [string, () => unknown][] = [
        ['Thinking', () => el.setInput('thinking', true)],
        ['Idle', () => el.setInput('thinking', false)],
        ['Thumbs Up', () => el.goTo('Thumbs Up')],
        ['Idle', () => el.goTo('Idle')],
      ];
      for (let i = 0; i < 40; i++) {
        const [to, act] = steps[i % steps.length]!;
        const arrived = arrival(el, to);
        act();
        await arrived;
        const now = el.shadowRoot!.querySelectorAll('video');
        expect(now.length, `videos in the shadow root after switch ${i + 1}`).to.be.at.most(2);
        for (const video of now) first.add(video);
      }
      const frames = sampler.stop();
      const { seen, most } = stop();
      expect(most, 'most <video>s in the shadow root at once').to.be.at.most(2);
      expect(seen.size, 'distinct <video> objects over the 40 switches').to.be.at.most(2);
      expect(first.size, 'the same objects throughout').to.be.at.most(2);
      expect(frames.blank, 'blank frames').to.deep.equal([]);
    },
  );

  itUnlessGStreamerWebM(true)('should let no stale load swap: loads completed out of order land on the latest pose', async function () {
    if (!('requestVideoFrameCallback' in HTMLVideoElement.prototype)) this.skip();
    this.timeout(60_000);
    // Red on screen; Blue's frame callbacks are held back, so its load completes after a later one.
    const manifest = testManifest({ transitions: false });
    const again = testManifest({ transitions: false, query: '?again' });
    manifest.poses.Later = again.poses.Red!;
    const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer="webm" style="width: 64px"></masko-mascot>`);
    const ready = loaded(el);
    el.manifest = manifest;
    await ready;
    const held: (() => void)[] = [];
    const original = HTMLVideoElement.prototype.requestVideoFrameCallback;
    HTMLVideoElement.prototype.requestVideoFrameCallback = function (this: HTMLVideoElement, callback: VideoFrameRequestCallback) {
      if (!this.src.includes('blue')) return original.call(this, callback);
      held.push(() => callback(performance.now(), {} as VideoFrameCallbackMetadata));
      return 0;
    };
    const poses: string[] = [];
    el.addEventListener('masko-pose-change', (e) => poses.push(e.detail.to));
    try {
      let blue: unknown;
      const first = el.goTo('Blue').catch((error: unknown) => (blue = error));
      await new Promise((resolve) => setTimeout(resolve, 200)); // Blue is loading (its first frame held)
      await el.goTo('Later');
      for (const release of held.splice(0)) release(); // Blue's load completes now, last
      await first;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((blue as Error | undefined)?.name, 'the superseded goTo').to.equal('AbortError');
      expect(poses, 'poses shown').to.deep.equal(['Later']);
      expect(el.pose).to.equal('Later');
      expect(el.currentSource?.url).to.contain('?again');
      expect(snapshot(el).read(32, 24)[0], 'red (Later) on screen, not blue').to.be.above(200);
    } finally {
      HTMLVideoElement.prototype.requestVideoFrameCallback = original;
    }
  });
});
