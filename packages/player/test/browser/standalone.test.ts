import { expect, waitUntil } from '@open-wc/testing';
import type { MaskoMascot } from '../../src/index.js';

// The self-contained build (dist/masko-mascot.js, `npm run build -w packages/player`) on a page
// with a strict CSP: script-src 'self', style-src 'self' (no inline styles), no eval.
describe('dist/masko-mascot.js under a strict Content-Security-Policy', () => {
  it('should define the element and play both paths with no CSP violation', async function () {
    this.timeout(30_000);
    const bundle = await fetch('/packages/player/dist/masko-mascot.js', { method: 'HEAD' });
    expect(bundle.ok, 'dist/masko-mascot.js exists (run `npm run build -w packages/player`)').to.equal(true);
    const frame = document.createElement('iframe');
    frame.src = '/packages/player/test/fixtures/csp.html';
    frame.style.width = frame.style.height = '600px';
    document.body.append(frame);
    try {
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const page = frame.contentWindow as Window & { violations: string[] };
      const elements = [...page.document.querySelectorAll('masko-mascot')] as MaskoMascot[];
      await waitUntil(() => elements.every((el) => el.currentSource && el.currentSource.format !== 'image'), 'both play', {
        timeout: 20_000,
      });
      expect(elements.map((el) => el.currentSource!.format)).to.deep.equal(['stacked', 'webm']);
      expect(page.customElements.get('masko-mascot')).to.be.a('function');
      expect(elements[0]!.getAttribute('role')).to.equal('img');
      // The element's box is laid out by its constructable stylesheet (240px wide by default, square).
      expect(elements[0]!.getBoundingClientRect().width).to.equal(240);
      expect(elements[0]!.getBoundingClientRect().height).to.equal(240);
      // The stacked canvas really composited: transparent corner, opaque character.
      const canvas = elements[0]!.shadowRoot!.querySelector('canvas')!;
      const probe = page.document.createElement('canvas');
      probe.width = probe.height = 128;
      const context = probe.getContext('2d')!;
      context.drawImage(canvas, 0, 0, 128, 128);
      expect(context.getImageData(4, 4, 1, 1).data[3]).to.equal(0);
      expect(context.getImageData(64, 48, 1, 1).data[3]).to.equal(255);
      expect(page.violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
