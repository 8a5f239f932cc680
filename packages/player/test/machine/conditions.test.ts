import type { Condition } from 'masko-manifest';
import { describe, expect, it } from 'vitest';
import { allHold, conditionHolds } from '../../src/machine/index.js';

const values: Record<string, boolean | number> = { on: true, off: false, three: 3 };
const read = (name: string) => values[name];
const c = (input: string, op: Condition['op'], value: boolean | number): Condition => ({ input, op, value });

describe('conditions', () => {
  it('compare numerically, true being 1 and false 0', () => {
    expect(conditionHolds(c('on', '==', 1), read)).toBe(true);
    expect(conditionHolds(c('off', '==', 0), read)).toBe(true);
    expect(conditionHolds(c('three', '>', true), read)).toBe(true);
    expect(conditionHolds(c('on', '<', 2), read)).toBe(true);
  });

  it.each([
    ['==', 3, true],
    ['==', 4, false],
    ['!=', 4, true],
    ['!=', 3, false],
    ['>', 2, true],
    ['>', 3, false],
    ['<', 4, true],
    ['<', 3, false],
    ['>=', 3, true],
    ['>=', 4, false],
    ['<=', 3, true],
    ['<=', 2, false],
  ] as const)('three %s %d is %s', (op, value, expected) => {
    expect(conditionHolds(c('three', op, value), read)).toBe(expected);
  });

  it('are false on an unknown input, whatever the operator', () => {
    expect(conditionHolds(c('nobody', '==', false), read)).toBe(false);
    expect(conditionHolds(c('nobody', '!=', true), read)).toBe(false);
  });

  it('fire an edge only when all hold, and never with none', () => {
    expect(allHold([c('on', '==', true), c('three', '>=', 3)], read)).toBe(true);
    expect(allHold([c('on', '==', true), c('three', '>', 3)], read)).toBe(false);
    expect(allHold([], read)).toBe(false);
  });
});
