import type { MascotManifest, Transition } from 'masko-manifest';
import { allHold, toNumber } from './conditions.js';
import { InputStore, isInputValue } from './inputs.js';
import { Route } from './route.js';
import { anyStateTransitions, hasMedia, shortestClipPath } from './routing.js';
import { nodeTimeThresholds, TimerSet } from './timers.js';
import type { InputValue, MachineEvent, MachineListener, MachinePhase, MachineState, Scheduler } from './types.js';

export interface MachineOptions<P extends string = string> {
  /** The clock and timers (`nodeTime` thresholds). */
  scheduler: Scheduler;
  /** Receives every command and notification, synchronously. */
  listener?: MachineListener<P>;
  /**
   * Initial values for inputs the host owns (e.g. `{ 'claudeCode::sessionCount': 2 }`), applied after
   * the seeded ones (`BUILTIN_INPUTS`, `CLAUDE_CODE_INPUTS`) and before the manifest's input
   * defaults. Default: none.
   */
  inputs?: Readonly<Record<string, InputValue>>;
}

/** Instant jumps (transitions without a clip) allowed in one chain before the machine stops and warns. */
const MAX_CHAIN = 32;

/**
 * The Masko canvas state machine, following Masko Desktop's runtime (see README.md): inputs seeded as
 * Desktop seeds them; arrive at a pose → evaluate its edges (not when `goTo()` brought it there) →
 * loop its clip (or hold); each input change evaluates any-state transitions (by priority) and then
 * the pose's own transitions in order, and the first whose conditions all hold fires. Pure: time comes from the injected `Scheduler`, media is played by whoever listens to the
 * commands and reports back with `clipEnded()` and `loopCompleted()`.
 *
 * @example
 * const machine = new MaskoMachine(manifest, { scheduler, listener: (e) => element.run(e) });
 * machine.start();
 * machine.setInput('claudeCode::isAlert', true); // → transition-start, play-transition …
 * video.onended = () => machine.clipEnded();
 */
export class MaskoMachine<P extends string = string> {
  readonly manifest: MascotManifest<P, string>;
  readonly #scheduler: Scheduler;
  #listener: MachineListener<P> | undefined;
  readonly #inputs: InputStore;
  readonly #anyState: Transition<P>[];
  #phase: MachinePhase = 'stopped';
  #started = false;
  #arrivedOnce = false;
  #current: P;
  #transition: Transition<P> | undefined;
  #transitionFrom: P;
  readonly #route = new Route<P>();
  #arrivedAt = 0;
  readonly #timers: TimerSet;
  #chain = 0;

  constructor(manifest: MascotManifest<P, string>, options: MachineOptions<P>) {
    this.manifest = manifest;
    this.#scheduler = options.scheduler;
    this.#listener = options.listener;
    this.#inputs = new InputStore(manifest.inputs, options.inputs);
    this.#anyState = anyStateTransitions(manifest.transitions);
    this.#timers = new TimerSet(options.scheduler);
    this.#current = this.#transitionFrom = manifest.initial;
  }

