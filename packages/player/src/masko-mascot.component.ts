import { ReactiveElement, type PropertyValues } from '@lit/reactive-element';
import type { InputName, MascotManifest, Media, PoseName, Variant } from 'masko-manifest';
import { formatFor } from './capabilities.js';
import { PlaybackController, type CurrentSource } from './controllers/playback-controller.js';
import { createRouter, type EngineFactory } from './controllers/router.js';
import { SizeController } from './controllers/size-controller.js';
import { StageController, type SwitchAt } from './controllers/stage-controller.js';
import { VisibilityController } from './controllers/visibility-controller.js';
import { fallbackSlot } from './features/fallback.js';
import type { RendererOverride } from './format.js';
import { loadManifest, reasoned, useManifest, type ReasonedError } from './manifest-source.js';
import { chooseVariant, DEFAULT_DPR_CAP } from './size.js';
import { styles } from './styles.js';
import { DEV, warn } from './warn.js';

export type { CurrentSource, SwitchAt };

/** How long an element stays far off screen (or in a hidden tab) before it lets go of its video: 30 s. */
export const RELEASE_AFTER_MS = 30_000;

/** The inputs every canvas has (the machine keeps them current). */
export type BuiltinInput = 'clicked' | 'mouseOver' | 'loopCount' | 'nodeTime';
/** A state-machine input value: booleans and numbers compare numerically (`true` is 1). */
export type InputValue = boolean | number;

/** A canvas needs the state machine: it has inputs, conditions, or an any-state edge. */
const isCanvas = (m: MascotManifest): boolean =>
  m.inputs.length > 0 || m.transitions.some((t) => t.from === '*' || t.conditions.length > 0);
/** The state machine, loaded once per page the first time a canvas starts (a separate chunk). */
let machine: Promise<unknown> | undefined;
let machineEngine: EngineFactory | undefined;

/**
 * @summary Plays a Masko mascot with transparency in every browser and switches poses by name.
 *
 * @event masko-load - The first pose is on screen. `detail.format` says which path plays it.
 * @event masko-error - Something failed; `detail.reason` says what. The current pose stays.
 * @event masko-pose-change - A pose is on screen: `detail.from`, `detail.to`.
 * @event masko-transition-start - A transition clip is on screen: `detail.from`, `detail.to`.
 * @event masko-transition-end - A transition clip ended: `detail.from`, `detail.to`.
 * @event masko-loop - The pose's loop wrapped around: `detail.pose`.
 * @event masko-input-change - A canvas input changed: `detail.inputs` (all of them, as `inputs` gives).
 *
 * @csspart media - The `<video>`, `<canvas>` or `<img>` on screen.
 * @csspart stage - The box the media layers are stacked in.
 * @cssprop [--masko-object-fit=contain] - How the media fits the element's box.
 * @slot - A light-DOM fallback (the poster `<img>` of `masko-mascot/fallback`), shown until the first frame is on screen.
 */
export class MaskoMascot<M extends MascotManifest = MascotManifest> extends ReactiveElement {
  static override styles = styles;
  /**
   * Overrides the pose engine for every manifest. Unset (the default), a manifest with a state
   * machine (inputs, conditions, any-state edges) runs on the canvas state machine, loaded on
   * demand, and any other on the simple router (pose → transition clip → pose).
   */
  static engine: EngineFactory | undefined;
  static override properties = {
    src: {},
    manifest: { attribute: false },
    pose: { reflect: true },
    autoplay: { converter: (value: string | null) => value !== 'false' },
    loading: {},
    alt: {},
    renderer: {},
    dprCap: { type: Number, attribute: 'dpr-cap' },
    ignoreReducedMotion: { type: Boolean, attribute: 'ignore-reduced-motion' },
    releaseAfter: { type: Number, attribute: 'release-after' },
    switchAt: { attribute: 'switch', converter: (value: string | null): SwitchAt => (value === 'wrap' ? 'wrap' : 'immediate') },
  };

