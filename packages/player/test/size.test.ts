import { describe, expect, it } from 'vitest';
import { chooseVariant, DEFAULT_DPR_CAP } from '../src/size.js';

const widths = [256, 64, 128]; // deliberately unsorted
const variants = widths.map((width) => ({ url: `${width}.webm`, type: 'video/webm', width, height: width }));
const pick = (...args: Parameters<typeof chooseVariant> extends [unknown, ...infer R] ? R : never) => chooseVariant(variants, ...args)?.width;

describe('chooseVariant', () => {
  it('should pick the smallest variant at least CSS width × DPR wide', () => {
    expect(pick(100, 1)).toBe(128);
    expect(pick(64, 1)).toBe(64);
    expect(pick(30, 2)).toBe(64);
    expect(pick(65, 1)).toBe(128);
  });

  it(`should cap the DPR at ${DEFAULT_DPR_CAP} by default, and at the cap given`, () => {
    expect(pick(60, 3)).toBe(128); // 60 × 2, not 60 × 3
    expect(pick(60, 3, { dprCap: 3 })).toBe(256);
    expect(pick(60, 3, { dprCap: 1 })).toBe(64);
  });

  it('should take the largest variant when none is wide enough', () => {
    expect(pick(1000, 2)).toBe(256);
  });

  it('should never go below the width already playing (no downgrade mid-play)', () => {
    expect(pick(30, 1, { atLeast: 128 })).toBe(128);
    expect(pick(200, 1, { atLeast: 128 })).toBe(256); // an upgrade is fine
  });

  it('should treat a missing DPR as 1 and an empty list as nothing', () => {
    expect(pick(100, 0)).toBe(128);
    expect(chooseVariant([], 100, 1)).toBeUndefined();
    expect(chooseVariant(undefined, 100, 1)).toBeUndefined();
  });
});
