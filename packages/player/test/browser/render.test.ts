import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { MaskoMascot } from '../../src/index.js';
import { testManifest } from './fixtures.js';
import { expectPixel, loaded, pagePixels, presentedFrame, snapshot, visibleMedia } from './pixels.js';

// Fixture geometry at 64 px: red square x 16–47, y 8–39; 50 %-alpha green bar x 8–55, y 48–55;
// the rest is transparent. Posters add a cyan 8×8 marker at the top-left.
async function mount(renderer: string): Promise<MaskoMascot> {
  const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer=${renderer} style="width: 64px"></masko-mascot>`);
  const ready = loaded(el);
  el.manifest = testManifest();
  await ready;
  await presentedFrame(el);
  return el;
}

/** Checks the alpha of a 64-px frame: exactly 0 around the character, 255 on it, about half on the bar. */
function expectCutOut(el: MaskoMascot): void {
  const { read } = snapshot(el);
  for (const [x, y] of [
    [4, 60],
    [60, 4],
    [60, 60],
    [2, 30],
  ] as const)
    expectPixel(read(x, y), [0, 0, 0, 0], `transparent (${x},${y})`, 0);
  expectPixel(read(32, 24), [255, 0, 0, 255], 'the opaque character');
  expectPixel(read(20, 12), [255, 0, 0, 255], 'the opaque character');
  expect(read(32, 52)[3]).to.be.within(110, 146, 'alpha of the 50 % bar');
}

describe('<masko-mascot> rendering', () => {
  it('plays the WebM path with real transparency', async () => {
    const el = await mount('webm');
    expect(el.currentSource).to.include({ format: 'webm', width: 64 });
    expect(snapshot(el).media.localName).to.equal('video');
    expectCutOut(el);
  });

  it('composites the stacked path through WebGL with real transparency', async () => {
    const el = await mount('stacked');
    expect(el.currentSource?.format).to.equal('stacked');
    expect(snapshot(el).media.localName).to.equal('canvas');
    expectCutOut(el);
    // Un-premultiplied read of the bar: full green at half alpha (a double multiply would halve it).
    expectPixel(snapshot(el).read(32, 52), [0, 255, 0], 'colour of the 50 % bar', 24);
  });

  // What the page shows, read from a screenshot: transparent pixels must give the page colour exactly
  // (tolerance 0); WebKitGTK once left them one level darker (the stacked alpha read as 1/255).
  for (const renderer of ['stacked', 'webm', 'image'] as const) {
    for (const [page, background] of [
      ['white', [255, 255, 255]],
      ['teal', [0, 128, 128]],
    ] as const) {
      it(`shows the ${page} page exactly through the transparent area of the ${renderer} path`, async () => {
        document.body.style.background = `rgb(${background})`;
        try {
          const el = await mount(renderer);
          const box = visibleMedia(el)!.getBoundingClientRect();
          const scale = box.width / 64;
          const at = (x: number, y: number) => [box.left + (x + 0.5) * scale, box.top + (y + 0.5) * scale] as const;
          const transparent = [
            [4, 60],
            [60, 4],
            [60, 60],
            [2, 30],
          ] as const;
          const [character, bar, ...around] = await pagePixels([at(32, 24), at(32, 52), ...transparent.map(([x, y]) => at(x, y))]);
          around.forEach((pixel, i) => expectPixel(pixel!, [...background, 255], `page colour through (${transparent[i]})`, 0));
          expectPixel(character!, [255, 0, 0, 255], 'character over the page');
          // Half green over the page: premultiplied exactly once (twice would darken it).
          expectPixel(bar!, [background[0] / 2, (255 + background[1]) / 2, background[2] / 2, 255], 'half green over the page', 20);
        } finally {
          document.body.style.background = '';
        }
      });
    }
  }

  it('shows the poster image path with its transparency', async () => {
    const el = await mount('image');
    expect(el.currentSource?.format).to.equal('image');
    const { media, read } = snapshot(el);
    expect(media.localName).to.equal('img');
    expectPixel(read(2, 2), [0, 255, 255, 255], 'poster marker', 2);
    expectCutOut(el);
  });

  it('picks WebM on its own in Chromium, Firefox and WebKitGTK (auto)', async () => {
    const el = await mount('auto');
    expect(el.currentSource?.format).to.equal('webm');
  });

  it('has role img and its alt as accessible name', async () => {
    const el = await fixture<MaskoMascot>(html`<masko-mascot alt="Felix waving"></masko-mascot>`);
    expect(el.getAttribute('role')).to.equal('img');
    expect(el.getAttribute('aria-label')).to.equal('Felix waving');
  });
});

describe('<masko-mascot> accessibility', () => {
  it('should pass an axe audit with an alt text', async () => {
    const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" alt="A red square" style="width: 64px"></masko-mascot>`);
    const ready = loaded(el);
    el.manifest = testManifest();
    await ready;
    await expect(el).to.be.accessible();
  });
});

describe('<masko-mascot> internal videos', () => {
  it('should always be muted and inline', async () => {
    const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer="webm" style="width: 64px"></masko-mascot>`);
    const ready = loaded(el);
    el.manifest = testManifest();
    await ready;
    const video = el.shadowRoot!.querySelector('video')!;
    expect(video.muted).to.equal(true);
    expect(video.hasAttribute('muted')).to.equal(true);
    expect(video.hasAttribute('playsinline')).to.equal(true);
    expect(video.hasAttribute('autoplay'), 'started by play(), not by the attribute').to.equal(false);
  });
});
