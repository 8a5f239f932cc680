import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';
import '../../src/index.js';
import type { MaskoMascot } from '../../src/index.js';
import { webkitGtk } from './engines.js';
import { testManifest } from './fixtures.js';
import { loaded, PATIENCE, snapshot } from './pixels.js';

/** A real touch tap at (`x`, `y`) in the viewport (scripts/touch-tap-plugin.mjs: CDP, BiDi or WebDriver input). */
const tap = ([x, y]: readonly [number, number]): Promise<unknown> => executeServerCommand('touch-tap', { x, y });

/** Skipped in WebKitGTK, whose driver sends touches as mouse input (WEBKITGTK_NO_TOUCH, engines.ts). */
const itWhereTouchRuns = (webkitGtk ? it.skip : it) as typeof it;

const corner = [120, 120] as const;
const centre = [64, 48] as const;

/**
 * A mascot over a button, as a page would put it (with `hit-box` when `hitBox`), playing: returns
 * the point in the viewport of a spot of its box, the button's clicks and the `clicked` values seen.
 */
async function mascotOverButton(renderer: string, hitBox = false) {
  const page = await fixture<HTMLElement>(html`<div style="position: relative; width: 128px; height: 128px">
    <button style="position: absolute; inset: 0; width: 128px; height: 128px">under</button>
    <masko-mascot loading="eager" ?hit-box=${hitBox} renderer=${renderer} style="position: absolute; left: 0; top: 0; width: 128px"></masko-mascot>
  </div>`);
  const el = page.querySelector('masko-mascot') as MaskoMascot;
  const manifest = testManifest({ transitions: false });
  manifest.inputs = [{ name: 'tapped', type: 'boolean', default: false }];
  const ready = loaded(el);
  el.manifest = manifest;
  await ready;
  await waitUntil(() => 'clicked' in el.inputs, 'the canvas runs', PATIENCE);
  await new Promise((resolve) => setTimeout(resolve, 300)); // the deferred features (hit-testing) load after the first frame
  const shot = snapshot(el);
  const scale = shot.width / 128;
  expect(shot.read(corner[0] * scale, corner[1] * scale)[3], 'the corner is transparent').to.equal(0);
  expect(shot.read(centre[0] * scale, centre[1] * scale)[3], 'the character is opaque').to.equal(255);
  const seen = { buttonClicks: 0, clicked: [] as boolean[] };
  page.querySelector('button')!.addEventListener('click', () => seen.buttonClicks++);
  el.addEventListener('masko-input-change', (e) => seen.clicked.push(e.detail.inputs.clicked === true));
  const box = el.getBoundingClientRect();
  const at = ([x, y]: readonly [number, number]): [number, number] => [Math.round(box.left + x), Math.round(box.top + y)];
  return { seen, at };
}

// Clicks on transparent pixels must reach the button; clicks on the character set the canvas
// built-in `clicked` (and not the button).
for (const renderer of ['webm', 'stacked', 'image']) {
  describe(`hit-testing (${renderer})`, () => {
    it('should let a click on a transparent corner through to the button beneath, and count one on the character', async function () {
      this.timeout(30_000);
      const { seen, at } = await mascotOverButton(renderer);
      await sendMouse({ type: 'move', position: at(corner) });
      await sendMouse({ type: 'click', position: at(corner) });
      expect(seen.buttonClicks, 'the button got the corner click').to.equal(1);
      expect(seen.clicked.includes(true), '`clicked` after the corner click').to.equal(false);
      await sendMouse({ type: 'move', position: at(centre) });
      await sendMouse({ type: 'click', position: at(centre) });
      await waitUntil(() => seen.clicked.includes(true), '`clicked` set by the click on the character', PATIENCE);
      expect(seen.buttonClicks, 'the button did not get the character click').to.equal(1);
      await sendMouse({ type: 'move', position: [0, 0] });
    });

    // A touch has no move before it: the decision is taken at its pointerdown, before the browser hit-tests its click.
    itWhereTouchRuns('should let a touch tap on a transparent corner through to the button beneath, and count one on the character', async function () {
      this.timeout(30_000);
      const { seen, at } = await mascotOverButton(renderer);
      const types: string[] = [];
      const record = (event: PointerEvent): number => types.push(event.pointerType);
      document.addEventListener('pointerdown', record, true);
      await tap(at(corner));
      await waitUntil(() => seen.buttonClicks === 1, 'the button gets the tap on the corner', PATIENCE);
      expect(seen.clicked.includes(true), '`clicked` after the corner tap').to.equal(false);
      await tap(at(centre));
      await waitUntil(() => seen.clicked.includes(true), '`clicked` set by the tap on the character', PATIENCE);
      expect(seen.buttonClicks, 'the button did not get the character tap').to.equal(1);
      await tap(at(corner));
      await waitUntil(() => seen.buttonClicks === 2, 'the corner passes a tap through again after one on the character', PATIENCE);
      document.removeEventListener('pointerdown', record, true);
      expect(types, 'the taps were touches').to.deep.equal(['touch', 'touch', 'touch']);
    });
  });
}

describe('hit-testing off (hit-box)', () => {
  it('should count a click anywhere in the box', async () => {
    const { seen, at } = await mascotOverButton('webm', true);
    await sendMouse({ type: 'move', position: at(corner) });
    await sendMouse({ type: 'click', position: at(corner) });
    await waitUntil(() => seen.clicked.includes(true), '`clicked` from the transparent corner', PATIENCE);
    expect(seen.buttonClicks).to.equal(0);
    await sendMouse({ type: 'move', position: [0, 0] });
  });
});