  /** Phase, current pose, and the transition and route target when there are any (a copy). */
  get state(): MachineState<P> {
    const state: MachineState<P> = { phase: this.#phase, current: this.#current };
    if (this.#transition) state.transition = this.#transition;
    if (this.#route.target !== undefined) state.pending = this.#route.target;
    return state;
  }

  /** The current input values (a copy). `nodeTime` is in milliseconds since arrival. */
  get inputs(): Record<string, InputValue> {
    return this.#inputs.snapshot();
  }

  /** Arrives at `pose` (default: the manifest's `initial`). Once only. */
  start(pose: P = this.manifest.initial): void {
    if (this.#started) throw new Error('[masko] MaskoMachine.start() was already called');
    this.#assertPose('start', pose);
    this.#started = true;
    this.#arrive(pose);
  }

  /** Sets an input and evaluates, unless the value is unchanged (compared as numbers). */
  setInput(name: string, value: InputValue): void {
    if (!isInputValue(value)) {
      throw new TypeError(`[masko] setInput(${JSON.stringify(name)}, …): expected true, false or a finite number, received ${typeof value}`);
    }
    if (this.#inputs.set(name, value)) this.#evaluate(name);
  }

  /** Sets a trigger input to true and evaluates, even if it was already armed. It resets once it fires an edge. */
  fire(trigger: string): void {
    this.#inputs.set(trigger, true);
    this.#evaluate(trigger);
  }

  /** A click on the mascot: fires the built-in `clicked` trigger. */
  click(): void {
    this.fire('clicked');
  }

  /** The pointer entered (true) or left (false) the mascot: the built-in `mouseOver`. */
  hover(over: boolean): void {
    this.setInput('mouseOver', over);
  }

  /** The looping clip wrapped around: `loopCount` + 1, then evaluate. Ignored unless looping. */
  loopCompleted(): void {
    if (this.#phase !== 'looping') return;
    this.setInput('loopCount', toNumber(this.#inputs.get('loopCount') ?? 0) + 1);
  }

  /**
   * The transition clip ended: arrive at its target. Ignored unless a transition is playing, or
   * when `transition` is given and is not the one playing (a stale callback).
   */
  clipEnded(transition?: Transition<P>): void {
    const playing = this.#transition;
    if (this.#phase !== 'transitioning' || !playing || (transition && transition !== playing)) return;
    this.#transition = undefined;
    this.#emit({ type: 'transition-end', transition: playing, from: this.#transitionFrom, to: playing.to });
    this.#arrive(playing.to);
  }

  /**
   * Routes to `pose` along the fewest transition clips (instantly when no chain of clips leads
   * there) and shows it: its edges are not evaluated on arrival, only at the next input change,
   * trigger, click/hover, `nodeTime` timer or loop completion (so a canvas takes over after one
   * loop at the latest). Resolves true on arrival, false when something else took over first (another
   * `goTo()`, an any-state transition, `dispose()`). Rejects for an unknown pose or before `start()`.
   */
  goTo(pose: P): Promise<boolean> {
    try {
      this.#assertPose('goTo', pose);
      if (this.#phase === 'stopped') throw new Error('[masko] goTo() before start()');
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.#phase !== 'transitioning' && this.#current === pose) {
      this.#route.retarget(undefined);
      return Promise.resolve(true);
    }
    const reached = this.#route.request(pose);
    // Mid-transition the route continues from the clip's target when it ends.
    if (this.#phase !== 'transitioning') this.#head(pose);
    return reached;
  }

  /** Stops: clears timers, settles pending `goTo()`s with false, and emits nothing more. */
  dispose(): void {
    this.#timers.clear();
    this.#phase = 'stopped';
    this.#listener = undefined;
    this.#route.retarget(undefined);
  }

  // ── arrival and evaluation ──────────────────────────────────────────────

  #arrive(pose: P): void {
    const from = this.#current;
    this.#timers.clear();
    this.#current = pose;
    this.#arrivedAt = this.#scheduler.now();
    this.#inputs.resetForArrival();
    const spec = this.manifest.poses[pose];
    this.#phase = spec.loop && hasMedia(spec.media) ? 'looping' : 'idle';
    if (this.#arrivedOnce && from !== pose) this.#emit({ type: 'pose-change', from, to: pose });
    this.#arrivedOnce = true;
    this.#emit({ type: 'arrive', pose });
    if (this.#isStopped()) return; // a listener disposed us

    this.#chain++;
    try {
      if (this.#chain > MAX_CHAIN) {
        this.#emit({ type: 'warning', message: `[masko] instant transitions keep firing in a cycle; stopped at pose "${pose}"` });
        this.#route.arrived(pose);
        this.#route.retarget(undefined); // an abandoned route: its goTo() resolves false
      } else if (this.#route.passesThrough(pose)) {
        return this.#head(this.#route.target!); // passing through on a goTo() route
      } else {
        // An any-state route is decided afresh at each pose it passes (Desktop's Windows port): the
        // evaluation below follows the best any-state match again, or drops the route when none holds.
        const requested = this.#route.requested === pose;
        this.#route.arrived(pose);
        // goTo(pose) means "show this pose": its edges are evaluated at the next input change,
        // trigger, pointer input, nodeTime timer or loop wrap, not on arrival (it would leave at once).
        if (!requested && this.#evaluate('')) return;
      }
      if (this.#isStopped()) return;
      this.#emit(this.#phase === 'looping' ? { type: 'play-loop', pose } : { type: 'hold', pose });
      this.#scheduleNodeTime();
    } finally {
      this.#chain--;
    }
  }

  /** Evaluates the edges after `changed` changed; true when one fired. */
  #evaluate(changed: string): boolean {
    if (this.#phase === 'stopped' || !this.#started) return false;
    const read = this.#inputs.get;
    const transitioning = this.#phase === 'transitioning';
    if (!transitioning && changed !== 'nodeTime') this.#inputs.set('nodeTime', this.#scheduler.now() - this.#arrivedAt);

    // Any-state edges first: only the highest-priority match counts; when it points at the current
    // pose, lower-priority ones are not tried and the pose's own edges are (Desktop's Windows port).
    const best = this.#anyState.find((t) => allHold(t.conditions, read));
    if (transitioning) {
      // During a clip nothing fires; only the route target shown in `state.pending` follows (the
      // route is decided again on arrival, and the edge's triggers are consumed when it fires then).
      if (best) this.#route.retarget(best.to === this.#transition?.to ? undefined : best.to);
      return false;
    }
    if (best && best.to !== this.#current) {
      this.#consume(best, changed);
      this.#route.retarget(best.to);
      this.#head(best.to, best);
      return true;
    }
    for (const t of this.manifest.transitions) {
      if (t.from !== this.#current || !allHold(t.conditions, read)) continue;
      this.#consume(t, changed);
      this.#play(t);
      return true;
    }
    return false;
  }

  /** Resets the triggers an edge used, and the one that caused the evaluation. */
  #consume(t: Transition<P>, changed: string): void {
    this.#inputs.resetTriggers([changed, ...t.conditions.map((c) => c.input)]);
  }

  // ── routing and playback ────────────────────────────────────────────────

  /**
   * Heads for `target`: a direct clip, else `via`'s own clip (an any-state edge that has one), else
   * the first clip of the shortest chain (the rest follows on arrival), else an instant jump.
   */
  #head(target: P, via?: Transition<P>): void {
    if (target === this.#current) return this.#route.retarget(undefined);
    const path = shortestClipPath(this.manifest.transitions, this.#current, target);
    const direct = path?.length === 1;
    if (via && hasMedia(via.media) && !direct) return this.#play(via);
    if (path?.[0]) return this.#play(path[0]);
    this.#arrive(target);
  }

  #play(t: Transition<P>): void {
    if (!hasMedia(t.media)) return this.#arrive(t.to);
    this.#timers.clear();
    this.#phase = 'transitioning';
    this.#transition = t;
    this.#transitionFrom = this.#current;
    const from = this.#current;
    this.#emit({ type: 'transition-start', transition: t, from, to: t.to });
    this.#emit({ type: 'play-transition', transition: t, from, to: t.to, speed: t.speed ?? 1 });
  }

  // ── nodeTime timers ─────────────────────────────────────────────────────

  /** One timer per distinct `nodeTime` threshold of the edges that can leave this pose. */
  #scheduleNodeTime(): void {
    for (const at of nodeTimeThresholds(this.manifest.transitions, this.#current)) {
      this.#timers.add(() => {
        if (this.#phase === 'idle' || this.#phase === 'looping') this.setInput('nodeTime', this.#scheduler.now() - this.#arrivedAt);
      }, at);
    }
  }

  // ── helpers ─────────────────────────────────────────────────────────────

  #isStopped(): boolean {
    return this.#phase === 'stopped';
  }

  #assertPose(method: string, pose: P): void {
    if (!Object.hasOwn(this.manifest.poses, pose)) {
      const known = Object.keys(this.manifest.poses)
        .map((p) => JSON.stringify(p))
        .join(', ');
      throw new Error(`[masko] ${method}(${JSON.stringify(pose)}): no such pose; the poses are ${known}`);
    }
  }

  /** Listener errors are reported, never allowed to leave the machine half-updated. */
  #emit(event: MachineEvent<P>): void {
    try {
      this.#listener?.(event);
    } catch (error) {
      if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
      else console.error(error);
    }
  }
}
