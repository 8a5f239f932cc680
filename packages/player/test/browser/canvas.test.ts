import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { MaskoMascot } from '../../src/index.js';
import { itUnlessGStreamerWebM } from './engines.js';
import { FIXTURES } from './fixtures.js';
import { loaded, PATIENCE, sampleFrames } from './pixels.js';

// The emulator's demo canvas, exported over its API (test/fixtures/make-demo-canvas.ts), played
// from `src` with no engine configured: the element loads the state machine by itself.
type Log = string[];

/** Records every transition and pose event as `start|end|pose From>To`, and the clip at each start. */
function record(el: MaskoMascot): { log: Log; clips: string[] } {
  const log: Log = [];
  const clips: string[] = [];
  el.addEventListener('masko-transition-start', (e) => {
    log.push(`start ${e.detail.from}>${e.detail.to}`);
    clips.push(el.currentSource!.url.split('/').pop()!);
  });
  el.addEventListener('masko-transition-end', (e) => log.push(`end ${e.detail.from}>${e.detail.to}`));
  el.addEventListener('masko-pose-change', (e) => log.push(`pose ${e.detail.from}>${e.detail.to}`));
  return { log, clips };
}

/** Resolves when the pose `to` is on screen (a `masko-pose-change` to it). */
const arrival = (el: MaskoMascot, to: string): Promise<number> =>
  new Promise((resolve) => {
    const on = (e: Event): void => {
      if ((e as CustomEvent<{ to: string }>).detail.to !== to) return;
      el.removeEventListener('masko-pose-change', on);
      resolve(performance.now());
    };
    el.addEventListener('masko-pose-change', on);
  });

async function mount(): Promise<MaskoMascot> {
  const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" alt="Felix" style="width: 160px"></masko-mascot>`);
  const ready = loaded(el);
  el.src = `${FIXTURES}demo-canvas.json`;
  await ready;
  return el;
}

