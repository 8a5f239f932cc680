// The first paint (src/fallback.ts + src/features/fallback.ts): the markup `fallback()` gives reserves the
// element's final box and shows the poster before the element upgrades; once upgraded, the element shows
// that light-DOM poster through its slot until its own first frame, then hides it, and the box never moves.
import { expect } from '@open-wc/testing';
import { fallback } from '../../src/fallback.js';
import type { MaskoMascot } from '../../src/index.js';
import { testManifest } from './fixtures.js';
import { loaded } from './pixels.js';

const manifest = testManifest({ query: '?fallback' });

/** A box as the layout has it. */
const box = (el: Element) => {
  const r = el.getBoundingClientRect();
  return { width: r.width, height: r.height };
};

describe('first paint (masko-mascot/fallback)', () => {
  it('reserves the final box and shows the poster before the element is defined, and keeps both through the upgrade', async () => {
    const first = fallback(manifest, { width: 128 });
    const host = document.createElement('div');
    // An unknown tag until the element module loads: exactly what a server-rendered page has first.
    host.innerHTML = `<masko-fallback-probe style="${first.style}">${first.html}</masko-fallback-probe><masko-mascot style="${first.style}" loading="eager">${first.html}</masko-mascot>`;
    document.body.append(host);
    try {
      const probe = host.firstElementChild!;
      const img = probe.querySelector('img')!;
      await img.decode();
      expect(box(probe)).to.deep.equal({ width: 128, height: 128 });
      expect(box(img)).to.deep.equal({ width: 128, height: 128 });

      await import('../../src/index.js'); // upgrades the <masko-mascot> already in the page
      const el = host.querySelector('masko-mascot') as MaskoMascot;
      const slot = el.shadowRoot!.querySelector('slot')!;
      expect(slot.assignedElements()).to.have.length(1);
      expect(getComputedStyle(slot).display).to.not.equal('none'); // the poster shows until the first frame
      expect(box(el)).to.deep.equal({ width: 128, height: 128 });

      const load = loaded(el);
      el.manifest = manifest;
      await load;
      expect(getComputedStyle(slot).display).to.equal('none'); // the element's own frame took over
      expect(box(el)).to.deep.equal({ width: 128, height: 128 });
    } finally {
      host.remove();
    }
  });

  it('escapes what it puts in HTML', () => {
    const m = testManifest();
    m.poses.Red!.poster = [{ url: '/a"b<c&d.png', type: 'image/png', width: 10, height: 10 }];
    expect(fallback(m).html).to.contain('src="/a&quot;b&lt;c&amp;d.png"');
  });
});
