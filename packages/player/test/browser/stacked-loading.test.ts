import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { MaskoMascot } from '../../src/index.js';
import { testManifest } from './fixtures.js';
import { snapshot } from './pixels.js';

// The stacked renderer (renderers/stacked.ts: stacked-layer and stacked-gl) is a lazy chunk. The test
// server serves the sources module by module, so the page's resource entries tell whether it was fetched.
// One page for the whole file: once loaded, the chunk (and its WebGL answer) stays for the page's life.
const fetchedStacked = (): string[] =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => /\/src\/renderers\/stacked(-gl|-layer)?\.ts/.test(url));

async function mount(renderer: string): Promise<{ el: MaskoMascot; format: string }> {
  const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer=${renderer} style="width: 64px"></masko-mascot>`);
  const failed = oneEvent(el, 'masko-error').then((event) => {
    throw new Error(`masko-error ${event.detail.reason}: ${event.detail.message}`);
  });
  const load = oneEvent(el, 'masko-load');
  el.manifest = testManifest();
  const { detail } = await Promise.race([load, failed]);
  return { el, format: detail.format };
}

describe('the stacked renderer, a lazy chunk', () => {
  it('should not be fetched for a page that plays WebM', async () => {
    const { el, format } = await mount('webm');
    expect(format).to.equal('webm');
    expect(snapshot(el).media.localName).to.equal('video');
    expect(fetchedStacked()).to.deep.equal([]);
  });

  // Until the chunk is here the format rule only knows the browser has WebGL; the chunk makes the
  // page's context, and when none can be had the choice is made again: the still, as before the split.
  it('should be fetched for the first stacked clip, which falls back to the still when no WebGL context can be had', async () => {
    // (A retry would find the chunk loaded, and its exact answer, and prove nothing: it fails here instead.)
    expect(fetchedStacked(), 'fetched before the first stacked clip').to.deep.equal([]);
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      return /webgl/.test(type) ? null : (getContext as (...args: unknown[]) => unknown).call(this, type, ...rest);
    } as typeof getContext;
    try {
      const { el, format } = await mount('stacked');
      expect(format).to.equal('image');
      expect(el.currentSource?.format).to.equal('image');
      expect(snapshot(el).media.localName).to.equal('img');
      expect(fetchedStacked().length, 'stacked chunk modules fetched').to.be.greaterThan(0);
    } finally {
      HTMLCanvasElement.prototype.getContext = getContext;
    }
  });
});
