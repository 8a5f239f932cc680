import type { Media, Variant } from 'masko-manifest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SourceChoice as SourceChoiceType, SourceSettings } from '../../src/features/source-choice.js';

// The page's facts the choice reads, as a browser gives them: the reduced-motion query (switchable,
// with its change event), devicePixelRatio 2 and a desktop Chrome user agent.
const motion = new EventTarget() as EventTarget & { matches: boolean };
motion.matches = false;
beforeAll(() => {
  vi.stubGlobal('matchMedia', (query: string) => (query === '(prefers-reduced-motion: reduce)' ? motion : undefined));
  vi.stubGlobal('devicePixelRatio', 2);
  vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36' });
});
afterAll(() => vi.unstubAllGlobals());

const variants = (name: string, type: string): Variant[] => [128, 256, 512].map((width) => ({ url: `${name}-${width}`, type, width, height: width }));
const media: Media = { webm: variants('clip.webm', 'video/webm') };
const poster = variants('poster.png', 'image/png');

async function choice(settings: Partial<SourceSettings> = {}, width = 100) {
  const { SourceChoice } = await import('../../src/features/source-choice.js');
  const current: { source?: ReturnType<SourceChoiceType['pick']> & { width: number } } = {};
  const made = new SourceChoice({ renderer: 'webm', ignoreReducedMotion: false, dprCap: 2, ...settings }, { measure: () => width }, () =>
    current.source ? { format: current.source.format, url: current.source.variant!.url, width: current.source.width, height: current.source.width } : undefined,
  );
  return { made, current };
}

describe('source choice', () => {
  it('should pick the smallest file covering the width at the capped devicePixelRatio', async () => {
    expect((await choice({}, 100)).made.pick(media, poster, false)).toEqual({ format: 'webm', variant: media.webm![1] }); // 200 px needed
    expect((await choice({ dprCap: 1 }, 100)).made.pick(media, poster, false).variant).toBe(media.webm![0]);
    expect((await choice({}, 1000)).made.pick(media, poster, false).variant).toBe(media.webm![2]); // the largest there is
  });

  it("should show the pose's still for a hold, and under reduced motion unless the page opted out", async () => {
    const { made } = await choice();
    expect(made.pick(media, poster, true)).toEqual({ format: 'image', variant: poster[1] });
    motion.matches = true;
    try {
      expect(made.pick(media, poster, false).format).toBe('image');
      expect((await choice({ ignoreReducedMotion: true })).made.pick(media, poster, false).format).toBe('webm');
    } finally {
      motion.matches = false;
    }
  });

  it('should report a flip of the reduced-motion preference until its signal aborts', async () => {
    const { made } = await choice();
    const connected = new AbortController();
    let changes = 0;
    made.watchMotion(() => changes++, connected.signal);
    motion.dispatchEvent(new Event('change'));
    connected.abort();
    motion.dispatchEvent(new Event('change'));
    expect(changes).toBe(1);
  });

  it('should never pick a file narrower than the one on screen, and tell when the box grew enough for a wider one', async () => {
    const { made, current } = await choice({}, 100);
    current.source = { format: 'webm', variant: media.webm![2], width: 512 };
    expect(made.pick(media, poster, false).variant).toBe(media.webm![2]);
    expect(made.wider(media, poster)).toBe(false);
    const small = await choice({}, 200);
    small.current.source = { format: 'webm', variant: media.webm![1], width: 256 };
    expect(small.made.wider(media, poster)).toBe(true); // 400 px needed now
  });
});
