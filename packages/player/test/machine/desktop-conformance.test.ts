import { readFileSync } from 'node:fs';
import { type CanvasExport, convertCanvasExport } from 'masko-manifest';
import { describe, expect, it } from 'vitest';
import { type InputValue, type MachineEvent, MaskoMachine } from '../../src/machine/index.js';
import { clipFile, DesktopReference } from './desktop-reference.js';
import { FakeScheduler } from './harness.js';

/**
 * The three real exports driven through the events Masko Desktop's host sends, checked against
 * `DesktopReference` (the clips Desktop plays).
 */

type SessionState = [isWorking: boolean, isIdle: boolean, isAlert: boolean, isCompacting: boolean, sessionCount: number];

/**
 * One host event: the `setInput` calls Desktop makes for it, in order. For a Claude Code hook,
 * `OverlayManager.handleEvent()` runs `refreshInputs()` — the five session inputs, always in this
 * order — then sets `claudeCode::<hook_event_name>` to true. The values are those of one session
 * with one agent: `SessionStore.recordEvent()` sets the session's phase per hook, and `AppStore`
 * adds a pending permission before PermissionRequest is processed and dismisses it on the session's
 * next PostToolUse / Stop / UserPromptSubmit. A click is `handleClick()` (`clicked` = true); the
 * pointer is `handleMouseOver()` (`mouseOver`).
 */
type HostEvent = { name: string; calls: [string, InputValue][] };

const hook = (name: string, [isWorking, isIdle, isAlert, isCompacting, sessionCount]: SessionState): HostEvent => ({
  name,
  calls: [
    ['claudeCode::isWorking', isWorking],
    ['claudeCode::isIdle', isIdle],
    ['claudeCode::isAlert', isAlert],
    ['claudeCode::isCompacting', isCompacting],
    ['claudeCode::sessionCount', sessionCount],
    [`claudeCode::${name}`, true],
  ],
});

const HOST_EVENTS: HostEvent[] = [
  hook('SessionStart', [false, true, false, false, 1]),
  hook('UserPromptSubmit', [true, false, false, false, 1]),
  hook('PermissionRequest', [true, false, true, false, 1]),
  hook('PostToolUse', [true, false, false, false, 1]),
  hook('PreCompact', [false, false, false, true, 1]),
  hook('Stop', [false, true, false, false, 1]),
  hook('SessionEnd', [false, true, false, false, 0]),
  { name: 'click', calls: [['clicked', true]] },
  { name: 'pointer in', calls: [['mouseOver', true]] },
  { name: 'pointer out', calls: [['mouseOver', false]] },
];

const exportOf = (name: string): CanvasExport =>
  JSON.parse(readFileSync(new URL(`../../../manifest/test/fixtures/${name}.json`, import.meta.url), 'utf8')) as CanvasExport;

/** A player that can be driven by host events and reports the transition clips it played. */
interface Player {
  send(event: HostEvent): void;
  /** Ends each transition clip and completes one loop, until the player rests looping or holding. */
  settle(): void;
  played(): string[];
  current(): string;
}

function desktop(config: CanvasExport): Player {
  const ref = new DesktopReference(config);
  ref.start();
  return {
    send: (event) => event.calls.forEach(([name, value]) => (name === 'clicked' ? ref.click() : ref.setInput(name, value))),
    settle: () =>
      settle(
        () => ref.phase === 'transitioning',
        () => ref.clipEnded(),
        () => ref.loopEnded(),
      ),
    played: () => ref.played,
    current: () => ref.name(ref.current),
  };
}

function ours(config: CanvasExport): Player {
  const played: string[] = [];
  const record = (e: MachineEvent) => {
    if (e.type === 'play-transition') played.push(`${e.from}->${e.to} ${clipFile({ videos: { webm: e.transition.media?.webm?.[0]?.url } })}`);
  };
  const machine = new MaskoMachine(convertCanvasExport(config), { scheduler: new FakeScheduler(), listener: record });
  machine.start();
  return {
    send: (event) => event.calls.forEach(([name, value]) => (name === 'clicked' ? machine.click() : machine.setInput(name, value))),
    settle: () =>
      settle(
        () => machine.state.phase === 'transitioning',
        () => machine.clipEnded(),
        () => machine.loopCompleted(),
      ),
    played: () => played,
    current: () => machine.state.current,
  };
}

