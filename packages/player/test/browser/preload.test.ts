import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { webkitGtk } from './engines.js';

import '../../src/index.js';
import type { MascotManifest } from 'masko-manifest';
import type { MaskoMascot } from '../../src/index.js';
import { absolute, createdVideos } from './created-videos.js';
import { FIXTURES, testManifest } from './fixtures.js';
import { loaded, PATIENCE } from './pixels.js';

// Every wait here is bounded (waitUntil's PATIENCE, fetch timeouts, fixed sleeps), within mocha's
// timeout: a test that cannot get what it waits for fails, it does not hang the file. Assertions take
// strings and numbers, never a PerformanceEntry or a DOM object: web-test-runner structuredClone()s a
// failure's actual value to report it, that throws for such objects, and the file then never reports
// ("Browser tests did not finish", 0 tests), which is how a failure here looked like a hang on CI.

/** The resource timing entry of the first request whose URL contains `part`. */
const requested = (part: string): PerformanceResourceTiming | undefined =>
  (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((entry) => entry.name.includes(part));

const sleep = (ms: number): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, ms));

/** Red ⇄ Blue as a canvas: Red → Blue when `go` is set (through the yellow red-blue clip). */
function canvas(query: string): MascotManifest {
  const manifest = testManifest({ query });
  manifest.inputs = [{ name: 'go', type: 'boolean', default: false }];
  manifest.transitions[0]!.conditions = [{ input: 'go', op: '==', value: true }];
  manifest.transitions[1]!.conditions = [{ input: 'go', op: '==', value: false }];
  return manifest;
}

/**
 * The size of a file, from a HEAD request: no body is read (one request, no connection held for a
 * body nobody consumes), and it gives up after 5 s.
 */
async function size(url: string): Promise<number> {
  const response = await fetch(`${url.split('?')[0]}?size`, { method: 'HEAD', signal: AbortSignal.timeout(5_000) });
  const bytes = Number(response.headers.get('content-length'));
  if (!response.ok || !(bytes > 0)) throw new Error(`HEAD ${url}: HTTP ${response.status}, content-length ${bytes}`);
  return bytes;
}

// Both paths in every engine. One test skips on WebM in WebKitGTK (WEBKITGTK_LOOP_COPY, engines.ts):
// there the idle slot holds the loop's copy, so nothing else is decoded ahead while a WebM loop plays.
for (const renderer of ['webm', 'stacked'] as const) {
  /** The 64 px file of a fixture clip on this path. */
  const file = (clip: string): string => (renderer === 'webm' ? `${clip}-64.webm` : `${clip}-stacked-64.mp4`);
  /** Decoding ahead in the idle slot: not on WebM in WebKitGTK, where that slot holds the loop's copy. */
  const itDecodesAhead = (renderer === 'webm' && webkitGtk ? it.skip : it) as typeof it;

  describe(`predictive preloading (${renderer})`, () => {
    // The stacked path's videos stay out of the DOM: the idle slot is found among those the page made.
    let created: ReturnType<typeof createdVideos>;
    beforeEach(() => {
      created = createdVideos();
      // The resource timing buffer holds 250 entries by default: once full, new requests go unrecorded.
      performance.clearResourceTimings();
    });
    afterEach(() => created.stop());

    async function mount(manifest: MascotManifest, budget?: number): Promise<MaskoMascot> {
      const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer=${renderer} style="width: 64px"></masko-mascot>`);
      if (budget !== undefined) el.preloadBudget = budget;
      const ready = loaded(el);
      el.manifest = manifest;
      await ready;
      expect(el.currentSource?.format).to.equal(renderer);
      return el;
    }

    itDecodesAhead('should request the next clip before the input that needs it is set, and decode it in the idle slot', async () => {
      const clip = `${file('red-blue')}?ahead-${Date.now()}`;
      const el = await mount(canvas(clip.slice(clip.indexOf('?'))));
      await waitUntil(() => requested(clip), 'the red→blue clip is fetched ahead', PATIENCE);
      // The likely clip (Red's only way out) waits decoded in the idle <video>.
      const url = absolute(`${FIXTURES}${clip}`);
      await waitUntil(() => created.videos.some((v) => v.src === url && v.readyState >= 2), 'decoded in the idle slot', PATIENCE);
      expect(created.videos.length, '<video>s made').to.be.at.most(2);
      const before = performance.now();
      const start = new Promise((resolve) => el.addEventListener('masko-transition-start', resolve, { once: true }));
      el.setInput('go', true);
      await Promise.race([start, sleep(PATIENCE.timeout).then(() => Promise.reject(new Error('no masko-transition-start')))]);
      expect(requested(clip)!.startTime, 'requested before the input was set').to.be.below(before);
      expect(el.currentSource?.url).to.contain(clip);
    });

    it('should fetch nothing beyond the byte budget, also when the pose on screen changes file', async () => {
      const query = `?budget-${Date.now()}`;
      const manifest = canvas(query);
      // Two ways out of Red, with their true sizes: the budget holds the first only.
      const [a, b] = [manifest.transitions[0]!, { ...manifest.transitions[1]!, from: 'Red', to: 'Blue' }];
      b.conditions = [{ input: 'go', op: '==', value: 2 }];
      const sizes = new Map<string, number>();
      for (const t of [a, b]) for (const v of t.media![renderer]!) sizes.set(v.url.split('/').pop()!, (v.bytes = await size(v.url)));
      manifest.transitions = [a, b, manifest.transitions[1]!];
      const first = a.media![renderer]![0]!;
      const second = b.media![renderer]![0]!;
      const budget = first.bytes! + second.bytes! - 1;
      const el = await mount(manifest, budget);
      await waitUntil(() => requested(first.url.split('/').pop()!), 'the first clip is fetched ahead', PATIENCE);
      await sleep(500);
      expect(requested(second.url.split('/').pop()!)?.name, 'the clip beyond the budget').to.equal(undefined);
      // Red again in a wider file (the element grew): the same pose on screen, so the same budget, of
      // which too little is left for either wider clip. (The poster shown before the first clip is the
      // same case: WebKitGTK fetched the second clip then, when each look-ahead had a budget of its own.)
      el.style.width = '128px';
      await waitUntil(() => el.currentSource?.width === 128, 'Red in its 128 px file', PATIENCE);
      await sleep(500);
      const fetched = [...sizes.keys()].filter((name) => requested(name));
      const bytes = fetched.reduce((sum, name) => sum + sizes.get(name)!, 0);
      expect(bytes, `bytes fetched ahead (${fetched.join(', ')}), budget ${budget}`).to.be.at.most(budget);
      el.remove();
    });

    it('should fetch nothing ahead with preload-budget="0"', async () => {
      const clip = `${file('red-blue')}?none-${Date.now()}`;
      await mount(canvas(clip.slice(clip.indexOf('?'))), 0);
      await sleep(500);
      expect(requested(clip)?.name).to.equal(undefined);
    });
  });
}
