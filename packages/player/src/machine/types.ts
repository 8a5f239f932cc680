import type { Transition } from 'masko-manifest';

/** A value of a state-machine input. Compared numerically: `true` is 1, `false` is 0. */
export type InputValue = boolean | number;

/** Time, injected so the engine runs without a browser and tests control the clock. */
export interface Scheduler {
  /** Milliseconds, monotonic. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * - `stopped`: before `start()` or after `dispose()`.
 * - `looping`: at a pose whose clip loops; `loopCompleted()` counts its cycles.
 * - `idle`: at a pose without a looping clip (a still, or a clip played once and held).
 * - `transitioning`: a transition clip is playing; `clipEnded()` finishes it.
 */
export type MachinePhase = 'stopped' | 'idle' | 'looping' | 'transitioning';

export interface MachineState<P extends string = string> {
  phase: MachinePhase;
  /** The pose on screen; during a transition, the pose being left. */
  current: P;
  /** During a transition: the transition playing. */
  transition?: Transition<P>;
  /** Where the machine is routing to when that takes more than the clip playing (any-state edges, `goTo()`). */
  pending?: P;
}

/**
 * What the machine tells the element. Commands (`play-loop`, `hold`, `play-transition`) say what to
 * put on screen; the others are notifications for events and debugging.
 */
export type MachineEvent<P extends string = string> =
  /** Show the pose's clip looping; call `loopCompleted()` each time it wraps. */
  | { type: 'play-loop'; pose: P }
  /** Show the pose without looping: play its clip once and hold the last frame, or show its poster. */
  | { type: 'hold'; pose: P }
  /**
   * Play `transition`'s clip once at `speed` (a playback-rate multiplier) from `from` to `to`, then
   * call `clipEnded()`. `from` is the real pose even for an any-state transition (`transition.from` '*');
   * a `reverse` transition carries its own reversed clip: play it forwards.
   */
  | { type: 'play-transition'; transition: Transition<P>; from: P; to: P; speed: number }
  | { type: 'transition-start'; transition: Transition<P>; from: P; to: P }
  | { type: 'transition-end'; transition: Transition<P>; from: P; to: P }
  /** The machine is now at `pose` (also after an instant jump, and when passing through on a route). */
  | { type: 'arrive'; pose: P }
  | { type: 'pose-change'; from: P; to: P }
  /** Something the page should hear about, e.g. a cycle of instant jumps that was cut short. */
  | { type: 'warning'; message: string };

export type MachineListener<P extends string = string> = (event: MachineEvent<P>) => void;
