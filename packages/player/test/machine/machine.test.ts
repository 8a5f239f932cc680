import { describe, expect, it, vi } from 'vitest';
import { MaskoMachine } from '../../src/machine/index.js';
import { clip, FakeScheduler, harness, manifestOf } from './harness.js';

const is = (input: string, value: boolean | number = true) => ({ input, op: '==' as const, value });

describe('MaskoMachine: arrival', () => {
  it('arrives at the initial pose and loops its clip, without a pose-change', () => {
    const { machine, take } = harness(manifestOf(['Idle', 'Wave'], []));
    machine.start();
    expect(take()).toEqual(['arrive Idle', 'play-loop Idle']);
    expect(machine.state).toEqual({ phase: 'looping', current: 'Idle' });
  });

  it('holds a pose without a looping clip', () => {
    const { machine, take } = harness(manifestOf(['Still'], [], { still: ['Still'] }));
    machine.start();
    expect(take()).toEqual(['arrive Still', 'hold Still']);
    expect(machine.state.phase).toBe('idle');
  });

  it('can start at another pose, and only once', () => {
    const { machine, take } = harness(manifestOf(['Idle', 'Wave'], []));
    machine.start('Wave');
    expect(take()).toEqual(['arrive Wave', 'play-loop Wave']);
    expect(() => machine.start()).toThrow('[masko] MaskoMachine.start() was already called');
  });

  it('evaluates on arrival, before showing the loop', () => {
    const m = manifestOf(['Idle', 'Busy'], [{ from: 'Idle', to: 'Busy', media: clip('ib'), conditions: [is('busy')] }], {
      inputs: [{ name: 'busy', type: 'boolean', default: true }],
    });
    const { machine, take } = harness(m);
    machine.start();
    expect(take()).toEqual(['arrive Idle', 'transition-start Idle->Busy', 'play-transition Idle->Busy']);
  });

  it('finishes a transition on clipEnded: transition-end, pose-change, arrive, loop', () => {
    const m = manifestOf(['Idle', 'Busy'], [{ from: 'Idle', to: 'Busy', media: clip('ib'), speed: 2, conditions: [is('busy')] }]);
    const { machine, take } = harness(m);
    machine.start();
    take();
    machine.setInput('busy', true);
    expect(take()).toEqual(['transition-start Idle->Busy', 'play-transition Idle->Busy x2']);
    expect(machine.state).toMatchObject({ phase: 'transitioning', current: 'Idle', transition: { to: 'Busy' } });
    machine.clipEnded();
    expect(take()).toEqual(['transition-end Idle->Busy', 'pose-change Idle->Busy', 'arrive Busy', 'play-loop Busy']);
    expect(machine.state).toEqual({ phase: 'looping', current: 'Busy' });
  });

  it('ignores clipEnded when no clip plays, and a stale one for another transition', () => {
    const m = manifestOf(
      ['A', 'B'],
      [
        { from: 'A', to: 'B', media: clip('ab'), conditions: [is('go')] },
        { from: 'B', to: 'A', media: clip('ba'), conditions: [is('go', false)] },
      ],
    );
    const { machine, take } = harness(m);
    machine.start();
    machine.clipEnded();
    machine.setInput('go', true);
    take();
    machine.clipEnded(m.transitions[1]);
    expect(take()).toEqual([]);
    expect(machine.state.phase).toBe('transitioning');
  });

  it('jumps instantly along a transition without media', () => {
    const { machine, take } = harness(manifestOf(['A', 'B'], [{ from: 'A', to: 'B', conditions: [is('go')] }]));
    machine.start();
    take();
    machine.setInput('go', true);
    expect(take()).toEqual(['pose-change A->B', 'arrive B', 'play-loop B']);
  });
});

