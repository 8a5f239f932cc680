import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { MaskoMascot } from '../../src/index.js';
import { itUnlessGStreamerWebM } from './engines.js';
import { testManifest } from './fixtures.js';
import { loaded, sampleFrames, snapshot } from './pixels.js';

async function mount(renderer: string, transitions: boolean, switchAt = 'immediate'): Promise<MaskoMascot> {
  const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer=${renderer} switch=${switchAt} style="width: 64px"></masko-mascot>`);
  const ready = loaded(el);
  el.manifest = testManifest({ transitions });
  await ready;
  return el;
}

const cases = [
  ['webm', true],
  ['webm', false],
  ['stacked', true],
  ['stacked', false],
] as const;
for (const [renderer, transitions, switchAt] of cases.flatMap(
  ([r, t]) =>
    [
      [r, t, 'immediate'],
      [r, t, 'wrap'],
    ] as const,
)) {
  // switch=wrap waits for the loop to wrap. In WebKitGTK the wrap runs skip too (engines.ts): two
  // GStreamer stalls were found and worked around in the element, but the runs still fail there now
  // and then (one empty stacked frame in 177; a run past the runner's 240 s).
  describe(`switching poses (${renderer}, ${transitions ? 'with' : 'without'} transition clips, switch=${switchAt})`, () => {
    // Skipped for WebM in WebKitGTK only: GSTREAMER_WEBM_FRAMES (engines.ts) says why.
    itUnlessGStreamerWebM(renderer === 'webm' || switchAt === 'wrap')('should switch 20 times with no blank frame and no poster', async function () {
      this.timeout(90_000);
      const el = await mount(renderer, transitions, switchAt);
      expect(el.switchAt).to.equal(switchAt);
      const counts = { pose: 0, start: 0, end: 0 };
      el.addEventListener('masko-pose-change', () => counts.pose++);
      el.addEventListener('masko-transition-start', () => counts.start++);
      el.addEventListener('masko-transition-end', () => counts.end++);
      // wrap: clips join where Masko made them join, each switch away from a loop happens as it
      // wraps (the same task as its masko-loop event), never mid-loop.
      // immediate: the switch does not wait for the wrap. Each goTo() is called as the previous
      // pose's loop has just started, so a switch that waited would see the loop wrap (its media
      // time go round) first; count the wraps between each goTo() and its switch.
      const joins: boolean[] = [];
      const wrapsBefore: number[] = [];
      let wrapping = false;
      let wraps = 0;
      el.addEventListener('masko-loop', () => {
        wraps++;
        wrapping = true;
        setTimeout(() => (wrapping = false));
      });
      el.addEventListener(transitions ? 'masko-transition-start' : 'masko-pose-change', () => {
        joins.push(wrapping);
        wrapsBefore.push(wraps);
      });
      const sampler = sampleFrames(el, { centre: [0.5, 0.375], posterMarker: true });
      for (let i = 0; i < 20; i++) {
        const target = i % 2 ? 'Red' : 'Blue';
        wraps = 0;
        await el.goTo(target);
        expect(el.pose).to.equal(target);
        expect(el.getAttribute('pose')).to.equal(target);
        // goTo resolved: the pose is on screen, in its own colour.
        const centre = snapshot(el).read(32, 24);
        expect(centre[target === 'Red' ? 0 : 2], `${target} on screen after goTo`).to.be.above(200);
      }
      const result = sampler.stop();
      expect(result.frames, 'frames sampled').to.be.at.least(20);
      expect(result.blank, 'blank frames').to.deep.equal([]);
      expect(result.poster, 'poster frames').to.deep.equal([]);
      expect(counts).to.deep.equal({ pose: 20, start: transitions ? 20 : 0, end: transitions ? 20 : 0 });
      if (switchAt === 'wrap') expect(joins, 'switches at the loop wrap').to.deep.equal(Array(20).fill(true));
      else {
        // A wrap before the switch takes a whole (0.5 s) loop: a loaded machine may be that slow
        // now and then, so most, not all, must switch with the loop on screen still in its first pass.
        const atOnce = wrapsBefore.filter((n) => n === 0).length;
        expect(atOnce, `switches before the loop on screen wrapped (wraps seen: ${wrapsBefore})`).to.be.at.least(15);
      }
      // A/B: never more than the shown layer left once a switch is done.
      expect(el.shadowRoot!.querySelectorAll('[part="media"]').length).to.equal(1);
    });
  });
}

describe('goTo', () => {
  it('should reject a superseded goTo and land on the latest pose', async () => {
    const el = await mount('webm', true);
    let error: unknown;
    const first = el.goTo('Blue').catch((e: unknown) => (error = e));
    await el.goTo('Red');
    await first;
    expect((error as DOMException | undefined)?.name).to.equal('AbortError');
    expect(el.pose).to.equal('Red');
  });

  it('should resolve at once for the pose already on screen', async () => {
    const el = await mount('webm', true);
    await el.goTo('Red');
    expect(el.pose).to.equal('Red');
  });

  it('should switch when the pose attribute changes', async () => {
    const el = await mount('webm', false);
    const change = oneEvent(el, 'masko-pose-change');
    el.setAttribute('pose', 'Blue');
    expect((await change).detail).to.deep.equal({ from: 'Red', to: 'Blue' });
  });
});
