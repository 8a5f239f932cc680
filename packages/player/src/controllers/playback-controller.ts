import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import type { MascotManifest } from 'masko-manifest';
import type { Command, EngineFactory, PoseEngine } from '../engines/router.js';
import { type ReasonedError, reasoned } from '../errors.js';
import { emit } from '../events.js';
import type { CurrentSource, SourceChoice } from '../features/source-choice.js';
import { stackedLoaded, stackedReady } from '../features/stacked-loading.js';
import type { RenderFormat } from '../format.js';
import { report } from '../warn.js';
import type { StageController } from './stage-controller.js';

export type { CurrentSource };

export interface PlaybackConfig {
  stage: StageController;
  /** The format and file for a clip's encodings, or the pose's still. */
  source: Pick<SourceChoice, 'pick'>;
  /** A pose is on screen (the host reflects it in `pose`). */
  arrived(pose: string): void;
  /** A command's clip (or still) is on screen: what can come next may be fetched ahead. */
  shown(command: Command): void;
}

interface Waiter {
  pose: string;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Playback: runs the pose engine, executes its commands on the A/B stage, reports back
 * (`clipEnded`, `loopCompleted`), fires the pose and transition events, and settles `goTo()`.
 * Every command is latest-wins: a superseded load lands nowhere; a failed one leaves the pose
 * on screen and resets the engine there.
 */
export class PlaybackController implements ReactiveController {
  /** The pose on screen. */
  shown?: string;
  /** The file on screen. */
  source?: CurrentSource;
  /** The last command executed (or being executed). */
  command?: Command;
  #manifest?: MascotManifest;
  #engine?: PoseEngine;
  #run = 0;
  #waiters: Waiter[] = [];

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #config: PlaybackConfig;

  constructor(host: ReactiveControllerHost & HTMLElement, config: PlaybackConfig) {
    this.#host = host;
    this.#config = config;
    host.addController(this);
  }

  /** The engine, once started (for inputs, triggers and pointer input). */
  get engine(): PoseEngine | undefined {
    return this.#engine;
  }

  /** Starts a fresh engine (engines start once) at `pose`, or at the initial pose when the manifest lacks it; returns the pose. */
  start(manifest: MascotManifest, pose: string, factory: EngineFactory): string {
    if (!(pose in manifest.poses)) {
      this.fail(reasoned('unknown-pose', `has no pose "${pose}"; showing "${manifest.initial}"`, pose));
      pose = manifest.initial;
    }
    this.stop();
    this.#manifest = manifest;
    this.#engine = factory(
      manifest,
      (command) => this.execute(command),
      (inputs) => emit(this.#host, 'masko-input-change', { inputs }),
    );
    this.#engine.start(pose);
    return pose;
  }

  /** Drops the engine and any load in flight. */
  stop(): void {
    this.#engine?.dispose?.();
    this.#engine = undefined;
    this.#run++;
  }

  hostDisconnected(): void {
    this.stop();
    this.#reject(new DOMException('The mascot was removed from the document', 'AbortError'));
  }

