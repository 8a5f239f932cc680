import { describe, expect, it } from 'vitest';
import type { MachineEvent } from '../../src/machine/index.js';
import { fixture, harness } from './harness.js';

/** The clip file of a play-transition event, e.g. `idle-needs-attention-f0f3c71f.webm`. */
const clipFile = (e: MachineEvent | undefined) => (e?.type === 'play-transition' ? e.transition.media?.webm?.[0]?.url.split('/').pop() : undefined);
const lastPlay = (events: MachineEvent[]) => events.filter((e) => e.type === 'play-transition').at(-1);

describe('maya.json', () => {
  it('goes from Idle to Needs Attention through its clip when claudeCode::isAlert turns true', () => {
    const { machine, events } = harness(fixture('maya'));
    machine.start();
    expect(machine.state).toEqual({ phase: 'looping', current: 'Idle' });
    machine.setInput('claudeCode::isAlert', true);
    const play = lastPlay(events);
    expect(play).toMatchObject({ from: 'Idle', to: 'Needs Attention', speed: 2 });
    expect(clipFile(play)).toBe('idle-needs-attention-f0f3c71f.webm');
    machine.clipEnded();
    expect(machine.state).toEqual({ phase: 'looping', current: 'Needs Attention' });
    expect(events.at(-1)).toEqual({ type: 'play-loop', pose: 'Needs Attention' });
  });

  it('routes the any-state alert from Working back through Idle, which has the only clip to Needs Attention', () => {
    const { machine, events } = harness(fixture('maya'));
    machine.start();
    machine.setInput('claudeCode::isIdle', false);
    machine.setInput('claudeCode::isWorking', true);
    expect(clipFile(lastPlay(events))).toBe('idle-working-b5bfd789.webm');
    machine.clipEnded();
    expect(machine.state).toEqual({ phase: 'looping', current: 'Working' });

    machine.setInput('claudeCode::isAlert', true);
    // Maya has no Working → Needs Attention clip: the reverse edge Working → Idle plays first.
    const back = lastPlay(events);
    expect(back).toMatchObject({ from: 'Working', to: 'Idle', transition: { reverse: true } });
    expect(clipFile(back)).toBe('working-idle-0085dbb2.webm');
    expect(machine.state).toMatchObject({ phase: 'transitioning', current: 'Working', pending: 'Needs Attention' });
    machine.clipEnded();
    expect(machine.state).toMatchObject({ current: 'Idle', pending: 'Needs Attention' });
    expect(clipFile(lastPlay(events))).toBe('idle-needs-attention-f0f3c71f.webm');
    machine.clipEnded();
    expect(machine.state).toEqual({ phase: 'looping', current: 'Needs Attention' });

    const poses = events.flatMap((e) => (e.type === 'pose-change' ? [e.to] : []));
    expect(poses).toEqual(['Working', 'Idle', 'Needs Attention']);
  });

  it('returns to Idle when the alert clears, and goTo finds the two-clip path to Thinking from Working', async () => {
    const { machine, events } = harness(fixture('maya'));
    machine.start();
    machine.setInput('claudeCode::isAlert', true);
    machine.clipEnded();
    machine.setInput('claudeCode::isAlert', false);
    expect(clipFile(lastPlay(events))).toBe('needs-attention-idle-68a414ae.webm');
    machine.clipEnded();
    expect(machine.state.current).toBe('Idle');

    machine.setInput('claudeCode::isIdle', false); // or Working would fall straight back to Idle
    const atWorking = machine.goTo('Working');
    machine.clipEnded();
    await expect(atWorking).resolves.toBe(true);
    const atThinking = machine.goTo('Thinking');
    expect(lastPlay(events)).toMatchObject({ from: 'Working', to: 'Idle' });
    machine.clipEnded();
    expect(lastPlay(events)).toMatchObject({ from: 'Idle', to: 'Thinking' });
    machine.clipEnded();
    await expect(atThinking).resolves.toBe(true);
  });
});

describe.each(['masko', 'otto'] as const)('%s.json', (name) => {
  it('drives through all four states with Claude Code inputs', () => {
    const { machine, events } = harness(fixture(name));
    const set = (input: string, value: boolean) => machine.setInput(`claudeCode::${input}`, value);
    const arrive = (pose: string) => {
      expect(lastPlay(events)).toMatchObject({ from: machine.state.current, to: pose });
      machine.clipEnded();
      expect(machine.state).toEqual({ phase: 'looping', current: pose });
    };
    machine.start();
    set('isIdle', false);
    set('isWorking', true);
    arrive('Working');
    set('isCompacting', true);
    arrive('Thinking');
    set('isAlert', true);
    arrive('Needs Attention');
    set('isWorking', false);
    set('isCompacting', false);
    set('isIdle', true);
    expect(machine.state.current).toBe('Needs Attention'); // still alerted
    set('isAlert', false);
    arrive('Idle');

    const clips = events.flatMap((e) => (e.type === 'play-transition' ? [clipFile(e)!.replace(/-[0-9a-f]{8}\.webm$/, '')] : []));
    expect(clips).toEqual(['idle-working', 'working-thinking', 'thinking-needs-attention', 'needs-attention-idle']);
  });

  it('leaves Idle for Working on claudeCode::isWorking alone: the machine seeds the other Claude Code inputs', () => {
    const { machine, take } = harness(fixture(name));
    machine.start();
    take();
    machine.setInput('claudeCode::isWorking', true); // Idle → Working also needs isAlert == false and isCompacting == false
    expect(take()).toEqual(['transition-start Idle->Working', 'play-transition Idle->Working']);
  });
});