  /** URL of a manifest JSON or a Masko canvas export. */
  declare src: string | undefined;
  /** The manifest itself (wins over `src`). */
  declare manifest: M | undefined;
  /** The pose on screen; set it to switch poses (as `goTo()` does). */
  declare pose: PoseName<M> | undefined;
  /** Play without a user gesture. Default true; `autoplay="false"` turns it off. */
  declare autoplay: boolean;
  /** `lazy` (default) loads nothing until the element is near the viewport; `eager` loads at once. */
  declare loading: 'lazy' | 'eager';
  /** Accessible name of the mascot (the element has `role="img"`). */
  declare alt: string | undefined;
  /** Force a path: `webm`, `hevc`, `stacked` or `image`. Default `auto` (see the format rule). */
  declare renderer: RendererOverride;
  /** Largest devicePixelRatio the size choice honours. Default 2. */
  declare dprCap: number;
  /** Keep animating when the user asks for reduced motion (by default the poster shows). */
  declare ignoreReducedMotion: boolean;
  /** Milliseconds far off screen (or hidden) before the video is released for the poster. Default 30 000. */
  declare releaseAfter: number;
  /**
   * When a pose loop on screen gives way to the next clip: `immediate` (default) as soon as that
   * clip has a frame, or `wrap` when the loop wraps around (clips authored to join on a shared
   * frame; costs up to one loop of latency).
   */
  declare switchAt: SwitchAt;