describe('the demo canvas (zero-config state machine)', () => {
  it('should list its inputs with their values, built-ins included, and follow them', async () => {
    const el = await mount();
    expect(el.pose).to.equal('Idle');
    const { nodeTime, ...inputs } = el.inputs;
    expect(inputs).to.deep.equal({
      clicked: false,
      mouseOver: false,
      loopCount: 0,
      wave: false,
      thinking: false,
      // seeded on every canvas, as Masko Desktop does
      'claudeCode::isWorking': false,
      'claudeCode::isIdle': true,
      'claudeCode::isAlert': false,
      'claudeCode::isCompacting': false,
      'claudeCode::sessionCount': 0,
    });
    expect(nodeTime, 'nodeTime: ms at the pose').to.be.a('number');
    const changes: Record<string, boolean | number>[] = [];
    el.addEventListener('masko-input-change', (e) => changes.push(e.detail.inputs));
    el.dispatchEvent(new PointerEvent('pointerenter'));
    expect(el.inputs.mouseOver, 'hover feeds mouseOver').to.equal(true);
    expect(
      changes.map((c) => c.mouseOver),
      'masko-input-change',
    ).to.deep.equal([true]);
    el.dispatchEvent(new PointerEvent('pointerleave'));
    expect(el.inputs.mouseOver).to.equal(false);
    const thinking = arrival(el, 'Thinking');
    el.setInput('thinking', true);
    expect(el.inputs.thinking).to.equal(true);
    await thinking;
    const idle = arrival(el, 'Idle');
    el.setInput('thinking', false);
    await idle;
    expect(el.inputs.thinking).to.equal(false);
    // (loop wraps change `loopCount` in between: only the changes of these two are compared)
    const pairs = changes.map((c) => `${c.mouseOver},${c.thinking}`).filter((pair, i, all) => pair !== all[i - 1]);
    expect(pairs, 'masko-input-change for each change').to.deep.equal(['true,false', 'false,false', 'false,true', 'false,false']);
  });

  // A canvas export has WebM and HEVC only, so WebKitGTK plays WebM: skipped there only, since its
  // frame sampler reads a just-revealed WebM <video> as empty there (GSTREAMER_WEBM_FRAMES, engines.ts).
  itUnlessGStreamerWebM(true)(
    'should play triggers, clicks, nodeTime returns, the any-state edge, the reverse edge and goTo paths without a blank frame',
    async function () {
      this.timeout(120_000);
      const el = await mount();
      const { log, clips } = record(el);
      const sampler = sampleFrames(el, {
        centre: [0.5, 0.5],
        context: () => {
          const video = el.shadowRoot!.querySelector<HTMLVideoElement>('video:not([data-hidden])');
          return ` after "${log.at(-1)}" (${video?.src.split('/').pop()} at ${video?.currentTime.toFixed(3)}/${video?.duration.toFixed(3)}, readyState ${video?.readyState})`;
        },
      });

      // A trigger: Idle → Wave, then Wave's `nodeTime >= 2000` edge brings it back by itself.
      const atWave = arrival(el, 'Wave');
      let back = arrival(el, 'Idle');
      el.fire('wave');
      const waved = await atWave;
      const returned = await back;
      expect(returned - waved, 'Wave stays at least its nodeTime (2000 ms)').to.be.at.least(1900);
      expect(el.inputs.wave, 'a trigger resets once it fired').to.equal(false);

      // A click (the built-in `clicked`): Idle → Thumbs Up. There, `thinking` fires the any-state edge,
      // which has no clip of its own: the shortest chain of clips, Thumbs Up → Idle → Thinking.
      const atThumbs = arrival(el, 'Thumbs Up');
      el.click();
      await atThumbs;
      const atThinking = arrival(el, 'Thinking');
      el.setInput('thinking', true);
      await atThinking;

      // The `reverse` edge back, on thinking = false.
      back = arrival(el, 'Idle');
      el.setInput('thinking', false);
      await back;

      // goTo() takes the shortest path of clips: Wave → Idle → Thumbs Up; then nodeTime returns to Idle.
      await el.goTo('Wave');
      back = arrival(el, 'Idle');
      await el.goTo('Thumbs Up');
      await back;

      // goTo() shows the pose even though its edge out holds (`thinking` is false): Thinking arrives
      // and loops; the canvas takes over at the loop's wrap (no input changes meanwhile).
      const loops: string[] = [];
      el.addEventListener('masko-loop', (e) => loops.push(e.detail.pose));
      back = arrival(el, 'Idle');
      await el.goTo('Thinking');
      expect(el.pose, 'goTo("Thinking") resolved with Thinking on screen').to.equal('Thinking');
      await back;
      expect(loops, 'Thinking looped once before the canvas took over').to.include('Thinking');

      const frames = sampler.stop();
      expect(log).to.deep.equal([
        'start Idle>Wave',
        'end Idle>Wave',
        'pose Idle>Wave',
        'start Wave>Idle',
        'end Wave>Idle',
        'pose Wave>Idle',
        'start Idle>Thumbs Up',
        'end Idle>Thumbs Up',
        'pose Idle>Thumbs Up',
        'start Thumbs Up>Idle',
        'end Thumbs Up>Idle',
        'start Idle>Thinking',
        'end Idle>Thinking',
        'pose Thumbs Up>Thinking',
        'start Thinking>Idle',
        'end Thinking>Idle',
        'pose Thinking>Idle',
        'start Idle>Wave',
        'end Idle>Wave',
        'pose Idle>Wave',
        'start Wave>Idle',
        'end Wave>Idle',
        'start Idle>Thumbs Up',
        'end Idle>Thumbs Up',
        'pose Wave>Thumbs Up',
        'start Thumbs Up>Idle',
        'end Thumbs Up>Idle',
        'pose Thumbs Up>Idle',
        'start Idle>Thinking',
        'end Idle>Thinking',
        'pose Idle>Thinking',
        'start Thinking>Idle',
        'end Thinking>Idle',
        'pose Thinking>Idle',
      ]);
      // Each transition played its own clip; Thinking → Idle is the canvas's reverse clip.
      expect(clips.map((clip) => clip.replace(/\.\w+$/, ''))).to.deep.equal([
        'idle-wave',
        'wave-idle',
        'idle-thumbs-up',
        'thumbs-up-idle',
        'idle-thinking',
        'thinking-idle',
        'idle-wave',
        'wave-idle',
        'idle-thumbs-up',
        'thumbs-up-idle',
        'idle-thinking',
        'thinking-idle',
      ]);
      expect(frames.frames, 'frames sampled').to.be.above(100);
      expect(frames.blank, 'blank frames').to.deep.equal([]);
      expect(frames.poster, 'poster frames').to.deep.equal([]);
      await waitUntil(() => el.pose === 'Idle', 'pose reflects Idle', PATIENCE);
    },
  );
});
