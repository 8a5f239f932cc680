import { expect, fixture, html } from '@open-wc/testing';
import { itUnlessGStreamerWebM } from './engines.js';
import '../../src/index.js';
import type { MaskoMascot } from '../../src/index.js';
import { absolute, createdVideos } from './created-videos.js';
import { demoCanvas } from './demo-canvas.js';
import { testManifest } from './fixtures.js';
import { loaded, sampleFrames, snapshot } from './pixels.js';

/**
 * Every element of `localName` that enters the shadow root, and the most it holds at once, followed
 * mutation by mutation (records in order, so one added and removed between two checks still counts).
 * The slots' own elements: `<video>`s on the WebM path, the persistent canvases on the stacked path.
 */
function watchSlots(el: MaskoMascot, localName: 'video' | 'canvas'): () => { seen: Set<Element>; most: number } {
  const inRoot = new Set<Element>(el.shadowRoot!.querySelectorAll(localName));
  const seen = new Set<Element>(inRoot);
  let most = inRoot.size;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes)
        if (node instanceof Element && node.localName === localName) {
          inRoot.add(node);
          seen.add(node);
        }
      for (const node of record.removedNodes) if (node instanceof Element) inRoot.delete(node);
      most = Math.max(most, inRoot.size);
    }
  });
  observer.observe(el.shadowRoot!, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    return { seen, most };
  };
}

/** Resolves when `to` is on screen; rejects after 20 s (a switch that never lands fails the test at once). */
const arrival = (el: MaskoMascot, to: string, what: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: ${to} not on screen after 20 s`)), 20_000);
    const on = (e: Event): void => {
      if ((e as CustomEvent<{ to: string }>).detail.to !== to) return;
      el.removeEventListener('masko-pose-change', on);
      clearTimeout(timer);
      resolve();
    };
    el.addEventListener('masko-pose-change', on);
  });

/**
 * Plays the demo canvas (with stacked files) through 44 switches mixing goTo() and canvas inputs,
 * checking at each that at most two <video>s were made and that the clip on screen plays in one of
 * them; returns what the slots held and the frames sampled.
 */
async function switches(renderer: 'webm' | 'stacked') {
  const created = createdVideos();
  try {
    const manifest = await demoCanvas();
    const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer=${renderer} alt="Felix" style="width: 160px"></masko-mascot>`);
    const ready = loaded(el);
    el.manifest = manifest;
    await ready;
    expect(el.currentSource?.format).to.equal(renderer);
    const stop = watchSlots(el, renderer === 'webm' ? 'video' : 'canvas');
    const { videos } = created;
    // What each <video> was doing, for a blank frame's report.
    const state = (): string =>
      ` showing ${el.currentSource?.url.split('/').pop()}; ${videos
        .map(
          (v) =>
            `${v.src.split('/').pop()} ready ${v.readyState} ${v.paused ? 'paused' : 'playing'} at ${v.currentTime.toFixed(3)}${v.seeking ? ' seeking' : ''}`,
        )
        .join('; ')}`;
    const sampler = sampleFrames(el, { centre: [0.5, 0.5], context: state });
    const first = [...videos];
    expect(first.length, '<video>s made for the first clip').to.be.within(1, 2);
    const steps: [string, () => unknown][] = [
      ['Thinking', () => el.setInput('thinking', true)],
      ['Idle', () => el.setInput('thinking', false)],
      ['Thumbs Up', () => el.goTo('Thumbs Up')],
      ['Idle', () => el.goTo('Idle')],
    ];
    let frames: ReturnType<typeof sampler.stop>;
    let slots: ReturnType<typeof stop>;
    try {
      for (let i = 0; i < 44; i++) {
        const [to, act] = steps[i % steps.length]!;
        const arrived = arrival(el, to, `switch ${i + 1}`);
        act();
        await arrived;
        expect(videos.length, `<video>s made by switch ${i + 1}`).to.be.at.most(2);
        // The clip on screen plays in one of them (not in a video made some other way).
        const url = absolute(el.currentSource!.url);
        expect(
          videos.some((video) => video.src === url),
          `switch ${i + 1}: ${url} plays in one of the <video>s`,
        ).to.equal(true);
        const inRoot = [...el.shadowRoot!.querySelectorAll('video')];
        if (renderer === 'webm')
          expect(
            inRoot.every((video) => videos.includes(video)),
            `switch ${i + 1}: the shadow root's <video>s are the element's`,
          ).to.equal(true);
        else expect(inRoot.length, `switch ${i + 1}: stacked videos stay out of the DOM`).to.equal(0);
      }
    } finally {
      frames = sampler.stop();
      slots = stop();
      el.remove(); // fixture() cleans up after each test; this runs in a before() hook
    }
    return { videos: [...videos], first, ...slots, frames };
  } finally {
    created.stop();
  }
}

// Both paths everywhere. WebM in WebKitGTK skips the frame sampler's check (GSTREAMER_WEBM_FRAMES,
// engines.ts: canvas reads of a just-revealed WebM come back empty there; switch-screenshots.test.ts
// checks what the page shows instead) and the stale-load test. Safari never plays WebM.
for (const renderer of ['webm', 'stacked'] as const) {
  describe(`persistent slots (${renderer})`, () => {
    let created: ReturnType<typeof createdVideos>;
    beforeEach(() => (created = createdVideos()));
    afterEach(() => created.stop());

    describe('over 44 switches mixing goTo() and canvas inputs', () => {
      let run: Awaited<ReturnType<typeof switches>>;
      before(async function () {
        // 44 one-second transition clips (about 50 s), and in WebKitGTK a few GStreamer stalls,
        // each shown afresh after its `stalled` event (engines.ts).
        this.timeout(180_000);
        run = await switches(renderer);
      });

      it('should keep the same two <video> objects throughout, never more than 2', () => {
        const { videos, first, seen, most } = run;
        expect(
          first.every((video, i) => videos[i] === video),
          'the first objects kept',
        ).to.equal(true);
        expect(videos.length, 'distinct <video> objects over the 44 switches').to.be.at.most(2);
        expect(most, `most slot ${renderer === 'webm' ? '<video>s' : 'canvases'} in the shadow root at once`).to.be.at.most(2);
        expect(seen.size, `distinct slot ${renderer === 'webm' ? '<video>s' : 'canvases'} over the 44 switches`).to.be.at.most(2);
      });

      itUnlessGStreamerWebM(renderer === 'webm')('should show no blank frame', () => {
        expect(run.frames.frames, 'frames sampled').to.be.at.least(44);
        expect(run.frames.blank, 'blank frames').to.deep.equal([]);
      });
    });

    itUnlessGStreamerWebM(renderer === 'webm')('should let no stale load swap: loads completed out of order land on the latest pose', async function () {
      if (!('requestVideoFrameCallback' in HTMLVideoElement.prototype)) this.skip();
      this.timeout(30_000);
      // Red on screen; Blue's frame callbacks are held back, so its load completes after a later one.
      const manifest = testManifest({ transitions: false });
      const again = testManifest({ transitions: false, query: '?again' });
      manifest.poses.Later = again.poses.Red!;
      const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer=${renderer} style="width: 64px"></masko-mascot>`);
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
        expect(el.currentSource?.format).to.equal(renderer);
        expect(el.currentSource?.url).to.contain('?again');
        expect(snapshot(el).read(32, 24)[0], 'red (Later) on screen, not blue').to.be.above(200);
        expect(created.videos.length, '<video>s made').to.be.at.most(2);
      } finally {
        HTMLVideoElement.prototype.requestVideoFrameCallback = original;
      }
    });
  });
}
