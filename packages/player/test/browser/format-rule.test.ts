import { expect } from '@open-wc/testing';
import { chooseFormat, detectEngine } from '../../src/index.js';
import { hasWebGL } from '../../src/renderers/stacked-gl.js';
import { webkitGtk } from './engines.js';
import { testManifest } from './fixtures.js';

// The format rule with this browser's real facts: its user agent, canPlayType() and WebGL. In WebKitGTK
// it also asks what Safari would get from the same facts (the same engine behind a Mac or iPhone user
// agent), since those are the WebKit branches no browser here can run for real.
const ua = navigator.userAgent;
const probe = document.createElement('video');
const realFacts = { canPlay: (type: string) => probe.canPlayType(type) !== '', webgl: hasWebGL };
const { media } = testManifest().poses.Red!;
const SAFARI_MAC = '(Macintosh; Intel Mac OS X 10_15_7)';
const SAFARI_IOS = '(iPhone; CPU iPhone OS 18_1 like Mac OS X)';

describe('the format rule in this browser', () => {
  it('should name this engine and give it WebM', () => {
    const engine = detectEngine(navigator);
    expect(engine.engine).to.equal(/Firefox\//.test(ua) ? 'gecko' : webkitGtk ? 'webkit' : 'chromium');
    expect(engine.mobile).to.equal(false);
    expect(chooseFormat(media, { ...engine, ...realFacts })).to.equal('webm');
    // A Masko canvas export carries WebM and HEVC only: it animates in all three (VP9 alpha kept).
    expect(chooseFormat({ webm: media.webm, hevc: media.hevc }, { ...engine, ...realFacts })).to.equal('webm');
  });

  // Only WebKit has these facts to lend (not a skip elsewhere: Chromium and Firefox are not WebKit).
  if (webkitGtk)
    describe('the same WebKit as Safari', () => {
      const asSafari = (platform: string, maxTouchPoints = 0) => ({
        ...detectEngine({ userAgent: ua.replace(/\([^)]*\)/, platform), maxTouchPoints }),
        ...realFacts,
      });

      it('should say WebKit decodes every format the rule can pick (canPlayType)', () => {
        for (const format of ['webm', 'stacked', 'hevc'] as const) expect(realFacts.canPlay(media[format]![0]!.type), format).to.equal(true);
        expect(hasWebGL()).to.equal(true);
      });

      it('should prefer HEVC on Apple WebKit: macOS, iOS and an iPad in desktop mode', () => {
        expect(asSafari(SAFARI_MAC)).to.include({ engine: 'apple-webkit', mobile: false });
        expect(asSafari(SAFARI_IOS)).to.include({ engine: 'apple-webkit', mobile: true });
        expect(asSafari(SAFARI_MAC, 5)).to.include({ engine: 'apple-webkit', mobile: true });
        for (const facts of [asSafari(SAFARI_MAC), asSafari(SAFARI_IOS), asSafari(SAFARI_MAC, 5)]) expect(chooseFormat(media, facts)).to.equal('hevc');
      });

      it('should never give Apple WebKit WebM (it drops VP9 alpha): stacked without HEVC, the poster without WebGL', () => {
        const noHevc = { webm: media.webm, stacked: media.stacked };
        expect(chooseFormat(noHevc, asSafari(SAFARI_IOS))).to.equal('stacked');
        expect(chooseFormat(noHevc, { ...asSafari(SAFARI_MAC), webgl: () => false })).to.equal('image');
        expect(chooseFormat({ webm: media.webm }, asSafari(SAFARI_MAC))).to.equal('image');
      });
    });
});
