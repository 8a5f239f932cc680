import { describe, expect, it } from 'vitest';
import { BUILTIN_INPUTS, CLAUDE_CODE_INPUTS, InputStore } from '../../src/machine/index.js';

describe('inputs', () => {
  it('start with the built-ins and Claude Code inputs, then host values, then declared defaults (false / 0 without one)', () => {
    const store = new InputStore(
      [
        { name: 'mood', type: 'number', default: 2 },
        { name: 'shown', type: 'boolean' },
        { name: 'count', type: 'number' },
        { name: 'clicked', type: 'boolean', default: true },
      ],
      { mood: 9, host: true, loopCount: 5, 'claudeCode::sessionCount': 2 },
    );
    expect(store.snapshot()).toEqual({
      ...BUILTIN_INPUTS,
      ...CLAUDE_CODE_INPUTS,
      loopCount: 5,
      clicked: true,
      mood: 2,
      host: true,
      shown: false,
      count: 0,
      'claudeCode::sessionCount': 2,
    });
    expect(store.get('unknown')).toBeUndefined();
  });

  it('ignore a value that is numerically unchanged', () => {
    const store = new InputStore([{ name: 'flag', type: 'boolean', default: true }]);
    expect(store.set('flag', 1)).toBe(false);
    expect(store.set('flag', false)).toBe(true);
    expect(store.set('new', false)).toBe(true);
  });

  it('know which inputs are triggers', () => {
    const store = new InputStore([
      { name: 'wave', type: 'trigger' },
      { name: 'on', type: 'boolean' },
    ]);
    expect(['clicked', 'wave', 'on', 'claudeCode::sessionStart', 'claudeCode::isWorking'].map((n) => store.isTrigger(n))).toEqual([
      true,
      true,
      false,
      true,
      false,
    ]);
  });
});
