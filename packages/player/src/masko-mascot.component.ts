import { html, LitElement, type PropertyValues } from 'lit';
import type { MascotManifest, Media, Variant } from 'masko-manifest';
import { formatFor } from './capabilities.js';
import { createRouter, type Command, type EngineFactory, type PoseEngine } from './controllers/router.js';
import { SizeController } from './controllers/size-controller.js';
import { StageController } from './controllers/stage-controller.js';
import { VisibilityController } from './controllers/visibility-controller.js';
import { emit, type MaskoErrorReason } from './events.js';
import type { RenderFormat, RendererOverride } from './format.js';
import { loadManifest, reasoned, useManifest, type ReasonedError } from './manifest-source.js';
import { chooseVariant, DEFAULT_DPR_CAP } from './size.js';
import { styles } from './styles.js';
import { DEV, warn } from './warn.js';

/** The file on screen. */
export interface CurrentSource {
  format: RenderFormat;
  url: string;
  width: number;
  height: number;
}

interface Waiter { pose: string; resolve(): void; reject(error: unknown): void }

const isAbort = (error: unknown): boolean => (error as Error)?.name === 'AbortError';

/**
 * @summary Plays a Masko mascot with transparency in every browser and switches poses by name.
 *
 * @event masko-load - The first picture is on screen. `detail.format` says which path plays it.
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
  #engine?: PoseEngine;
  #started = false;
  #shown?: string;
  #source?: CurrentSource;
  #command?: Command;
  #run = 0;
  #paused = false;
  #waiters: Waiter[] = [];
  #fetch?: AbortController;
  #motion = matchMedia('(prefers-reduced-motion: reduce)');
  #onMotion = (): void => this.#restart();
  /** Pointer input for state machines (the canvas built-ins `clicked` and `mouseOver`). */
  #pointer = [
    ['click', () => this.#engine?.click?.()],
    ['pointerenter', () => this.#engine?.hover?.(true)],
    ['pointerleave', () => this.#engine?.hover?.(false)],
  ] as const;

  #visibility = new VisibilityController(this, { onChange: () => this.#sync() });
  #size = new SizeController(this, () => this.#upgrade());
  #stage = new StageController(this, {
    ended: () => this.#clipEnded(),
    looped: () => {
      if (this.#command?.type !== 'play-loop') return;
      emit(this, 'masko-loop', { pose: this.#command.pose });
      this.#engine?.loopCompleted();
    },
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
    return this.#source;
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
      if (this.#shown) this.pose = this.#shown; // `pose` reflects what is on screen
      this.#fail(error);
      return Promise.reject(error);
    }
    const done = new Promise<void>((resolve, reject) => {
      for (const waiter of this.#waiters.splice(0)) waiter.pose === pose ? this.#waiters.push(waiter) : waiter.reject(new DOMException(`goTo("${waiter.pose}") was superseded by goTo("${pose}")`, 'AbortError'));
      this.#waiters.push({ pose, resolve, reject });
    });
    if (!this.#started) this.pose = pose;
    else this.#engine!.goTo(pose);
    if (this.#started && pose === this.#shown && this.#command?.type !== 'play-transition') this.#settle(pose);
    return done;
  }

  /** Sets a state-machine input (canvas manifests). */
  setInput(name: string, value: boolean | number): void {
    this.#engine?.setInput(name, value);
  }

  /** Fires a state-machine trigger input (canvas manifests). */
  fire(trigger: string): void {
    this.#engine?.fire(trigger);
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
    // The stage controller releases the media; a reconnect starts again at the pose shown.
    this.#engine?.dispose?.();
    this.#engine = undefined;
    this.#started = false;
    this.#run++;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('alt')) this.alt ? this.setAttribute('aria-label', this.alt) : this.removeAttribute('aria-label');
    if (changed.has('manifest') && this.manifest) this.#load(() => useManifest(this.manifest));
    else if (changed.has('src') && !this.manifest && this.src) this.#load((signal) => loadManifest(this.src!, signal));
    if (changed.has('renderer') || changed.has('ignoreReducedMotion')) this.#restart();
  }

  protected override render(): unknown {
    return html`<div class="stage" part="stage"></div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const stage = (this.#stage.stage ??= this.renderRoot.querySelector<HTMLElement>('.stage')!);
    const manifest = this.#manifest;
    // Reserve the layout from the manifest (CSSOM, so a strict CSP without 'unsafe-inline' allows it).
    if (manifest) stage.style.aspectRatio = String((manifest.poses[this.pose!] ?? manifest.poses[manifest.initial])?.aspect ?? 1);
    if (changed.has('pose') && this.pose && this.#started && this.pose !== this.#shown) this.goTo(this.pose).catch(() => {});
    this.#sync();
  }

  /** Takes the manifest `get` gives (at once or later); only the latest call's result lands. */
  #load(get: (signal: AbortSignal) => MascotManifest | Promise<MascotManifest>): void {
    this.#fetch?.abort();
    const controller = (this.#fetch = new AbortController());
    const land = (manifest: MascotManifest): unknown => controller === this.#fetch && this.#use(manifest);
    const fail = (error: ReasonedError): unknown => controller.signal.aborted || this.#fail(error);
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
    this.#run++;
    this.requestUpdate(); // updated() sets the aspect ratio and starts
  }

  /** Starts when there is a manifest and the element is allowed to load; plays or pauses. */
  #sync(): void {
    const manifest = this.#manifest;
    if (!manifest || !this.isConnected || !this.#stage.stage) return;
    if (!this.#started && (this.loading === 'eager' || this.#visibility.near)) {
      this.#started = true;
      let pose = this.pose ?? this.#shown ?? manifest.initial;
      if (!(pose in manifest.poses)) {
        this.#fail(reasoned('unknown-pose', `has no pose "${pose}"; showing "${manifest.initial}"`, pose));
        pose = manifest.initial;
      }
      const poster = this.#variant(manifest.poses[pose]!.poster);
      if (poster) this.#stage.placeholder(poster.url);
      // A fresh engine per start (engines start once): after a new manifest or a reconnect.
      this.#engine?.dispose?.();
      this.#engine = MaskoMascot.engine(manifest, (command) => this.#execute(command));
      this.#engine.start(pose);
    }
    if (this.#visibility.active && !this.#paused && this.autoplay) {
      Promise.resolve(this.#stage.play()).catch((error: Error) => this.#blocked(error));
    } else this.#stage.pause();
  }

  /** Plays what the engine asks for. Only the latest command's outcome lands. */
  async #execute(command: Command): Promise<void> {
    const run = ++this.#run;
    const previous = this.#command;
    this.#command = command;
    const transition = command.type === 'play-transition' ? command.transition : undefined;
    const target = transition ? transition.to : (command as { pose: string }).pose;
    const pose = this.#manifest!.poses[target]!;
    const format = command.type === 'hold' || this.#stillOnly() ? 'image' : formatFor((transition?.media ?? pose.media) as Media, this.renderer);
    if (transition && format === 'image') return this.#engine?.clipEnded(); // no clip to play here: cut
    const variant = this.#variant(format === 'image' ? pose.poster : (transition?.media ?? pose.media)[format]);
    if (!variant) return this.#fail(reasoned('media', `pose "${target}" has no ${format} file`, target), run);
    try {
      await this.#stage.show(format, { url: variant.url, loop: !transition && pose.loop, speed: (command as { speed?: number }).speed ?? transition?.speed });
    } catch (error) {
      if (run !== this.#run || isAbort(error)) return;
      if ((error as Error).name === 'NotAllowedError') return this.#blocked(error as Error, run);
      this.#command = previous;
      const message = `could not play ${variant.url}: ${(error as Error).message || 'unsupported media'}`;
      return this.#fail(reasoned('media', message, variant.url), run);
    }
    if (run !== this.#run) return;
    this.#source = { format, url: variant.url, width: variant.width, height: variant.height };
    if (command.type === 'play-transition') emit(this, 'masko-transition-start', { from: this.#from(command), to: target });
    else this.#arrived(target, format);
    this.#sync();
  }

  #arrived(pose: string, format: RenderFormat): void {
    const from = this.#shown;
    this.#shown = this.pose = pose;
    if (from === undefined) emit(this, 'masko-load', { format });
    if (from !== pose) emit(this, 'masko-pose-change', { from, to: pose });
    this.#settle(pose);
  }

  /** Where a transition starts: the engine says (any-state edges have `from: '*'`), else the pose shown. */
  #from(command: Command & { type: 'play-transition' }): string {
    return command.from ?? this.#shown ?? command.transition.from;
  }

  #settle(pose: string): void {
    this.#waiters = this.#waiters.filter((waiter) => waiter.pose !== pose || void waiter.resolve());
  }

  #clipEnded(): void {
    const command = this.#command;
    if (command?.type !== 'play-transition') return;
    emit(this, 'masko-transition-end', { from: this.#from(command), to: command.transition.to });
    this.#engine?.clipEnded();
  }

  /** The browser refused to play (autoplay policy, Low Power Mode): show the poster instead. */
  #blocked(error: Error, run = this.#run): void {
    const pose = this.#shown ?? (this.#command as { pose?: string })?.pose ?? this.#manifest?.initial;
    DEV && warn('autoplay-blocked', `could not autoplay (${error.name}); showing the poster.`);
    this.#fail(reasoned('autoplay-blocked', `the browser refused to play: ${error.message}`), run);
    if (pose) this.#execute({ type: 'hold', pose });
  }

  #fail(error: ReasonedError, run = this.#run): void {
    if (run !== this.#run) return;
    // The engine moved on in its head; put it back on the pose that is really on screen.
    if (this.#shown && error.reason !== 'autoplay-blocked') this.#engine?.reset?.(this.#shown);
    const reason: MaskoErrorReason = error.reason ?? 'media';
    for (const waiter of this.#waiters.splice(0)) waiter.reject(error);
    DEV && warn(reason, error.message);
    emit(this, 'masko-error', { reason, message: error.message, target: error.target });
  }

  /** Reduced motion (unless the page opted out) shows the still image. */
  #stillOnly(): boolean {
    return this.#motion.matches && !this.ignoreReducedMotion;
  }

  #variant(list: Variant[] | undefined): Variant | undefined {
    const atLeast = this.#source?.format !== 'image' ? this.#source?.width : 0;
    return chooseVariant(list, this.#size.measure(), devicePixelRatio, { dprCap: this.dprCap, atLeast });
  }

  /** Replays the pose on screen (format or motion preference changed). */
  #restart(): void {
    if (this.#started && this.#shown && this.#command?.type !== 'play-transition') {
      this.#source = undefined;
      this.#replay();
    }
  }

  /** A wider box may deserve a bigger file: swap it in seamlessly, never a smaller one. */
  #upgrade(): void {
    const source = this.#source;
    const pose = this.#shown && this.#manifest?.poses[this.#shown];
    if (!source || !pose || this.#command?.type === 'play-transition') return;
    const next = this.#variant(source.format === 'image' ? pose.poster : (pose.media as Media)[source.format]);
    if (next && next.width > source.width) this.#replay();
  }

  /** Shows the pose on screen again in a new file; the engine is not involved (same pose). */
  #replay(): void {
    const pose = this.#shown!;
    this.#execute(this.#manifest!.poses[pose]!.loop ? { type: 'play-loop', pose } : { type: 'hold', pose });
  }
}

