/**
 * The short soak (the long one is `node bench/soak.mjs`, 1,000 switches): 150 pose switches, most of
 * them interrupting the one in flight, on one stacked-alpha and one WebM element of the standalone
 * build in Chromium. From warm-up to the end, measured over CDP after a forced GC, live <video>
 * objects, JS event listeners, DOM nodes and JS heap grow no more than noise (bench/soak.mjs NOISE),
 * and nothing throws. Chromium only: the measurements come from the Chrome DevTools Protocol.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs bench script without type declarations
import { NOISE, runSoak } from '../../bench/soak.mjs';

interface Row {
  switches: number;
  videos: number;
  detachedWithSrc: number;
  playingVideos: number;
  shadowVideos: number;
  listeners: number;
  nodes: number;
  heapUsed: number;
  errors: number;
}
interface Soak {
  rows: Row[];
  growth: { videos: number; listeners: number; nodes: number; heapBytes: number };
  over: string[];
  pageErrors: string[];
  examples: { errors: string[] };
}

describe('soak: pose switches leak nothing', () => {
  it('150 switches: no growth of videos, listeners, nodes or heap beyond noise', async () => {
    const result = (await runSoak({ switches: 150, samples: 4 })) as Soak;
    console.log(result.rows.map((r) => JSON.stringify(r)).join('\n'));
    expect(result.pageErrors).toEqual([]);
    expect(result.examples.errors).toEqual([]);
    expect(result.rows.at(-1)!.switches).toBe(150);
    // The measurement sees the elements at all: two elements, each with a live video.
    expect(result.rows[0]!.videos).toBeGreaterThanOrEqual(2);
    expect(result.growth.videos).toBeLessThanOrEqual(NOISE.videos);
    expect(result.growth.listeners).toBeLessThanOrEqual(NOISE.listeners);
    expect(result.growth.nodes).toBeLessThanOrEqual(NOISE.nodes);
    expect(result.over).toEqual([]);
    // Never more than the two on-screen clips (plus one incoming each) play at once.
    expect(Math.max(...result.rows.map((r) => r.playingVideos))).toBeLessThanOrEqual(4);
    // Persistent slots: the WebM element's shadow root holds at most its two <video>s at every sample
    // (the stacked element's videos stay out of the DOM), and no <video> object is ever added.
    expect(Math.max(...result.rows.map((r) => r.shadowVideos))).toBeLessThanOrEqual(2);
    expect(
      result.rows.every((r) => r.videos === result.rows[0]!.videos),
      `live <video> objects: ${result.rows.map((r) => r.videos)}`,
    ).toBe(true);
  }, 120_000);
});
