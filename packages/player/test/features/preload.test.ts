import type { MascotManifest, Media } from 'masko-manifest';
import { describe, expect, it } from 'vitest';
import { clipsAhead } from '../../src/features/preload.js';

const media = (name: string): Media => ({ webm: [{ url: `${name}.webm`, type: 'video/webm', width: 64, height: 64 }] });
const pose = (loop = true) => ({ loop, aspect: 1, poster: [], media: media('pose') });

function manifest(transitions: MascotManifest['transitions']): MascotManifest {
  return { version: 1, name: 'm', initial: 'A', poses: { A: pose(), B: pose(), C: pose(false) }, transitions, inputs: [] };
}

describe('clipsAhead (what can follow the clip on screen)', () => {
  it("should make a pose's only way out the likely next clip", () => {
    const m = manifest([
      { from: 'A', to: 'B', media: media('a-b'), conditions: [] },
      { from: 'B', to: 'A', media: media('b-a'), conditions: [] },
    ]);
    expect(clipsAhead(m, { type: 'play-loop', pose: 'A' })).toEqual([{ media: media('a-b'), poster: [], loop: false, likely: true }]);
  });

  it('should list every way out, any-state edges too, none likely when there are several, and skip clipless and self edges', () => {
    const m = manifest([
      { from: 'A', to: 'B', media: media('a-b'), conditions: [] },
      { from: 'A', to: 'C', media: media('a-c'), conditions: [] },
      { from: '*', to: 'C', media: media('any-c'), conditions: [] },
      { from: '*', to: 'A', media: media('any-a'), conditions: [] },
      { from: 'A', to: 'B', conditions: [] },
    ]);
    const ahead = clipsAhead(m, { type: 'hold', pose: 'A' });
    expect(ahead.map((c) => c.media.webm![0]!.url)).toEqual(['a-b.webm', 'a-c.webm', 'any-c.webm']);
    expect(ahead.every((c) => !c.likely)).toBe(true);
  });

  it('should put the single own way out first, before any-state edges', () => {
    const m = manifest([
      { from: '*', to: 'C', media: media('any-c'), conditions: [] },
      { from: 'A', to: 'B', media: media('a-b'), conditions: [] },
    ]);
    expect(clipsAhead(m, { type: 'play-loop', pose: 'A' }).map((c) => [c.media.webm![0]!.url, c.likely])).toEqual([
      ['a-b.webm', true],
      ['any-c.webm', false],
    ]);
  });

  it("should expect the target pose's loop after a transition, and nothing for a still", () => {
    const m = manifest([
      { from: 'A', to: 'B', media: media('a-b'), conditions: [] },
      { from: 'A', to: 'C', media: media('a-c'), conditions: [] },
    ]);
    const [toB, toC] = m.transitions;
    expect(clipsAhead(m, { type: 'play-transition', transition: toB! })).toEqual([{ media: m.poses.B!.media, poster: [], loop: true, likely: true }]);
    expect(clipsAhead(m, { type: 'play-transition', transition: toC! })).toEqual([]);
  });
});
