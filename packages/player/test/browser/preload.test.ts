import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { webkitGtk } from './engines.js';

import '../../src/index.js';
import type { MascotManifest } from 'masko-manifest';
import type { MaskoMascot } from '../../src/index.js';
import { testManifest } from './fixtures.js';
import { loaded, PATIENCE } from './pixels.js';

/** Skipped in WebKitGTK (GSTREAMER_WEBM_FRAMES, see engines.ts). */
const itWherePreloadRuns = (webkitGtk ? it.skip : it) as typeof it;

/** The resource timing entry of the first request whose URL contains `part`. */
const requested = (part: string): PerformanceResourceTiming | undefined =>
  (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((entry) => entry.name.includes(part));

/** Red ⇄ Blue as a canvas: Red → Blue when `go` is set (through the yellow red-blue clip). */
function canvas(query: string): MascotManifest {
  const manifest = testManifest({ query });
  manifest.inputs = [{ name: 'go', type: 'boolean', default: false }];
  manifest.transitions[0]!.conditions = [{ input: 'go', op: '==', value: true }];
  manifest.transitions[1]!.conditions = [{ input: 'go', op: '==', value: false }];
  return manifest;
}

async function mount(manifest: MascotManifest, budget?: number): Promise<MaskoMascot> {
  const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer="webm" style="width: 64px"></masko-mascot>`);
  if (budget !== undefined) el.preloadBudget = budget;
  const ready = loaded(el);
  el.manifest = manifest;
  await ready;
  return el;
}

describe('predictive preloading', () => {
  itWherePreloadRuns('should request the next clip before the input that needs it is set, and decode it in the idle slot', async () => {
    const query = `?ahead-${Date.now()}`;
    const el = await mount(canvas(query));
    await waitUntil(() => requested(`red-blue-64.webm${query}`), 'the red→blue clip is fetched ahead', PATIENCE);
    // The likely clip (Red's only way out) waits decoded in the idle <video>.
    await waitUntil(
      () => [...el.shadowRoot!.querySelectorAll('video')].some((v) => v.src.includes(`red-blue-64.webm${query}`) && v.readyState >= 2),
      'decoded in the idle slot',
      PATIENCE,
    );
    const before = performance.now();
    const start = new Promise((resolve) => el.addEventListener('masko-transition-start', resolve, { once: true }));
    el.setInput('go', true);
    await start;
    expect(requested(`red-blue-64.webm${query}`)!.startTime, 'requested before the input was set').to.be.below(before);
    expect(el.currentSource?.url).to.contain(`red-blue-64.webm${query}`);
  });

  itWherePreloadRuns('should fetch nothing beyond the byte budget', async () => {
    const query = `?budget-${Date.now()}`;
    const manifest = canvas(query);
    // Two ways out of Red, with their true sizes: the budget holds the first only.
    const size = async (url: string): Promise<number> => (await (await fetch(`${url.split('?')[0]}?size`)).arrayBuffer()).byteLength;
    const [a, b] = [manifest.transitions[0]!, { ...manifest.transitions[1]!, from: 'Red', to: 'Blue' }];
    b.conditions = [{ input: 'go', op: '==', value: 2 }];
    for (const t of [a, b]) for (const v of t.media!.webm!) v.bytes = await size(v.url);
    manifest.transitions = [a, b, manifest.transitions[1]!];
    const first = a.media!.webm![0]!;
    const second = b.media!.webm![0]!;
    const el = await mount(manifest, first.bytes! + second.bytes! - 1);
    await waitUntil(() => requested(first.url.split('/').pop()!), 'the first clip is fetched ahead', PATIENCE);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(requested(second.url.split('/').pop()!), 'the clip beyond the budget').to.equal(undefined);
    el.remove();
  });

  itWherePreloadRuns('should fetch nothing ahead with preload-budget="0"', async () => {
    const query = `?none-${Date.now()}`;
    await mount(canvas(query), 0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(requested(`red-blue-64.webm${query}`)).to.equal(undefined);
  });
});
