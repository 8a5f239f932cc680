import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { MaskoMascot } from '../../src/index.js';
import { demoManifest } from './demo.js';
import { itUnlessGStreamerWebM, webkitGtk } from './engines.js';
import { drawn, loaded, sampleFrames, snapshot } from './pixels.js';

// The real demo mascot (Felix the Fox, packages/emulator/media): transparent around the fox,
// opaque on it, through every path this browser can play.
async function mount(renderer: string): Promise<MaskoMascot> {
  const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer=${renderer} style="width: 160px"></masko-mascot>`);
  const ready = loaded(el);
  el.manifest = await demoManifest();
  await ready;
  return el;
}

describe('the demo mascot', () => {
  for (const renderer of ['webm', 'stacked', 'image']) {
    it(`should be cut out of its background (${renderer})`, async () => {
      const el = await mount(renderer);
      expect(el.currentSource?.format).to.equal(renderer);
      const { read, width } = snapshot(el);
      for (const [x, y] of [
        [2, 2],
        [width - 3, 2],
        [2, width - 3],
        [width - 3, width - 3],
      ] as const) {
        expect(read(x, y)[3], `alpha at corner (${x},${y})`).to.be.below(3);
      }
      expect(read(width / 2, width / 2)[3], 'alpha on the fox').to.equal(255);
    });
  }

  it('should play HEVC natively where it decodes (renderer="hevc"), else report the media error', async () => {
    const manifest = await demoManifest();
    const hevc = manifest.poses.Idle!.media.hevc![0]!;
    const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer="hevc" style="width: 160px"></masko-mascot>`);
    if (document.createElement('video').canPlayType(hevc.type)) {
      // Firefox on Linux decodes hvc1 (our demo HEVC has no alpha: no encoder here makes it).
      const ready = loaded(el);
      el.manifest = manifest;
      await ready;
      expect(el.currentSource).to.include({ format: 'hevc', url: new URL(hevc.url, location.href).href });
      await drawn(el);
      expect(snapshot(el).read(80, 80)[3]).to.equal(255);
    } else {
      // Chromium here has no HEVC decoder: the forced path fails loudly and the poster stays.
      const error = oneEvent(el, 'masko-error');
      el.manifest = manifest;
      expect((await error).detail.reason).to.equal('media');
    }
  });

  // 'auto' plays WebM in WebKitGTK, whose just-revealed WebM frames read back empty through canvas
  // (GSTREAMER_WEBM_FRAMES, engines.ts: 1 in about 500 frames here, twice in a row on CI): skipped there only.
  itUnlessGStreamerWebM(webkitGtk)('should go through every transition clip without a blank frame or a poster', async function () {
    this.timeout(60_000);
    const el = await mount('auto');
    const sampler = sampleFrames(el, { centre: [0.5, 0.5] });
    const transitions: string[] = [];
    el.addEventListener('masko-transition-start', (event) => transitions.push(`${event.detail.from}->${event.detail.to}`));
    for (const pose of ['Wave', 'Idle', 'Thumbs Up', 'Idle', 'Thinking', 'Idle']) await el.goTo(pose);
    const result = sampler.stop();
    expect(transitions).to.deep.equal(['Idle->Wave', 'Wave->Idle', 'Idle->Thumbs Up', 'Thumbs Up->Idle', 'Idle->Thinking', 'Thinking->Idle']);
    expect(result.blank, 'blank frames').to.deep.equal([]);
    expect(result.poster, 'poster frames').to.deep.equal([]);
  });
});
