import { describe, expect, it } from 'vitest';
import { anyStateTransitions, hasMedia, nodeTimeThresholds, shortestClipPath } from '../../src/machine/index.js';
import { clip, fixture, manifestOf } from './harness.js';

const names = (path: { from: string; to: string }[] | undefined) => path?.map((t) => `${t.from}->${t.to}`);

describe('routing', () => {
  it('orders any-state transitions by priority, keeping edge order among equals', () => {
    const m = manifestOf(
      ['A', 'B', 'C', 'D'],
      [
        { id: 'low', from: '*', to: 'B', priority: 1 },
        { id: 'plain', from: 'A', to: 'B' },
        { id: 'none', from: '*', to: 'C' },
        { id: 'high', from: '*', to: 'D', priority: 5 },
        { id: 'low2', from: '*', to: 'C', priority: 1 },
      ],
    );
    expect(anyStateTransitions(m.transitions).map((t) => t.id)).toEqual(['high', 'low', 'low2', 'none']);
  });

  it('finds the fewest clips, not the first edge', () => {
    const m = manifestOf(
      ['A', 'B', 'C', 'D'],
      [
        { from: 'A', to: 'B', media: clip('ab') },
        { from: 'B', to: 'C', media: clip('bc') },
        { from: 'C', to: 'D', media: clip('cd') },
        { from: 'A', to: 'C', media: clip('ac') },
      ],
    );
    expect(names(shortestClipPath(m.transitions, 'A', 'D'))).toEqual(['A->C', 'C->D']);
  });

  it('breaks ties by edge order', () => {
    const m = manifestOf(
      ['A', 'B', 'C', 'D'],
      [
        { id: 'first', from: 'A', to: 'C', media: clip('ac') },
        { from: 'A', to: 'B', media: clip('ab') },
        { from: 'B', to: 'D', media: clip('bd') },
        { from: 'C', to: 'D', media: clip('cd') },
      ],
    );
    expect(names(shortestClipPath(m.transitions, 'A', 'D'))).toEqual(['A->C', 'C->D']);
  });

  it('uses only transitions with media, never any-state ones', () => {
    const m = manifestOf(
      ['A', 'B', 'C'],
      [
        { from: 'A', to: 'C' },
        { from: '*', to: 'C', media: clip('any') },
        { from: 'A', to: 'B', media: clip('ab') },
        { from: 'B', to: 'C', media: { webm: [] } },
      ],
    );
    expect(shortestClipPath(m.transitions, 'A', 'C')).toBeUndefined();
    expect(shortestClipPath(m.transitions, 'A', 'A')).toEqual([]);
    expect(hasMedia({ webm: [], hevc: [] })).toBe(false);
  });

  it("routes maya's Working to Needs Attention back through Idle", () => {
    const m = fixture('maya');
    expect(names(shortestClipPath(m.transitions, 'Working', 'Needs Attention'))).toEqual(['Working->Idle', 'Idle->Needs Attention']);
  });

  it('lists the nodeTime thresholds that need a timer: own and any-state edges, > one ms later', () => {
    const t = (from: string, op: '>' | '>=' | '==' | '<', value: number) => ({ from, to: 'B', conditions: [{ input: 'nodeTime', op, value }] });
    const m = manifestOf(
      ['A', 'B'],
      [t('A', '>=', 3000), t('A', '>', 1000), t('*', '==', 500), t('A', '<', 200), t('B', '>=', 50), t('A', '>=', 3000), t('A', '>=', 0)],
    );
    expect(nodeTimeThresholds(m.transitions, 'A')).toEqual([500, 1001, 3000]);
  });
});