function settle(transitioning: () => boolean, clipEnded: () => void, loopEnded: () => void): void {
  for (let clips = 0; transitioning(); clips++) {
    if (clips > 20) throw new Error('still transitioning after 20 clips');
    clipEnded();
  }
  loopEnded(); // a loop end evaluates again (Desktop's loopCount input); nothing may fire that arrival did not
  if (transitioning()) settle(transitioning, clipEnded, loopEnded);
}

describe.each(['masko', 'otto', 'maya'] as const)('%s.json through Masko Desktop’s host events', (name) => {
  const config = exportOf(name);
  const pairs = HOST_EVENTS.flatMap((a) => HOST_EVENTS.map((b) => [a, b] as const));

  describe.each([
    ['with the clip ending between', true],
    ['while the first event’s clip still plays', false],
  ] as const)('%s', (_, clipEndsBetween) => {
    it.each(pairs.map(([a, b]) => [`${a.name} then ${b.name}`, a, b] as const))('%s', (_, a, b) => {
      const players = [desktop(config), ours(config)].map((player) => {
        player.send(a);
        if (clipEndsBetween) player.settle();
        player.send(b);
        player.settle();
        return { played: player.played(), at: player.current() };
      });
      expect(players[1]).toEqual(players[0]);
    });
  });

  it('starts in Idle, looping, with nothing played', () => {
    const player = ours(config);
    player.settle();
    expect([player.current(), player.played()]).toEqual(['Idle', []]);
  });
});

// The reference model itself, checked on cases traced by hand from Desktop's code, so that a slip
// in it cannot make both sides agree on a wrong answer.
describe('DesktopReference, on hand-traced cases', () => {
  /** Sends the events in turn; `end` lets the clips play out. Returns the transitions played and where it rests. */
  const run = (name: string, steps: string[]) => {
    const player = desktop(exportOf(name));
    for (const step of steps) {
      if (step === 'end') player.settle();
      else player.send(HOST_EVENTS.find((e) => e.name === step)!);
    }
    player.settle();
    return [...player.played().map((p) => p.replace(/ \S+$/, '')), `at ${player.current()}`];
  };

  it.each([
    // isWorking is set first and fires Idle → Working; isAlert follows during that clip and is seen on arrival.
    ['masko', ['PermissionRequest'], ['Idle->Working', 'Working->Needs Attention', 'at Needs Attention']],
    ['masko', ['PermissionRequest', 'PostToolUse'], ['Idle->Working', 'at Working']],
    // The alert round trip: answered, back to work; or the turn stops, back to Idle once isAlert clears.
    ['masko', ['PermissionRequest', 'end', 'PostToolUse'], ['Idle->Working', 'Working->Needs Attention', 'Needs Attention->Working', 'at Working']],
    ['otto', ['PermissionRequest', 'end', 'Stop'], ['Idle->Working', 'Working->Needs Attention', 'Needs Attention->Idle', 'at Idle']],
    // Working → Thinking waits for isCompacting; Thinking → Idle for isCompacting false, set after isIdle.
    ['masko', ['UserPromptSubmit', 'end', 'PreCompact', 'end', 'Stop'], ['Idle->Working', 'Working->Thinking', 'Thinking->Idle', 'at Idle']],
    ['masko', ['click', 'pointer in', 'SessionStart', 'SessionEnd'], ['at Idle']],
    // Maya's any-state edges: no Working → Needs Attention clip, so back through Idle first.
    ['maya', ['UserPromptSubmit', 'end', 'PermissionRequest'], ['Idle->Working', 'Working->Idle', 'Idle->Needs Attention', 'at Needs Attention']],
    ['maya', ['UserPromptSubmit', 'end', 'PermissionRequest', 'Stop'], ['Idle->Working', 'Working->Idle', 'at Idle']],
    ['maya', ['UserPromptSubmit', 'end', 'Stop'], ['Idle->Working', 'Working->Idle', 'at Idle']],
  ])('%s: %j', (name, steps, expected) => {
    expect(run(name, steps)).toEqual(expected);
  });
});