  /** A promise settled when `pose` is on screen; earlier waits for other poses are superseded. */
  wait(pose: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#waiters = this.#waiters.filter(
        (waiter) => waiter.pose === pose || void waiter.reject(new DOMException(`goTo("${waiter.pose}") was superseded by goTo("${pose}")`, 'AbortError')),
      );
      this.#waiters.push({ pose, resolve, reject });
      if (pose === this.shown && this.command?.type !== 'play-transition') this.#settle(pose);
    });
  }

  /** `goTo()` named a pose the manifest lacks (it has `poses`): reported, and the pose on screen stays. */
  refuse(pose: string, poses: string[]): Promise<never> {
    const error = reasoned('unknown-pose', `has no pose "${pose}"; it has ${poses.join(', ')}`, pose);
    if (this.shown) this.#config.arrived(this.shown); // `pose` reflects what is on screen
    this.fail(error);
    return Promise.reject(error);
  }

  /** Shows what a command asks for; resolves once it is on screen (or superseded, or failed). */
  async execute(command: Command): Promise<void> {
    const run = ++this.#run;
    const previous = this.command;
    this.command = command;
    const transition = command.type === 'play-transition' ? command.transition : undefined;
    const target = transition ? transition.to : (command as { pose: string }).pose;
    const pose = this.#manifest!.poses[target]!;
    const pick = () => this.#config.source.pick(transition?.media ?? pose.media, pose.poster, command.type === 'hold');
    let { format, variant } = pick();
    if (format === 'stacked' && !stackedLoaded()) {
      // The stacked renderer's chunk, fetched now; once it is here WebGL is known exactly: choose again.
      await stackedReady(); // a failed load fails the clip in the stage
      if (run !== this.#run) return;
      ({ format, variant } = pick());
    }
    if (transition && format === 'image') return this.#engine?.clipEnded(); // no clip to play here: cut
    if (!variant) return this.fail(reasoned('media', `pose "${target}" has no ${format} file`, target), run);
    try {
      const speed = (command as { speed?: number }).speed ?? transition?.speed;
      await this.#config.stage.show(format, { url: variant.url, loop: !transition && pose.loop, speed });
    } catch (error) {
      const name = (error as Error)?.name;
      if (run !== this.#run || name === 'AbortError') return;
      if (name === 'NotAllowedError') return this.blocked(error as Error, run);
      const failure = await import('../features/deferred.js').then(
        ({ mediaFailure }) => mediaFailure(variant.url, error as Error, reasoned),
        () => reasoned('media', `could not play ${variant.url}: ${(error as Error).message || 'unsupported media'}`, variant.url),
      );
      if (run !== this.#run) return;
      this.command = previous;
      return this.fail(failure, run);
    }
    if (run !== this.#run) return;
    this.source = { format, url: variant.url, width: variant.width, height: variant.height };
    if (command.type === 'play-transition') emit(this.#host, 'masko-transition-start', { from: this.#from(command), to: target });
    else this.#arrived(target, format);
    if (run === this.#run) this.#config.shown(command);
  }

  /** Shows the pose on screen again in another file (size or format changed); the engine is not involved. */
  replay(): void {
    const pose = this.shown;
    if (!pose || this.command?.type === 'play-transition') return;
    this.execute(this.#manifest!.poses[pose]!.loop ? { type: 'play-loop', pose } : { type: 'hold', pose });
  }

  /** The stage's clip ended: a transition is over. */
  ended(): void {
    const command = this.command;
    if (command?.type !== 'play-transition') return;
    emit(this.#host, 'masko-transition-end', { from: this.#from(command), to: command.transition.to });
    this.#engine?.clipEnded();
  }

  /** The loop on screen wrapped (also when the next clip is already cued to replace it). */
  looped(): void {
    if (!this.shown) return;
    emit(this.#host, 'masko-loop', { pose: this.shown });
    this.#engine?.loopCompleted();
  }

  /** The browser refused to play (autoplay policy, Low Power Mode): show the poster instead. */
  blocked(error: Error, run = this.#run): void {
    const pose = this.shown ?? (this.command as { pose?: string } | undefined)?.pose ?? this.#manifest?.initial;
    this.fail(reasoned('autoplay-blocked', `the browser refused to play: ${error.message}`), run);
    if (pose) this.execute({ type: 'hold', pose });
  }

  /** Reports `error` (unless a newer command superseded its run) and rejects pending `goTo()`s. */
  fail(error: ReasonedError, run = this.#run): void {
    if (run !== this.#run) return;
    // The engine moved on in its head; put it back on the pose really on screen.
    if (this.shown && error.reason !== 'autoplay-blocked') this.#engine?.reset?.(this.shown);
    this.#reject(error);
    report(error.reason, error.message);
    emit(this.#host, 'masko-error', { reason: error.reason, message: error.message, target: error.target });
  }

  #arrived(pose: string, format: RenderFormat): void {
    const from = this.shown;
    this.shown = pose;
    this.#config.arrived(pose);
    if (from === undefined) emit(this.#host, 'masko-load', { format });
    if (from !== pose) emit(this.#host, 'masko-pose-change', { from, to: pose });
    this.#settle(pose);
  }

  /** Where a transition starts: the engine says (any-state edges have `from: '*'`), else the pose shown. */
  #from(command: Command & { type: 'play-transition' }): string {
    return command.from ?? this.shown ?? command.transition.from;
  }

  #reject(error: unknown): void {
    for (const waiter of this.#waiters.splice(0)) waiter.reject(error);
  }

  #settle(pose: string): void {
    this.#waiters = this.#waiters.filter((waiter) => waiter.pose !== pose || void waiter.resolve());
  }
}