describe('MaskoMachine: evaluation', () => {
  const abc = () =>
    manifestOf(
      ['A', 'B', 'C'],
      [
        { from: 'A', to: 'B', media: clip('ab'), conditions: [is('x'), is('y')] },
        { from: 'A', to: 'C', media: clip('ac'), conditions: [is('x')] },
        { from: 'B', to: 'C', media: clip('bc') },
      ],
    );

  it('fires the first outgoing edge, in order, whose conditions all hold', () => {
    const { machine, take } = harness(abc());
    machine.start();
    machine.setInput('y', true);
    machine.setInput('x', true);
    expect(take().slice(-1)).toEqual(['play-transition A->B']);
  });

  it('skips an edge when one of its conditions fails', () => {
    const { machine, take } = harness(abc());
    machine.start();
    machine.setInput('x', true);
    expect(take().slice(-1)).toEqual(['play-transition A->C']);
  });

  it('treats a condition on an unknown input as false', () => {
    const m = manifestOf(['A', 'B'], [{ from: 'A', to: 'B', media: clip('ab'), conditions: [{ input: 'never-set', op: '!=', value: true }] }]);
    const { machine, take } = harness(m);
    machine.start();
    machine.setInput('other', 1);
    expect(take()).toEqual(['arrive A', 'play-loop A']);
  });

  it('never fires an edge without conditions by evaluation', () => {
    const { machine, take } = harness(abc());
    machine.start('B');
    machine.setInput('x', true);
    machine.setInput('y', true);
    expect(take()).toEqual(['arrive B', 'play-loop B']);
  });

  it('ignores an unchanged value, compared numerically', () => {
    const m = manifestOf(['A', 'B'], [{ from: 'A', to: 'B', media: clip('ab'), conditions: [is('n', 1)] }], {
      inputs: [
        { name: 'n', type: 'number', default: 1 },
        { name: 'flag', type: 'boolean', default: true },
      ],
    });
    const { machine, take } = harness(m);
    machine.setInput('flag', 1); // before start: stored, nothing evaluated
    expect(machine.inputs.flag).toBe(true);
    machine.start();
    expect(take().slice(-1)).toEqual(['play-transition A->B']);
  });

  it('compares inputs numerically: true equals 1', () => {
    const m = manifestOf(['A', 'B'], [{ from: 'A', to: 'B', media: clip('ab'), conditions: [{ input: 'on', op: '>=', value: 1 }] }]);
    const { machine, take } = harness(m);
    machine.start();
    machine.setInput('on', true);
    expect(take().slice(-1)).toEqual(['play-transition A->B']);
  });

  it('ignores evaluation during a transition', () => {
    const { machine, take } = harness(abc());
    machine.start();
    machine.setInput('x', true);
    take();
    machine.setInput('y', true);
    machine.setInput('x', false);
    expect(take()).toEqual([]);
    expect(machine.state.transition?.to).toBe('C');
  });

  it('rejects input values that are not booleans or finite numbers', () => {
    const { machine } = harness(abc());
    expect(() => machine.setInput('x', 'yes' as never)).toThrow('[masko] setInput("x", …): expected true, false or a finite number, received string');
    expect(() => machine.setInput('x', Number.NaN)).toThrow('received number');
  });
});

