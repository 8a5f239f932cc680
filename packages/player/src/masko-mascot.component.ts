import { type PropertyValues, ReactiveElement } from '@lit/reactive-element';
import type { InputName, MascotManifest, PoseName } from 'masko-manifest';
import { PlaybackController } from './controllers/playback-controller.js';
import { StageController, type SwitchAt } from './controllers/stage-controller.js';
import { VisibilityController } from './controllers/visibility-controller.js';
import { type BuiltinInput, type InputValue, PRELOAD_BUDGET, RELEASE_AFTER_MS } from './defaults.js';
import type { EngineFactory } from './engines/router.js';
import type { Deferred } from './features/deferred.js';
import { engineFor } from './features/engine-loading.js';
import { fallbackSlot } from './features/fallback.js';
import { ManifestLoader } from './features/manifest-loading.js';
import { pointerInput } from './features/pointer-input.js';
import { type CurrentSource, SourceChoice } from './features/source-choice.js';
import type { RendererOverride } from './format.js';
import { DEFAULT_DPR_CAP } from './size.js';
import { styles } from './styles.js';
import { warnUnnamed } from './warn.js';

export type { BuiltinInput, CurrentSource, InputValue, SwitchAt };
export { PRELOAD_BUDGET, RELEASE_AFTER_MS };

