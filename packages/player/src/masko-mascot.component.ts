import { html, LitElement, type PropertyValues } from 'lit';
import type { MascotManifest, Media, Variant } from 'masko-manifest';
import { formatFor } from './capabilities.js';
import { PlaybackController, type CurrentSource } from './controllers/playback-controller.js';
import { createRouter, type EngineFactory } from './controllers/router.js';
import { SizeController } from './controllers/size-controller.js';
import { StageController } from './controllers/stage-controller.js';
import { VisibilityController } from './controllers/visibility-controller.js';
import type { RendererOverride } from './format.js';
import { loadManifest, reasoned, useManifest, type ReasonedError } from './manifest-source.js';
import { chooseVariant, DEFAULT_DPR_CAP } from './size.js';
import { styles } from './styles.js';
import { DEV, warn } from './warn.js';

export type { CurrentSource };

/**
 * @summary Plays a Masko mascot with transparency in every browser and switches poses by name.
 *
 * @event masko-load - The first pose is on screen. `detail.format` says which path plays it.
 * @event masko-error - Something failed; `detail.reason` says what. The current pose stays.
 * @event masko-pose-change - A pose is on screen: `detail.from`, `detail.to`.
 * @event masko-transition-start - A transition clip is on screen: `detail.from`, `detail.to`.
 * @event masko-transition-end - A transition clip ended: `detail.from`, `detail.to`.
 * @event masko-loop - The pose's loop wrapped around: `detail.pose`.
 *
 * @csspart media - The `<video>`, `<canvas>` or `<img>` on screen.
 * @csspart stage - The box the media layers are stacked in.
 * @cssprop [--masko-object-fit=contain] - How the media fits the element's box.
 */
export class MaskoMascot extends LitElement {
  static override styles = styles;
  /**
   * Builds the pose engine for each manifest. The default routes pose → transition clip → pose;
   * assign the canvas state machine's factory to run Masko canvases (inputs, conditions).
   */
  static engine: EngineFactory = createRouter;
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
  };

  /** URL of a manifest JSON or a Masko canvas export. */
  declare src: string | undefined;
  /** The manifest itself (wins over `src`). */
  declare manifest: MascotManifest | undefined;
  /** The pose on screen; set it to switch poses (as `goTo()` does). */
  declare pose: string | undefined;
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

  #manifest?: MascotManifest;
  #started = false;
  /** Set by `play()` / `pause()`; until then `autoplay` decides. */
  #paused?: boolean;
  #fetch?: AbortController;
  /** `src` changed and is not fetched yet (lazy: nothing loads until the element is near). */
  #srcPending = false;
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
  #stage: StageController = new StageController(this, { ended: () => this.#playback.ended(), looped: () => this.#playback.looped() });
  #playback = new PlaybackController(this, {
    stage: this.#stage,
    pick: (media, poster, hold) => {
      const format = hold || this.#stillOnly() ? 'image' : formatFor(media, this.renderer);
      return { format, variant: this.#variant(format === 'image' ? poster : media[format]) };
    },
    arrived: (pose) => (this.pose = pose),
  });

  constructor() {
    super();
    this.autoplay = true;
    this.loading = 'lazy';
    this.renderer = 'auto';
    this.dprCap = DEFAULT_DPR_CAP;
    this.ignoreReducedMotion = false;
  }

  /** The file on screen, once something is. */
  get currentSource(): CurrentSource | undefined {
    return this.#playback.source;
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
  goTo(pose: string): Promise<void> {
    const manifest = this.#manifest;
    if (manifest && !(pose in manifest.poses)) {
      const error = reasoned('unknown-pose', `has no pose "${pose}"; it has ${Object.keys(manifest.poses).join(', ')}`, pose);
      if (this.#playback.shown) this.pose = this.#playback.shown; // `pose` reflects what is on screen
      this.#playback.fail(error);
      return Promise.reject(error);
    }
    const done = this.#playback.wait(pose);
    if (this.#started) this.#playback.engine?.goTo(pose);
    else this.pose = pose; // the start will go there
    return done;
  }

  /** Sets a state-machine input (canvas manifests). */
  setInput(name: string, value: boolean | number): void {
    this.#playback.engine?.setInput(name, value);
  }

  /** Fires a state-machine trigger input (canvas manifests). */
  fire(trigger: string): void {
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
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('alt')) this.alt ? this.setAttribute('aria-label', this.alt) : this.removeAttribute('aria-label');
    if (changed.has('manifest') && this.manifest) this.#load(() => useManifest(this.manifest));
    else if (changed.has('src') && !this.manifest) this.#srcPending = !!this.src; // fetched once near (see #sync)
    if (changed.has('renderer') || changed.has('ignoreReducedMotion')) this.#restart();
  }

  protected override render(): unknown {
    return html`<div class="stage" part="stage"></div>`;
  }

  protected override firstUpdated(): void {
    if (DEV && !this.alt && !this.hasAttribute('aria-label') && !this.hasAttribute('aria-hidden')) {
      warn('missing-alt', 'has no alt: screen readers announce an unnamed image. Set alt="…", or aria-hidden="true" if it is decorative.');
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const stage = (this.#stage.stage ??= this.renderRoot.querySelector<HTMLElement>('.stage')!);
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
    if (!this.#started && allowed) {
      this.#started = true;
      let pose = this.pose ?? this.#playback.shown ?? manifest.initial;
      if (!(pose in manifest.poses)) {
        this.#playback.fail(reasoned('unknown-pose', `has no pose "${pose}"; showing "${manifest.initial}"`, pose));
        pose = manifest.initial;
      }
      const poster = this.#variant(manifest.poses[pose]!.poster);
      if (poster) this.#stage.placeholder(poster.url);
      this.#playback.start(manifest, pose, MaskoMascot.engine);
    }
    if (this.#visibility.active && !(this.#paused ?? !this.autoplay)) {
      // Only a refusal means autoplay is blocked; an AbortError is a load we interrupted.
      Promise.resolve(this.#stage.play()).catch((error: Error) => error.name === 'NotAllowedError' && this.#playback.blocked(error));
    } else this.#stage.pause();
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