describe('MaskoMachine: triggers and built-in inputs', () => {
  const waving = () =>
    manifestOf(
      ['Idle', 'Wave'],
      [
        { from: 'Idle', to: 'Wave', media: clip('iw'), conditions: [is('wave')] },
        { from: 'Wave', to: 'Idle', media: clip('wi'), conditions: [is('wave')] },
      ],
      { inputs: [{ name: 'wave', type: 'trigger' }] },
    );

  it('resets a trigger after it fires an edge', () => {
    const { machine, take } = harness(waving());
    machine.start();
    machine.fire('wave');
    expect(machine.inputs.wave).toBe(false);
    machine.clipEnded();
    // Arriving at Wave does not bounce back: the trigger was consumed.
    expect(take().slice(-1)).toEqual(['play-loop Wave']);
    machine.fire('wave');
    expect(take().slice(-1)).toEqual(['play-transition Wave->Idle']);
  });

  it('keeps a trigger fired during a transition armed until arrival', () => {
    const { machine, take } = harness(waving());
    machine.start();
    machine.fire('wave');
    machine.fire('wave');
    expect(machine.inputs.wave).toBe(true);
    machine.clipEnded();
    expect(take().slice(-3)).toEqual(['arrive Wave', 'transition-start Wave->Idle', 'play-transition Wave->Idle']);
    expect(machine.inputs.wave).toBe(false);
  });

  it('starts with the built-ins and the Claude Code session inputs, as Masko Desktop seeds them', () => {
    const { machine } = harness(manifestOf(['A'], []));
    expect(machine.inputs).toEqual({
      clicked: false,
      mouseOver: false,
      loopCount: 0,
      nodeTime: 0,
      'claudeCode::isWorking': false,
      'claudeCode::isIdle': true,
      'claudeCode::isAlert': false,
      'claudeCode::isCompacting': false,
      'claudeCode::sessionCount': 0,
    });
  });

  it('applies host inputs after the seeded ones and before the declared defaults', () => {
    const m = manifestOf(['A'], [], {
      inputs: [
        { name: 'mine', type: 'number', default: 3 },
        { name: 'claudeCode::isAlert', type: 'boolean', default: true },
      ],
    });
    const { machine } = harness(m, { 'claudeCode::isIdle': false, mine: 1 });
    expect(machine.inputs).toMatchObject({ 'claudeCode::isIdle': false, 'claudeCode::isAlert': true, mine: 3 });
  });

  it('fires on a click and resets clicked', () => {
    const m = manifestOf(['A', 'B'], [{ from: 'A', to: 'B', media: clip('ab'), conditions: [is('clicked')] }]);
    const { machine, take } = harness(m);
    machine.start();
    machine.click();
    expect(take().slice(-1)).toEqual(['play-transition A->B']);
    expect(machine.inputs.clicked).toBe(false);
  });

  it('tracks hover in mouseOver', () => {
    const m = manifestOf(['A', 'B'], [{ from: 'A', to: 'B', media: clip('ab'), conditions: [is('mouseOver')] }]);
    const { machine, take } = harness(m);
    machine.start();
    machine.hover(true);
    expect(take().slice(-1)).toEqual(['play-transition A->B']);
    expect(machine.inputs.mouseOver).toBe(true);
  });

  it('counts completed loops in loopCount, resets it on arrival, and ignores loops while transitioning', () => {
    const m = manifestOf(['A', 'B'], [{ from: 'A', to: 'B', media: clip('ab'), conditions: [{ input: 'loopCount', op: '>=', value: 2 }] }]);
    const { machine, take } = harness(m);
    machine.start();
    machine.loopCompleted();
    expect(machine.inputs.loopCount).toBe(1);
    machine.loopCompleted();
    expect(take().slice(-1)).toEqual(['play-transition A->B']);
    machine.loopCompleted();
    expect(machine.inputs.loopCount).toBe(2);
    machine.clipEnded();
    expect(machine.inputs.loopCount).toBe(0);
  });

  it('fires nodeTime edges from a timer at the threshold, measured from arrival', () => {
    const m = manifestOf(
      ['A', 'B', 'C'],
      [
        { from: 'A', to: 'B', media: clip('ab'), conditions: [{ input: 'nodeTime', op: '>=', value: 3000 }] },
        { from: 'B', to: 'C', media: clip('bc'), conditions: [{ input: 'nodeTime', op: '>', value: 1000 }] },
      ],
    );
    const { machine, scheduler, take } = harness(m);
    scheduler.advance(500);
    machine.start();
    take();
    scheduler.advance(2999);
    expect(take()).toEqual([]);
    scheduler.advance(1);
    expect(take()).toEqual(['transition-start A->B', 'play-transition A->B']);
    expect(machine.inputs.nodeTime).toBe(3000);
    scheduler.advance(10_000); // the clip takes long: nodeTime counts from arrival, not from the edge
    machine.clipEnded();
    take();
    scheduler.advance(1000);
    expect(take()).toEqual([]);
    scheduler.advance(1);
    expect(take().slice(-1)).toEqual(['play-transition B->C']);
  });

  it('refreshes nodeTime lazily when another input changes', () => {
    const m = manifestOf(['A', 'B'], [{ from: 'A', to: 'B', media: clip('ab'), conditions: [is('go'), { input: 'nodeTime', op: '<', value: 1000 }] }]);
    const { machine, scheduler, take } = harness(m);
    machine.start();
    scheduler.advance(1500);
    machine.setInput('go', true);
    expect(machine.inputs.nodeTime).toBe(1500);
    expect(take()).toEqual(['arrive A', 'play-loop A']);
  });

  it('clears nodeTime timers on leaving a pose and on dispose', () => {
    const m = manifestOf(
      ['A', 'B'],
      [
        { from: 'A', to: 'B', media: clip('ab'), conditions: [is('go')] },
        { from: 'A', to: 'B', media: clip('ab2'), conditions: [{ input: 'nodeTime', op: '>=', value: 100 }] },
        { from: 'A', to: 'B', media: clip('ab3'), conditions: [{ input: 'nodeTime', op: '>=', value: 200 }] },
      ],
    );
    const { machine, scheduler } = harness(m);
    machine.start();
    expect(scheduler.pending).toBe(2);
    machine.setInput('go', true);
    expect(scheduler.pending).toBe(0);
    const other = harness(m);
    other.machine.start();
    other.machine.dispose();
    expect(other.scheduler.pending).toBe(0);
  });
});

