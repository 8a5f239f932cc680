import type { Media } from 'masko-manifest';
import { describe, expect, it } from 'vitest';
import { chooseFormat, detectEngine, type FormatFacts, type RendererOverride } from '../src/format.js';

const WEBM = 'video/webm; codecs="vp09.00.10.08"';
const HEVC = 'video/quicktime; codecs="hvc1.1.6.L93.B0"';
const STACKED = 'video/mp4; codecs="avc1.640028"';
const variant = (type: string) => [{ url: 'x', type, width: 240, height: 240 }];
const ALL: Media = { webm: variant(WEBM), hevc: variant(HEVC), stacked: variant(STACKED) };

const UA = {
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  safariIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  chromeIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
  firefoxIos: 'Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/132.0 Mobile/15E148 Safari/605.1.15',
  wkWebViewMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)',
  wkWebViewIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  chromeWin: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  chromeMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70',
  firefoxWin: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0',
  chromeAndroid: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  firefoxAndroid: 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0',
  webkitGtk: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15',
  // Debian's WebKitGTK 2.50 MiniBrowser, as the browser suite's WebKit reports itself.
  miniBrowser: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/60.5 Safari/605.1.15',
  wpe: 'Mozilla/5.0 (Linux; x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15 WPE/2.44',
  androidStock: 'Mozilla/5.0 (Linux; U; Android 4.0.3; en-us) AppleWebKit/534.30 (KHTML, like Gecko) Version/4.0 Mobile Safari/534.30',
};

/** Facts for a user agent; by default every codec "plays" (canPlayType lies) and WebGL works. */
function facts(userAgent: string, more: Partial<FormatFacts> & { maxTouchPoints?: number } = {}): FormatFacts {
  return { ...detectEngine({ userAgent, maxTouchPoints: more.maxTouchPoints }), canPlay: () => true, webgl: () => true, ...more };
}
const pick = (ua: string, more?: Parameters<typeof facts>[1], media: Media = ALL) => chooseFormat(media, facts(ua, more));

describe('detectEngine', () => {
  it.each([
    ['safariMac', 'apple-webkit', false],
    ['safariIos', 'apple-webkit', true],
    ['chromeIos', 'apple-webkit', true],
    ['firefoxIos', 'apple-webkit', true],
    ['wkWebViewMac', 'apple-webkit', false],
    ['wkWebViewIos', 'apple-webkit', true],
    ['chromeWin', 'chromium', false],
    ['chromeMac', 'chromium', false],
    ['edge', 'chromium', false],
    ['firefoxWin', 'gecko', false],
    ['firefoxLinux', 'gecko', false],
    ['chromeAndroid', 'chromium', true],
    ['firefoxAndroid', 'gecko', true],
    ['webkitGtk', 'webkit', false],
    ['miniBrowser', 'webkit', false],
    ['wpe', 'webkit', false],
    ['androidStock', 'webkit', true],
  ] as const)('%s is %s (mobile: %s)', (name, engine, mobile) => {
    expect(detectEngine({ userAgent: UA[name] })).toEqual({ engine, mobile });
  });

  it('should treat an iPad in desktop mode (a Mac UA with touch points) as iOS', () => {
    expect(detectEngine({ userAgent: UA.safariMac, maxTouchPoints: 5 })).toEqual({ engine: 'apple-webkit', mobile: true });
  });
});

describe('chooseFormat', () => {
  it.each(['safariMac', 'safariIos', 'chromeIos', 'firefoxIos', 'wkWebViewMac', 'wkWebViewIos'] as const)(
    'should pick HEVC on Apple WebKit: %s (even though canPlayType says yes to WebM)',
    (name) => expect(pick(UA[name])).toBe('hevc'),
  );

  it.each(['chromeWin', 'chromeMac', 'edge', 'firefoxWin', 'firefoxLinux'] as const)(
    'should pick WebM on desktop %s, and never HEVC even when it decodes HEVC',
    (name) => expect(pick(UA[name])).toBe('webm'),
  );

  it.each(['webkitGtk', 'miniBrowser', 'wpe'] as const)(
    'should pick WebM on %s (GStreamer keeps VP9 alpha and stalls stacked loops), else stacked, never HEVC',
    (name) => {
      expect(pick(UA[name])).toBe('webm');
      expect(pick(UA[name], {}, { webm: ALL.webm, hevc: ALL.hevc })).toBe('webm'); // a Masko export
      expect(pick(UA[name], {}, { stacked: ALL.stacked, hevc: ALL.hevc })).toBe('stacked');
    },
  );

  it.each(['chromeAndroid', 'firefoxAndroid', 'androidStock'] as const)('should pick stacked on %s (WebM alpha is unreliable there)', (name) =>
    expect(pick(UA[name])).toBe('stacked'),
  );

  it('should fall back to stacked on Safari when the pose has no HEVC, and to the image without WebGL', () => {
    const noHevc = { webm: ALL.webm, stacked: ALL.stacked };
    expect(pick(UA.safariIos, {}, noHevc)).toBe('stacked');
    expect(pick(UA.safariIos, { webgl: () => false }, noHevc)).toBe('image');
  });

  it('should fall back to stacked on Safari when HEVC does not decode (old macOS)', () => {
    expect(pick(UA.safariMac, { canPlay: (type) => !type.includes('hvc1') })).toBe('stacked');
  });

  it('should show the image in a browser without WebGL that needs the stacked path', () => {
    expect(pick(UA.chromeAndroid, { webgl: () => false })).toBe('image');
    expect(pick(UA.chromeWin, { webgl: () => false }, { stacked: ALL.stacked })).toBe('image');
  });

  it('should not ask for WebGL when a native format fits (creating a context costs)', () => {
    let asked = false;
    expect(pick(UA.chromeWin, { webgl: () => (asked = true) })).toBe('webm');
    expect(asked).toBe(false);
  });

  it('should skip a format whose MIME type the browser cannot decode', () => {
    expect(pick(UA.chromeWin, { canPlay: (type) => !type.startsWith('video/webm') })).toBe('stacked');
    expect(pick(UA.chromeAndroid, { canPlay: () => false })).toBe('image');
  });

  it('should show the image for a still pose (no media)', () => {
    expect(pick(UA.chromeWin, {}, {})).toBe('image');
  });

  describe('renderer override', () => {
    const forced = (override: RendererOverride, ua = UA.chromeWin, more: Partial<FormatFacts> = {}, media = ALL) => pick(ua, { override, ...more }, media);

    it('should honour a forced format the pose has, whatever the engine', () => {
      expect(forced('webm', UA.safariMac)).toBe('webm');
      expect(forced('hevc', UA.chromeWin)).toBe('hevc');
      expect(forced('stacked', UA.firefoxWin)).toBe('stacked');
      expect(forced('image', UA.safariIos)).toBe('image');
    });

    it('should show the image when the forced format is missing from the pose', () => {
      expect(forced('hevc', UA.safariMac, {}, { webm: ALL.webm })).toBe('image');
    });

    it('should not force stacked without WebGL', () => {
      expect(forced('stacked', UA.chromeWin, { webgl: () => false })).toBe('image');
    });

    it('should behave as auto for auto', () => {
      expect(forced('auto', UA.safariMac)).toBe('hevc');
    });
  });
});
