import { describe, expect, it } from 'vitest';
import { clip, harness, manifestOf } from './harness.js';

const is = (input: string, value: boolean | number = true) => ({ input, op: '==' as const, value });

/**
 * Idle ⇄ Thinking as in the demo canvas: Thinking is left as soon as `thinking` is false, which it
 * is unless the page sets it. goTo('Thinking') must still show Thinking.
 */
const demo = () =>
  manifestOf(
    ['Idle', 'Thinking'],
    [
      { from: 'Idle', to: 'Thinking', media: clip('it'), conditions: [is('thinking')] },
      { from: 'Thinking', to: 'Idle', media: clip('ti'), conditions: [is('thinking', false)] },
    ],
    {
      inputs: [
        { name: 'thinking', type: 'boolean', default: false },
        { name: 'other', type: 'number', default: 0 },
      ],
    },
  );

/** Starts at Idle and goes to Thinking through goTo(), the clip played to its end. */
async function atThinking() {
  const h = harness(demo());
  h.machine.start();
  const reached = h.machine.goTo('Thinking');
  h.machine.clipEnded();
  await expect(reached).resolves.toBe(true);
  return h;
}

describe('MaskoMachine: goTo shows the pose', () => {
  it('arrives, loops and resolves even though an edge out of the pose holds', async () => {
    const h = harness(demo());
    h.machine.start();
    h.take();
    const reached = h.machine.goTo('Thinking');
    h.machine.clipEnded();
    await expect(reached).resolves.toBe(true);
    expect(h.take()).toEqual([
      'transition-start Idle->Thinking',
      'play-transition Idle->Thinking',
      'transition-end Idle->Thinking',
      'pose-change Idle->Thinking',
      'arrive Thinking',
      'play-loop Thinking',
    ]);
    expect(h.machine.state).toEqual({ phase: 'looping', current: 'Thinking' });
  });

  it('hands over to the canvas when the loop completes', async () => {
    const { machine, take } = await atThinking();
    take();
    machine.loopCompleted();
    expect(take()).toEqual(['transition-start Thinking->Idle', 'play-transition Thinking->Idle']);
  });

  it('hands over to the canvas at the next input change, even of another input', async () => {
    const { machine, take } = await atThinking();
    take();
    machine.setInput('other', 1);
    expect(take()).toEqual(['transition-start Thinking->Idle', 'play-transition Thinking->Idle']);
  });

  it('stays while the conditions say so', async () => {
    const { machine, take } = await atThinking();
    take();
    machine.setInput('thinking', true);
    machine.loopCompleted();
    expect(take()).toEqual([]);
    expect(machine.state.current).toBe('Thinking');
  });

  it('hands over at a nodeTime timer', async () => {
    const m = manifestOf(['Idle', 'Wave'], [{ from: 'Wave', to: 'Idle', media: clip('wi'), conditions: [{ input: 'nodeTime', op: '>=', value: 100 }] }]);
    const { machine, scheduler, take } = harness(m);
    machine.start();
    await expect(machine.goTo('Wave')).resolves.toBe(true); // no clip: an instant jump
    expect(take()).toEqual(['arrive Idle', 'play-loop Idle', 'pose-change Idle->Wave', 'arrive Wave', 'play-loop Wave']);
    scheduler.advance(99);
    expect(take()).toEqual([]);
    scheduler.advance(1);
    expect(take()).toEqual(['transition-start Wave->Idle', 'play-transition Wave->Idle']);
  });

  it('still evaluates on arrival when an edge (not goTo) brought the pose', () => {
    const m = manifestOf(
      ['A', 'B', 'C'],
      [
        { from: 'A', to: 'B', media: clip('ab'), conditions: [is('go')] },
        { from: 'B', to: 'C', media: clip('bc'), conditions: [is('go')] },
      ],
      { inputs: [{ name: 'go', type: 'boolean', default: false }] },
    );
    const { machine, take } = harness(m);
    machine.start();
    machine.setInput('go', true);
    machine.clipEnded();
    expect(take().slice(-5)).toEqual(['transition-end A->B', 'pose-change A->B', 'arrive B', 'transition-start B->C', 'play-transition B->C']);
  });
});