describe('MaskoMachine: any-state transitions', () => {
  // A hub: Idle ↔ Busy and Idle ↔ Alert have clips; Busy → Alert has none.
  const hub = (anyMedia = false) =>
    manifestOf(
      ['Idle', 'Busy', 'Alert'],
      [
        { from: 'Idle', to: 'Busy', media: clip('ib'), conditions: [is('busy')] },
        { from: 'Idle', to: 'Alert', media: clip('ia'), conditions: [is('never')] },
        { from: 'Busy', to: 'Idle', media: clip('bi'), reverse: true, conditions: [is('busy', false)] },
        { from: 'Alert', to: 'Idle', media: clip('ai'), conditions: [is('alert', false)] },
        { from: '*', to: 'Busy', priority: 1, conditions: [is('busy')] },
        { from: '*', to: 'Alert', priority: 3, conditions: [is('alert')], ...(anyMedia && { media: clip('any-alert') }) },
      ],
    );

  it('takes precedence over the pose’s own edges, highest priority first, through the direct clip', () => {
    const { machine, take } = harness(hub());
    machine.start();
    take();
    machine.setInput('never', false);
    machine.setInput('busy', true);
    expect(take()).toEqual(['transition-start Idle->Busy', 'play-transition Idle->Busy']);
    expect(machine.state.pending).toBe('Busy');
  });

  it('routes through a return path when no direct clip exists, remembering the target', () => {
    const { machine, take } = harness(hub());
    machine.start();
    machine.setInput('busy', true);
    machine.clipEnded();
    take();
    machine.setInput('alert', true);
    expect(take()).toEqual(['transition-start Busy->Idle', 'play-transition Busy->Idle']);
    expect(machine.state).toMatchObject({ phase: 'transitioning', current: 'Busy', pending: 'Alert' });
    machine.clipEnded();
    expect(take()).toEqual([
      'transition-end Busy->Idle',
      'pose-change Busy->Idle',
      'arrive Idle',
      'transition-start Idle->Alert',
      'play-transition Idle->Alert',
    ]);
    machine.clipEnded();
    expect(take().slice(-1)).toEqual(['play-loop Alert']);
    expect(machine.state).toEqual({ phase: 'looping', current: 'Alert' });
  });

  it('prefers its own clip over a multi-clip route', () => {
    const { machine, take } = harness(hub(true));
    machine.start('Busy');
    take();
    machine.setInput('alert', true);
    expect(take()).toEqual(['transition-start Busy->Alert', 'play-transition Busy->Alert']);
  });

  it('only updates the pending target during a transition', () => {
    const { machine, take } = harness(hub());
    machine.start('Busy');
    machine.setInput('alert', true); // Busy → Idle, pending Alert
    take();
    machine.setInput('alert', false);
    machine.setInput('busy', true); // best any-state match is now Busy
    expect(take()).toEqual([]);
    expect(machine.state.pending).toBe('Busy');
    machine.clipEnded();
    expect(take().slice(-1)).toEqual(['play-transition Idle->Busy']);
  });

  it('does not fire towards the current pose, nor tries lower priorities then', () => {
    const { machine, take } = harness(hub());
    machine.start('Alert');
    take();
    machine.setInput('alert', true);
    machine.setInput('busy', true); // lower priority than Alert, which is where we are
    expect(take()).toEqual([]);
  });

  it('lets the pose’s own edges fire when the best match points at the current pose', () => {
    const m = manifestOf(
      ['A', 'B', 'C'],
      [
        { from: '*', to: 'A', priority: 2, conditions: [is('a')] },
        { from: '*', to: 'B', priority: 1, conditions: [is('b')] },
        { from: 'A', to: 'C', media: clip('ac'), conditions: [is('b')] },
      ],
    );
    const { machine, take } = harness(m);
    machine.start();
    machine.setInput('a', true);
    take();
    machine.setInput('b', true); // * → B is outranked by * → A (here), so A's own A → C fires
    expect(take()).toEqual(['transition-start A->C', 'play-transition A->C']);
  });

  it('drops the route at the next pose when no any-state match holds any more', () => {
    const { machine, take } = harness(hub());
    machine.start('Busy');
    machine.setInput('alert', true); // Busy → Idle on the way to Alert
    machine.setInput('alert', false);
    take();
    machine.clipEnded();
    expect(take()).toEqual(['transition-end Busy->Idle', 'pose-change Busy->Idle', 'arrive Idle', 'play-loop Idle']);
    expect(machine.state).toEqual({ phase: 'looping', current: 'Idle' });
  });

  it('jumps instantly when no chain of clips reaches the target', () => {
    const m = manifestOf(['A', 'B'], [{ from: '*', to: 'B', conditions: [is('b')] }]);
    const { machine, take } = harness(m);
    machine.start();
    take();
    machine.setInput('b', true);
    expect(take()).toEqual(['pose-change A->B', 'arrive B', 'play-loop B']);
  });
});

