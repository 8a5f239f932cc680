import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { MaskoMascot } from '../../src/index.js';
import { COLOURS, testManifest } from './fixtures.js';
import { loaded, near, pagePixels, screenshotPixels } from './pixels.js';

// What the page really shows through pose switches on the WebM path, read from real screenshots taken
// back to back (scripts/page-pixels-plugin.mjs), in every engine. Canvas reads cannot prove it in
// WebKitGTK: a WebM <video> just revealed reads back empty there (GSTREAMER_WEBM_FRAMES, engines.ts),
// which is why the frame samplers of the demo and slot tests skip there; this test stands in for them.
// Each clip, at 128 px: an opaque square x 32–95, y 16–79 in the clip's colour (Red, Blue, the yellow
// Red→Blue and magenta Blue→Red transitions) on a transparent frame; the page is white.
const SWITCHES = 16;
const PAGE = [255, 255, 255];

describe('pose switches on screen (webm)', () => {
  it(`should show the character in every screenshot taken through ${SWITCHES} switches`, async function () {
    this.timeout(150_000);
    this.retries(0); // a blank caught once is the finding: no second try
    const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer="webm" alt="Square" style="width: 128px"></masko-mascot>`);
    const ready = loaded(el);
    el.manifest = testManifest();
    await ready;
    expect(el.currentSource?.format).to.equal('webm');
    const box = el.getBoundingClientRect();
    const centre = [[box.left + 64, box.top + 48]] as const;
    // The screenshots show the element before any counts (WebKitGTK's can lag the page).
    expect(near((await pagePixels(centre))[0]!, COLOURS.Red, 40), 'Red on screen first').to.equal(true);
    const seen = new Map<string, number>();
    const wrong: string[] = [];
    let shots = 0;
    const shoot = async (when: string): Promise<void> => {
      const [pixel] = await screenshotPixels(centre);
      shots++;
      const colour = Object.entries(COLOURS).find(([, rgb]) => near(pixel!, rgb, 60))?.[0];
      if (colour) seen.set(colour, (seen.get(colour) ?? 0) + 1);
      else wrong.push(`screenshot ${shots} (${when}): centre [${pixel}]${near(pixel!, PAGE, 40) ? ', the page' : ''}`);
    };
    for (let i = 0; i < SWITCHES; i++) {
      const to = i % 2 ? 'Red' : 'Blue';
      let arrived = false;
      const going = el.goTo(to).then(() => (arrived = true));
      // Back to back through the transition clip and both swaps, then twice on the pose.
      while (!arrived) await shoot(`switch ${i + 1} to ${to}`);
      await going;
      await shoot(`on ${to}`);
      await shoot(`on ${to}`);
    }
    expect(wrong, 'screenshots without the character').to.deep.equal([]);
    // The screenshots saw the transition clips, not only the poses.
    expect(seen.get('yellow') ?? 0, 'screenshots of Red→Blue (yellow)').to.be.at.least(1);
    expect(seen.get('magenta') ?? 0, 'screenshots of Blue→Red (magenta)').to.be.at.least(1);
  });
});
