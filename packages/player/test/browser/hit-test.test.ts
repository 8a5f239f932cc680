import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../src/index.js';
import type { MaskoMascot } from '../../src/index.js';
import { testManifest } from './fixtures.js';
import { loaded, PATIENCE, snapshot } from './pixels.js';

// A mascot over a button, as a page would put it: clicks on transparent pixels must reach the
// button; clicks on the character set the canvas built-in `clicked` (and not the button).
for (const renderer of ['webm', 'stacked', 'image']) {
  describe(`hit-testing (${renderer})`, () => {
    it('should let a click on a transparent corner through to the button beneath, and count one on the character', async function () {
      this.timeout(30_000);
      const page = await fixture<HTMLElement>(html`<div style="position: relative; width: 128px; height: 128px">
        <button style="position: absolute; inset: 0; width: 128px; height: 128px">under</button>
        <masko-mascot loading="eager" renderer=${renderer} style="position: absolute; left: 0; top: 0; width: 128px"></masko-mascot>
      </div>`);
      const el = page.querySelector('masko-mascot') as MaskoMascot;
      const button = page.querySelector('button')!;
      const manifest = testManifest({ transitions: false });
      manifest.inputs = [{ name: 'tapped', type: 'boolean', default: false }];
      const ready = loaded(el);
      el.manifest = manifest;
      await ready;
      await waitUntil(() => 'clicked' in el.inputs, 'the canvas runs', PATIENCE);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the deferred features (hit-testing) load after the first frame
      const shot = snapshot(el);
      const scale = shot.width / 128;
      const corner = [120, 120] as const;
      const centre = [64, 48] as const;
      expect(shot.read(corner[0] * scale, corner[1] * scale)[3], 'the corner is transparent').to.equal(0);
      expect(shot.read(centre[0] * scale, centre[1] * scale)[3], 'the character is opaque').to.equal(255);
      let buttonClicks = 0;
      button.addEventListener('click', () => buttonClicks++);
      const clicked: boolean[] = [];
      el.addEventListener('masko-input-change', (e) => clicked.push(e.detail.inputs.clicked === true));
      const box = el.getBoundingClientRect();
      const at = ([x, y]: readonly [number, number]): [number, number] => [Math.round(box.left + x), Math.round(box.top + y)];
      await sendMouse({ type: 'move', position: at(corner) });
      await sendMouse({ type: 'click', position: at(corner) });
      expect(buttonClicks, 'the button got the corner click').to.equal(1);
      expect(clicked.includes(true), '`clicked` after the corner click').to.equal(false);
      await sendMouse({ type: 'move', position: at(centre) });
      await sendMouse({ type: 'click', position: at(centre) });
      await waitUntil(() => clicked.includes(true), '`clicked` set by the click on the character', PATIENCE);
      expect(buttonClicks, 'the button did not get the character click').to.equal(1);
      await sendMouse({ type: 'move', position: [0, 0] });
    });
  });
}

describe('hit-testing off (hit-box)', () => {
  it('should count a click anywhere in the box', async () => {
    const page = await fixture<HTMLElement>(html`<div style="position: relative; width: 128px; height: 128px">
      <button style="position: absolute; inset: 0; width: 128px; height: 128px">under</button>
      <masko-mascot loading="eager" hit-box renderer="webm" style="position: absolute; left: 0; top: 0; width: 128px"></masko-mascot>
    </div>`);
    const el = page.querySelector('masko-mascot') as MaskoMascot;
    const manifest = testManifest({ transitions: false });
    manifest.inputs = [{ name: 'tapped', type: 'boolean', default: false }];
    const ready = loaded(el);
    el.manifest = manifest;
    await ready;
    await new Promise((resolve) => setTimeout(resolve, 300));
    let buttonClicks = 0;
    page.querySelector('button')!.addEventListener('click', () => buttonClicks++);
    const clicked: boolean[] = [];
    el.addEventListener('masko-input-change', (e) => clicked.push(e.detail.inputs.clicked === true));
    const box = el.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + 120), Math.round(box.top + 120)] });
    await sendMouse({ type: 'click', position: [Math.round(box.left + 120), Math.round(box.top + 120)] });
    await waitUntil(() => clicked.includes(true), '`clicked` from the transparent corner', PATIENCE);
    expect(buttonClicks).to.equal(0);
    await sendMouse({ type: 'move', position: [0, 0] });
  });
});