describe('MaskoMachine: goTo', () => {
  const chain = () =>
    manifestOf(
      ['A', 'B', 'C', 'D'],
      [
        { from: 'A', to: 'B', media: clip('ab') },
        { from: 'B', to: 'C', media: clip('bc') },
        { from: 'A', to: 'C', media: clip('ac') },
        { from: 'C', to: 'D', media: clip('cd') },
        { from: 'D', to: 'A' },
      ],
    );

  it('follows the shortest chain of clips and resolves true on arrival', async () => {
    const { machine, take } = harness(chain());
    machine.start();
    take();
    const reached = machine.goTo('D');
    expect(take()).toEqual(['transition-start A->C', 'play-transition A->C']);
    expect(machine.state.pending).toBe('D');
    machine.clipEnded();
    expect(take().slice(-1)).toEqual(['play-transition C->D']);
    machine.clipEnded();
    await expect(reached).resolves.toBe(true);
    expect(machine.state).toEqual({ phase: 'looping', current: 'D' });
  });

  it('cuts to the pose when no clip leads there, and resolves at once when already there', async () => {
    const { machine, take } = harness(chain());
    machine.start('D');
    take();
    await expect(machine.goTo('D')).resolves.toBe(true);
    const reached = machine.goTo('B');
    expect(take()).toEqual(['pose-change D->B', 'arrive B', 'play-loop B']);
    await expect(reached).resolves.toBe(true);
  });

  it('continues from the end of the clip when called mid-transition', async () => {
    const { machine, take } = harness(chain());
    machine.start();
    void machine.goTo('B');
    take();
    const reached = machine.goTo('D');
    expect(take()).toEqual([]);
    machine.clipEnded(); // at B: on to C, then D
    machine.clipEnded();
    machine.clipEnded();
    await expect(reached).resolves.toBe(true);
    expect(machine.state.current).toBe('D');
  });

  it('resolves false when superseded, or disposed', async () => {
    const { machine } = harness(chain());
    machine.start();
    const first = machine.goTo('D');
    const second = machine.goTo('B');
    await expect(first).resolves.toBe(false);
    machine.dispose();
    await expect(second).resolves.toBe(false);
  });

  it('rejects an unknown pose and a call before start', async () => {
    const { machine } = harness(chain());
    await expect(machine.goTo('A')).rejects.toThrow('[masko] goTo() before start()');
    machine.start();
    await expect(machine.goTo('Z')).rejects.toThrow('[masko] goTo("Z"): no such pose; the poses are "A", "B", "C", "D"');
  });
});

