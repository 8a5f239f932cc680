import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReleaseTimer } from '../../src/features/release.js';

describe('ReleaseTimer (release after time away)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('should release after the delay away, and restore when close again', () => {
    const calls: string[] = [];
    const timer = new ReleaseTimer(
      () => calls.push('release'),
      () => calls.push('restore'),
    );
    timer.update(false, true, 1000);
    vi.advanceTimersByTime(999);
    expect(calls).toEqual([]);
    timer.update(false, true, 1000); // more visibility news while away: the countdown keeps going
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['release']);
    timer.update(true, true, 1000);
    expect(calls).toEqual(['release', 'restore']);
  });

  it('should not release an element that comes back in time, nor one that is not playing', () => {
    const calls: string[] = [];
    const timer = new ReleaseTimer(
      () => calls.push('release'),
      () => calls.push('restore'),
    );
    timer.update(false, true, 1000);
    vi.advanceTimersByTime(500);
    timer.update(true, true, 1000);
    vi.advanceTimersByTime(5000);
    timer.update(false, false, 1000);
    vi.advanceTimersByTime(5000);
    expect(calls).toEqual([]);
  });

  it('should forget the countdown when cancelled (the element left the page)', () => {
    const calls: string[] = [];
    const timer = new ReleaseTimer(
      () => calls.push('release'),
      () => calls.push('restore'),
    );
    timer.update(false, true, 1000);
    timer.cancel();
    vi.advanceTimersByTime(5000);
    expect(calls).toEqual([]);
  });
});
