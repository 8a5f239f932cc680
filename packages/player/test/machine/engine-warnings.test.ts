// The engine the element runs canvases with passes the machine's warnings on to the console,
// where a page's author sees a fault in the canvas (a cycle of instant jumps).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stateMachineEngine } from '../../src/state-machine.js';
import { manifestOf } from './harness.js';

afterEach(() => vi.restoreAllMocks());

describe('stateMachineEngine', () => {
  it('warns once on the console when the canvas has a cycle of instant jumps', () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const on = { input: 'on', op: '==' as const, value: true };
    const manifest = manifestOf(
      ['A', 'B'],
      [
        { from: 'A', to: 'B', conditions: [on] },
        { from: 'B', to: 'A', conditions: [on] },
      ],
    );
    const engine = stateMachineEngine(manifest, () => {});
    engine.start('A');
    engine.setInput('on', true);
    expect(warned).toHaveBeenCalledTimes(1);
    expect(warned.mock.calls[0]![0]).toMatch(/^\[masko\] instant transitions keep firing in a cycle; stopped at pose "[AB]"/);
    engine.dispose?.();
  });
});
