import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { MaskoMascot } from '../../src/index.js';
import { webkitGtk } from './engines.js';
import { testManifest } from './fixtures.js';
import { loaded, near, pagePixels } from './pixels.js';

// What the page really shows while a pose loops, read from real screenshots (pagePixels): canvas
// reads cannot stand in here, since WebKitGTK's drawImage() of a video keeps returning its last
// frame while the page shows through it (GStreamer's flushing seek at a loop's wrap, engines.ts).
// Red's 0.5 s loop, at 128 px: red square x 32–95, y 16–79; the top-left corner is transparent.
const SAMPLES = 120;

for (const renderer of ['webm', 'stacked']) {
  describe(`a looping pose on screen (${renderer})`, () => {
    // Skipped for stacked in WebKitGTK only: GSTREAMER_STACKED_LOOP (engines.ts) says why.
    (renderer === 'stacked' && webkitGtk ? it.skip : it)(
      `should show its picture in every one of ${SAMPLES} screenshots through its loop wraps`,
      async function () {
        this.timeout(90_000);
        this.retries(0); // a blank caught once is the finding: no second try
        const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer=${renderer} alt="Red" style="width: 128px"></masko-mascot>`);
        const ready = loaded(el);
        el.manifest = testManifest();
        await ready;
        expect(el.currentSource?.format).to.equal(renderer);
        let wraps = 0;
        el.addEventListener('masko-loop', () => wraps++);
        const box = el.getBoundingClientRect();
        const points = [
          [box.left + 64, box.top + 48],
          [box.left + 4, box.top + 4],
        ] as const;
        const wrong: string[] = [];
        for (let i = 1; i <= SAMPLES; i++) {
          const [centre, corner] = await pagePixels(points);
          if (!near(centre!, [255, 0, 0, 255], 40)) wrong.push(`screenshot ${i} (after ${wraps} wraps): centre [${centre}], not the red square`);
          if (!near(corner!, [255, 255, 255, 255], 0)) wrong.push(`screenshot ${i} (after ${wraps} wraps): corner [${corner}], not the page`);
        }
        // The screenshots spanned many wraps (about 8 a second at 0.5 s each, WebDriver's are slower).
        expect(wraps, 'loop wraps during the screenshots').to.be.at.least(8);
        expect(wrong, 'screenshots without the picture').to.deep.equal([]);
      },
    );
  });
}