/**
 * @summary Plays a Masko mascot with transparency in every browser and switches poses by name.
 *
 * This file declares the public surface and wires the features, each a module in `features/`
 * (manifest and engine loading, source choice, release after time away, preloading, hit-testing).
 *
 * @event masko-load - The first pose is on screen. `detail.format` says which path plays it.
 * @event masko-error - Something failed; `detail.reason` says what (`media-http`: a clip's URL answered an HTTP error or a page). The current pose stays.
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
  /** Overrides the pose engine for every manifest (by default: the state machine for canvases, loaded on demand, else the router). */
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
    preloadBudget: { type: Number, attribute: 'preload-budget' },
    hitBox: { type: Boolean, attribute: 'hit-box' },
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
  /** Milliseconds far off screen (or hidden) before the video is released for the poster. Default 15 000. */
  declare releaseAfter: number;
  /** When a loop on screen gives way: `immediate` (default), or `wrap` as it wraps (clips that join on a shared frame; up to a loop of latency). */
  declare switchAt: SwitchAt;
  /** Bytes fetched ahead per pose on screen for the clips that can come next. Default 2 000 000; 0: none (none on Save-Data either). */
  declare preloadBudget: number;
  /** Take pointer input (`clicked`, `mouseOver`) anywhere in the box; by default only the character's opaque pixels do, and the rest reaches the page beneath. */
  declare hitBox: boolean;

  #manifest?: MascotManifest;
  #started = false;
  /** Set by `play()` / `pause()`; until then `autoplay` decides. */
  #paused?: boolean;
  /** Aborted when the element leaves the page: its listeners go with it. */
  #connected?: AbortController;
  #visibility = new VisibilityController(this, { onChange: () => this.#sync() });
  /** The rendered width: read on demand until the deferred features' ResizeObserver keeps `width` current. */
  #size = { width: 0, measure: (): number => this.#size.width || this.getBoundingClientRect().width };
  #source = new SourceChoice(this, this.#size, () => this.#playback.source);
  #stage: StageController = new StageController(
    this,
    {
      ended: () => this.#playback.ended(),
      looped: () => this.#playback.looped(),
      presented: () => this.#presented(),
    },
    () => this.switchAt,
  );
  #playback: PlaybackController = new PlaybackController(this, {
    stage: this.#stage,
    source: this.#source,
    arrived: (pose) => (this.pose = pose as PoseName<M>),
    shown: (command) => this.#later?.ahead(command),
  });
  #loader = new ManifestLoader(
    (manifest) => this.#use(manifest),
    (error) => this.#playback.fail(error),
  );
  /** The deferred features, loaded once the first frame is on screen (see #presented). */
  #deferred?: Promise<unknown>;
  #later?: Deferred;

  constructor() {
    super();
    this.autoplay = true;
    this.loading = 'lazy';
    this.renderer = 'auto';
    this.dprCap = DEFAULT_DPR_CAP;
    this.ignoreReducedMotion = false;
    this.releaseAfter = RELEASE_AFTER_MS;
    this.switchAt = 'immediate';
    this.preloadBudget = PRELOAD_BUDGET;
    this.hitBox = false;
  }

  /** The file on screen, once something is. */
  get currentSource(): CurrentSource | undefined {
    return this.#playback.source;
  }

  /** The canvas inputs with their values, built-ins included (`nodeTime`: ms at the pose); a fresh copy, `{}` until a canvas runs. */
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
    const poses = this.#manifest?.poses;
    if (poses && !(pose in poses)) return this.#playback.refuse(pose, Object.keys(poses));
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
    const { signal } = (this.#connected = new AbortController());
    // Pointer input (`clicked`, `mouseOver`) over the character's opaque pixels, or anywhere with `hit-box`.
    pointerInput(
      this,
      () => this.#playback.engine,
      (event) => this.hitBox || !this.#later || this.#later.hit.over(event),
      signal,
    );
    this.#source.watchMotion(() => this.#restart(), signal);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#connected?.abort();
    // The controllers release the media and the engine; a reconnect starts again at the pose shown.
    this.#started = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('alt')) this.alt ? this.setAttribute('aria-label', this.alt) : this.removeAttribute('aria-label');
    if (changed.has('manifest') && this.manifest) this.#loader.useObject(this.manifest);
    else if (changed.has('src') && !this.manifest) this.#loader.useSrc(this.src); // fetched once near (see #sync)
    if (changed.has('renderer') || changed.has('ignoreReducedMotion')) this.#restart();
  }

  /** The stage, built with the DOM rather than a lit-html template: no Trusted Types policy is needed. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    this.#stage.mount(root, fallbackSlot(this)); // the page's light-DOM poster until the first frame (first paint)
    return root;
  }

  protected override firstUpdated(): void {
    if (globalThis.MASKO_DEV !== false) warnUnnamed(this);
  }

  protected override updated(changed: PropertyValues<this>): void {
    const stage = this.#stage.stage!;
    const manifest = this.#manifest;
    // Reserve the layout from the manifest (CSSOM, so a strict CSP without 'unsafe-inline' allows it).
    if (manifest) stage.style.aspectRatio = String((manifest.poses[this.pose!] ?? manifest.poses[manifest.initial])?.aspect ?? 1);
    if (changed.has('pose') && this.pose && this.#started && this.pose !== this.#playback.shown) this.goTo(this.pose).catch(() => {});
    this.#sync();
  }

  /** A picture was revealed; the first is the element's first frame: the one hook for what waits for it (deferred features, a fallback). */
  #presented(): void {
    // Without the deferred features the whole box takes input and nothing is fetched ahead.
    this.#deferred ??= import('./features/deferred.js').then(
      ({ attach }) => {
        this.#later = attach({
          host: this,
          stage: this.#stage,
          playback: this.#playback,
          source: this.#source,
          size: this.#size,
          visibility: this.#visibility,
          manifest: () => this.#manifest,
          restore: () => this.#restart(),
        });
        this.#later.ahead(this.#playback.command); // from what is on screen now
        this.#sync(); // starts the release countdown of an element already away
      },
      () => {},
    );
  }

  #use(manifest: MascotManifest): void {
    this.#manifest = manifest;
    this.#started = false;
    this.#playback.stop();
    this.#later?.preload.stop();
    this.requestUpdate(); // updated() sets the aspect ratio and starts
  }

  /** Starts when there is a manifest and the element is allowed to load; plays or pauses. */
  #sync(): void {
    const allowed = this.loading === 'eager' || this.#visibility.near;
    if (allowed) this.#loader.allow();
    const manifest = this.#manifest;
    if (!manifest || !this.isConnected || !this.#stage.stage) return;
    let engine: EngineFactory | undefined;
    if (!this.#started && allowed) {
      engine = engineFor(
        manifest,
        MaskoMascot.engine,
        () => manifest === this.#manifest && this.#sync(),
        (error) => manifest === this.#manifest && this.#playback.fail(error),
      );
    }
    if (engine) {
      this.#started = true;
      const pose = this.#playback.start(manifest, this.pose ?? this.#playback.shown ?? manifest.initial, engine);
      const poster = this.#source.variant(manifest.poses[pose]!.poster);
      if (poster) this.#stage.placeholder(poster.url); // until the first clip has a frame
    }
    if (this.#visibility.active && !(this.#paused ?? !this.autoplay)) {
      // Only a refusal means autoplay is blocked; an AbortError is a load we interrupted.
      Promise.resolve(this.#stage.play()).catch((error: Error) => error.name === 'NotAllowedError' && this.#playback.blocked(error));
    } else this.#stage.pause();
    this.#later?.sync(this.#started);
  }

  /** Replays the pose on screen in the format the settings now give (renderer, reduced motion). */
  #restart(): void {
    if (!this.#started) return;
    this.#playback.source = undefined; // a new format may need a smaller file
    this.#playback.replay();
  }
}