describe('MaskoMachine: robustness', () => {
  it('stops a cycle of instant jumps with a warning', () => {
    const m = manifestOf(
      ['A', 'B'],
      [
        { from: 'A', to: 'B', conditions: [is('on')] },
        { from: 'B', to: 'A', conditions: [is('on')] },
      ],
    );
    const { machine, events } = harness(m);
    machine.start();
    machine.setInput('on', true);
    expect(events.filter((e) => e.type === 'warning')).toHaveLength(1);
    expect(events.at(-1)?.type).toMatch(/play-loop|hold/);
  });

  it('emits nothing after dispose', () => {
    const m = manifestOf(['A', 'B'], [{ from: 'A', to: 'B', media: clip('ab'), conditions: [is('go')] }]);
    const { machine, take } = harness(m);
    machine.start();
    take();
    machine.dispose();
    machine.setInput('go', true);
    expect(take()).toEqual([]);
    expect(machine.state.phase).toBe('stopped');
  });

  it('stops at once when a listener disposes it mid-arrival', () => {
    const m = manifestOf(['A'], [{ from: 'A', to: 'A', media: clip('aa'), conditions: [{ input: 'nodeTime', op: '>=', value: 10 }] }]);
    const scheduler = new FakeScheduler();
    const seen: string[] = [];
    const machine: MaskoMachine = new MaskoMachine(m, {
      scheduler,
      listener: (e) => {
        seen.push(e.type);
        if (e.type === 'arrive') machine.dispose();
      },
    });
    machine.start();
    expect(seen).toEqual(['arrive']);
    expect(scheduler.pending).toBe(0);
  });

  it('survives a listener that throws', () => {
    const m = manifestOf(['A', 'B'], [{ from: 'A', to: 'B', media: clip('ab'), conditions: [is('go')] }]);
    const report = vi.spyOn(console, 'error').mockImplementation(() => {});
    const seen: string[] = [];
    const machine = new MaskoMachine(m, {
      scheduler: new FakeScheduler(),
      listener: (e) => {
        seen.push(e.type);
        throw new Error('listener bug');
      },
    });
    machine.start();
    machine.setInput('go', true);
    expect(seen).toEqual(['arrive', 'play-loop', 'transition-start', 'play-transition']);
    expect(machine.state.phase).toBe('transitioning');
    expect(report).toHaveBeenCalled();
    report.mockRestore();
  });
});