  #manifest?: MascotManifest;
  #started = false;
  /** Set by `play()` / `pause()`; until then `autoplay` decides. */
  #paused?: boolean;
  #fetch?: AbortController;
  /** `src` changed and is not fetched yet (lazy: nothing loads until the element is near). */
  #srcPending = false;
  /** Counting down to releasing the media while far away; `true` once released. */
  #away?: ReturnType<typeof setTimeout> | true;
  #motion = matchMedia('(prefers-reduced-motion: reduce)');
  #onMotion = (): void => this.#restart();
  /** Pointer input for state machines (the canvas built-ins `clicked` and `mouseOver`). */
  #pointer = [
    ['click', () => this.#playback.engine?.click?.()],
    ['pointerenter', () => this.#playback.engine?.hover?.(true)],
    ['pointerleave', () => this.#playback.engine?.hover?.(false)],
  ] as const;

  #visibility = new VisibilityController(this, { onChange: () => this.#sync() });
  #size = new SizeController(this, () => this.#upgrade());
  #stage: StageController = new StageController(
    this,
    { ended: () => this.#playback.ended(), looped: () => this.#playback.looped() },
    () => this.switchAt,
  );
  #playback = new PlaybackController(this, {
    stage: this.#stage,
    pick: (media, poster, hold) => {
      const format = hold || this.#stillOnly() ? 'image' : formatFor(media, this.renderer);
      return { format, variant: this.#variant(format === 'image' ? poster : media[format]) };
    },
    arrived: (pose) => (this.pose = pose as PoseName<M>),
  });

  constructor() {
    super();
    this.autoplay = true;
    this.loading = 'lazy';
    this.renderer = 'auto';
    this.dprCap = DEFAULT_DPR_CAP;
    this.ignoreReducedMotion = false;
    this.releaseAfter = RELEASE_AFTER_MS;
    this.switchAt = 'immediate';
  }

  /** The file on screen, once something is. */
  get currentSource(): CurrentSource | undefined {
    return this.#playback.source;
  }

  /**
   * The state machine's inputs with their current values, built-ins included (`clicked`,
   * `mouseOver`, `loopCount`, `nodeTime`: milliseconds at the pose, as of the last evaluation).
   * A fresh copy on every read; empty until a canvas has started.
   */
  get inputs(): Readonly<Partial<Record<InputName<M> | BuiltinInput, InputValue>>> {
    return (this.#playback.engine?.inputs?.() ?? {}) as Record<InputName<M> | BuiltinInput, InputValue>;
  }

  /** Resumes playback. */
  play(): void {
    this.#paused = false;
    this.#sync();
  }

  /** Pauses playback on the current frame. */
  pause(): void {
    this.#paused = true;
    this.#stage.pause();
  }

  /** Switches to `pose` (through a transition clip when the manifest has one); resolves when it is on screen. */
  goTo(pose: PoseName<M>): Promise<void> {
    const manifest = this.#manifest;
    if (manifest && !(pose in manifest.poses)) {
      const error = reasoned('unknown-pose', `has no pose "${pose}"; it has ${Object.keys(manifest.poses).join(', ')}`, pose);
      if (this.#playback.shown) this.pose = this.#playback.shown as PoseName<M>; // `pose` reflects what is on screen
      this.#playback.fail(error);
      return Promise.reject(error);
    }
    const done = this.#playback.wait(pose);
    if (this.#started) this.#playback.engine?.goTo(pose);
    else this.pose = pose; // the start will go there
    return done;
  }

  /** Sets a state-machine input (canvas manifests). */
  setInput(name: InputName<M> | BuiltinInput, value: InputValue): void {
    this.#playback.engine?.setInput(name, value);
  }

  /** Fires a state-machine trigger input (canvas manifests). */
  fire(trigger: InputName<M> | 'clicked'): void {
    this.#playback.engine?.fire(trigger);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('role')) this.setAttribute('role', 'img');
    for (const [type, handler] of this.#pointer) this.addEventListener(type, handler);
    this.#motion.addEventListener('change', this.#onMotion);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#motion.removeEventListener('change', this.#onMotion);
    for (const [type, handler] of this.#pointer) this.removeEventListener(type, handler);
    // The controllers release the media and the engine; a reconnect starts again at the pose shown.
    this.#started = false;
    clearTimeout(this.#away as number | undefined);
    this.#away = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('alt')) this.alt ? this.setAttribute('aria-label', this.alt) : this.removeAttribute('aria-label');
    if (changed.has('manifest') && this.manifest) this.#load(() => useManifest(this.manifest));
    else if (changed.has('src') && !this.manifest) this.#srcPending = !!this.src; // fetched once near (see #sync)
    if (changed.has('renderer') || changed.has('ignoreReducedMotion')) this.#restart();
  }

  /** The stage, built with the DOM rather than a lit-html template: no Trusted Types policy is needed. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    const stage = (this.#stage.stage = document.createElement('div'));
    stage.className = 'stage';
    stage.setAttribute('part', 'stage');
    stage.append(fallbackSlot(this)); // the page's light-DOM poster until the first frame (first paint)
    root.append(stage);
    return root;
  }

  protected override firstUpdated(): void {
    if (DEV && !this.alt && !this.hasAttribute('aria-label') && !this.hasAttribute('aria-hidden')) {
      warn('missing-alt', 'has no alt: screen readers announce an unnamed image. Set alt="…", or aria-hidden="true" if it is decorative.');
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const stage = this.#stage.stage!;
    const manifest = this.#manifest;
    // Reserve the layout from the manifest (CSSOM, so a strict CSP without 'unsafe-inline' allows it).
    if (manifest) stage.style.aspectRatio = String((manifest.poses[this.pose!] ?? manifest.poses[manifest.initial])?.aspect ?? 1);
    if (changed.has('pose') && this.pose && this.#started && this.pose !== this.#playback.shown) this.goTo(this.pose).catch(() => {});
    this.#sync();
  }

  /** Takes the manifest `get` gives (at once or later); only the latest call's result lands. */
  #load(get: (signal: AbortSignal) => MascotManifest | Promise<MascotManifest>): void {
    this.#fetch?.abort();
    const controller = (this.#fetch = new AbortController());
    const land = (manifest: MascotManifest): unknown => controller === this.#fetch && this.#use(manifest);
    const fail = (error: ReasonedError): unknown => controller.signal.aborted || this.#playback.fail(error);
    try {
      const result = get(controller.signal);
      if ('then' in result) result.then(land, fail);
      else land(result); // synchronous for typed manifests: the first render already knows the aspect ratio
    } catch (error) {
      fail(error as ReasonedError);
    }
  }

  #use(manifest: MascotManifest): void {
    this.#manifest = manifest;
    this.#started = false;
    this.#playback.stop();
    this.requestUpdate(); // updated() sets the aspect ratio and starts
  }

  /** Starts when there is a manifest and the element is allowed to load; plays or pauses. */
  #sync(): void {
    const allowed = this.loading === 'eager' || this.#visibility.near;
    if (this.#srcPending && allowed) {
      this.#srcPending = false;
      this.#load((signal) => loadManifest(this.src!, signal));
    }
    const manifest = this.#manifest;
    if (!manifest || !this.isConnected || !this.#stage.stage) return;
    let engine: EngineFactory | undefined;
    if (!this.#started && allowed && (engine = this.#engineFor(manifest))) {
      this.#started = true;
      let pose = this.pose ?? this.#playback.shown ?? manifest.initial;
      if (!(pose in manifest.poses)) {
        this.#playback.fail(reasoned('unknown-pose', `has no pose "${pose}"; showing "${manifest.initial}"`, pose));
        pose = manifest.initial;
      }
      const poster = this.#variant(manifest.poses[pose]!.poster);
      if (poster) this.#stage.placeholder(poster.url);
      this.#playback.start(manifest, pose, engine);
    }
    if (this.#visibility.active && !(this.#paused ?? !this.autoplay)) {
      // Only a refusal means autoplay is blocked; an AbortError is a load we interrupted.
      Promise.resolve(this.#stage.play()).catch((error: Error) => error.name === 'NotAllowedError' && this.#playback.blocked(error));
    } else this.#stage.pause();
    this.#keepMedia();
  }

  /**
   * Far off screen or hidden for `releaseAfter` ms: the pose's poster replaces its video (no decoder,
   * no buffers held, nothing moves); near again, the clip is loaded and swapped in seamlessly.
   */
  #keepMedia(): void {
    const away = this.#away;
    if (this.#visibility.close) {
      this.#away = undefined;
      if (away === true) this.#restart();
      else clearTimeout(away);
    } else if (away === undefined && this.#started) {
      this.#away = setTimeout(() => {
        this.#away = true;
        const { shown, command } = this.#playback;
        if (shown && command?.type !== 'play-transition') this.#playback.execute({ type: 'hold', pose: shown });
      }, this.releaseAfter);
    }
  }

  /** The engine for `manifest`; undefined while the state machine chunk loads (then syncs again). */
  #engineFor(manifest: MascotManifest): EngineFactory | undefined {
    if (MaskoMascot.engine || !isCanvas(manifest)) return MaskoMascot.engine ?? createRouter;
    if (machineEngine) return machineEngine;
    machine ??= import('./state-machine.js').then(
      (module) => (machineEngine = module.stateMachineEngine),
      (error: Error) => {
        machine = undefined; // a later start tries again
        throw reasoned('manifest-fetch', `could not load the state machine chunk: ${error.message}`);
      },
    );
    machine.then(
      () => manifest === this.#manifest && this.#sync(),
      (error: ReasonedError) => manifest === this.#manifest && this.#playback.fail(error),
    );
    return undefined;
  }

  /** Reduced motion (unless the page opted out) shows the still image. */
  #stillOnly(): boolean {
    return this.#motion.matches && !this.ignoreReducedMotion;
  }

  #variant(list: Variant[] | undefined): Variant | undefined {
    const source = this.#playback.source;
    const atLeast = source?.format !== 'image' ? source?.width : 0;
    return chooseVariant(list, this.#size.measure(), devicePixelRatio, { dprCap: this.dprCap, atLeast });
  }

  /** Replays the pose on screen in the format the settings now give (renderer, reduced motion). */
  #restart(): void {
    if (!this.#started) return;
    this.#playback.source = undefined; // a new format may need a smaller file
    this.#playback.replay();
  }

  /** A wider box may deserve a bigger file: swap it in seamlessly, never a smaller one. */
  #upgrade(): void {
    const { source, shown } = this.#playback;
    const pose = shown && this.#manifest?.poses[shown];
    if (!source || !pose) return;
    const next = this.#variant(source.format === 'image' ? pose.poster : (pose.media as Media)[source.format]);
    if (next && next.width > source.width) this.#playback.replay();
  }
}
