import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { loadStacked, stackedLayer, stackedLoaded, stackedReady } from '../features/stacked-loading.js';
import { detectEngine, type RenderFormat } from '../format.js';
import { imageLayer } from '../renderers/image-layer.js';
import { abortError, type Clip, type Layer, type LayerEvents, type LayerKind, whenAborted } from '../renderers/layer.js';
import { videoLayer } from '../renderers/video-layer.js';

/** What the stage reports: the clip on screen ended or wrapped; a new picture was revealed. */
export interface StageEvents extends LayerEvents {
  /** A slot was revealed (its first frame is on screen); the old one is paused. */
  presented(): void;
}

/** When a loop on screen gives way to the next clip: at once, or as it wraps around. */
export type SwitchAt = 'immediate' | 'wrap';

const kindOf = (format: RenderFormat | LayerKind): LayerKind => (format === 'image' || format === 'stacked' ? format : 'video');
let gstreamer: boolean | undefined;
const gst = (): boolean => (gstreamer ??= detectEngine(navigator).engine === 'webkit');
/**
 * WebKit off Apple (WebKitGTK, WPE: GStreamer) loops a `<video>` with a flushing seek, and the page
 * shows through for a frame at some wraps. There a looping video clip plays without `loop`, and at
 * its end the other video slot, holding the same clip paused on its decoded first frame, takes over.
 */
const handsOff = (kind: LayerKind, clip?: Clip): boolean => !!clip?.loop && kind === 'video' && gst();
/** The clip as a slot plays it: a loop that hands off plays once. */
const played = (kind: LayerKind, clip: Clip): Clip => (handsOff(kind, clip) ? { ...clip, loop: false } : clip);
const create = (kind: LayerKind, events: LayerEvents): Layer =>
  kind === 'image' ? imageLayer() : kind === 'stacked' ? stackedLayer(events) : videoLayer(events);
const sameClip = (a: Clip | undefined, b: Clip): boolean => a?.url === b.url && a.loop === b.loop && (a.speed ?? 1) === (b.speed ?? 1);
/** Plays `layer`; a refusal shows up on the next sync. */
const start = (layer?: Layer): unknown => layer && Promise.resolve(layer.play()).catch(() => {});
/** Two animation frames: the frame that revealed the new slot has been produced. */
const afterPresent = (fn: (value?: unknown) => void): number => requestAnimationFrame(() => requestAnimationFrame(fn));

/**
 * The A/B stage, after Masko's playback rules: two **persistent** slots per kind of media, reused
 * for every clip. `show()` loads the next clip into the idle slot (hidden) while the visible one
 * keeps playing, and swaps once, without a crossfade, only when the candidate's first frame has
 * been presented, at the moment `switchAt()` allows (`immediate`, or as the loop on screen wraps,
 * told by the media's own events). The old slot is paused, and its media dropped only after the
 * new one has been presented. Every step is guarded by the request number and the slot's
 * version, so stale work (a superseded load, a late frame callback) can never swap or clear a
 * slot that was given other work meanwhile. `prepare()` decodes a likely next clip in the idle
 * slot ahead of time: showing it is then a swap in the same task.
 */
export class StageController implements ReactiveController {
  /** The element the slots go in, once mounted. */
  stage?: HTMLElement;
  /** Every slot this element has made: at most two per kind, kept for the element's life. */
  readonly slots: Layer[] = [];
  #shown?: Layer;
  #clip?: Clip;
  #pending?: AbortController;
  #request = 0;
  #paused = false;
  /** The loop on screen ended (see {@link handsOff}) and its last frame holds, for the pending show or the loop's copy. */
  #held = false;
  /** Cues the slot waiting for the loop on screen to wrap. */
  #cue?: () => void;
  /** The work each slot is doing, aborted when the slot is given other work. */
  #work = new Map<Layer, AbortController>();

  constructor(
    host: ReactiveControllerHost,
    private readonly events: StageEvents,
    private readonly switchAt: () => SwitchAt = () => 'immediate',
  ) {
    host.addController(this);
  }

  /** Builds the stage (`part="stage"`, the slots' grid) in `root`, with `under` beneath the slots. */
  mount(root: HTMLElement | DocumentFragment, under: Node): void {
    const stage = (this.stage = document.createElement('div'));
    stage.className = 'stage';
    stage.setAttribute('part', 'stage');
    stage.append(under);
    root.append(stage);
  }

  /** The slot on screen. */
  get shown(): Layer | undefined {
    return this.#shown;
  }

  /** Shows `clip` in `format`; resolves when it is on screen. A newer `show()` aborts this one. */
  async show(format: RenderFormat | LayerKind, clip: Clip): Promise<void> {
    this.#pending?.abort();
    const kind = kindOf(format);
    const shown = this.#shown;
    if (shown?.kind === kind && clip.loop && sameClip(this.#clip, clip)) return; // already looping on screen
    const pending = (this.#pending = new AbortController());
    const request = ++this.#request;
    if (kind === 'stacked' && !stackedLoaded()) {
      await loadStacked(); // the stacked renderer is a chunk, fetched on the first stacked clip
      if (pending.signal.aborted) throw abortError();
    }
    const layer = this.#idle(kind, clip)!; // one is always free: the work it held was just superseded
    const version = this.#claim(layer, pending);
    const atWrap = (): boolean => !!this.#clip?.loop && shown?.kind !== 'image' && !this.#paused && !this.#held && this.switchAt() === 'wrap';
    // A primed slot only takes the clip's loop and rate. A clip waiting for the wrap is prepared:
    // paused on its first frame without a seek (Firefox shows nothing while a seek is under way, and
    // WebKitGTK often never finishes a seek of a video just paused). Anything else loads and plays.
    const prepared = layer.primed(clip) || atWrap();
    try {
      // GStreamer stalls a WebM clip loaded within a frame or two of a switch (engines.ts in the tests).
      if (kind === 'video' && gst()) await new Promise(afterPresent);
      await (prepared ? layer.prepare : layer.load)(played(kind, clip), pending.signal);
      if (atWrap()) {
        // The loop on screen reports its wrap through its media events; pausing cues at once.
        await new Promise<void>((resolve, reject) => {
          this.#cue = resolve;
          whenAborted(pending.signal, reject);
        });
        start(layer);
        await layer.ready?.(pending.signal);
      }
      if (pending.signal.aborted || request !== this.#request || version !== layer.version) throw abortError();
    } catch (error) {
      if (version === layer.version && layer !== this.#shown) layer.release(); // unless reused meanwhile
      throw error;
    } finally {
      this.#cue = undefined;
    }
    this.#pending = undefined;
    this.#swap(layer, clip);
    if (prepared && !this.#paused) start(layer);
    if (handsOff(kind, clip)) void this.prepare(kind, clip);
  }

  /**
   * Decodes `clip` in the idle slot of its kind, paused on its first frame, so that a later
   * `show()` of it is a swap. Does nothing while a `show()` is under way (it owns the idle slot).
   */
  async prepare(format: RenderFormat | LayerKind, clip: Clip): Promise<void> {
    // Not before the picture just revealed has been presented: the idle slot may be the one that
    // showed until then, and loading a clip into it would take the main thread in the switch's frame.
    await new Promise(afterPresent);
    if (kindOf(format) === 'stacked' && !(await stackedReady())) return; // the renderer's chunk (failed to load: no preload)
    const shown = this.#shown;
    if (this.#pending || !shown || shown.kind === 'image') return; // no video work while a still shows
    if (handsOff(shown.kind, this.#clip) && !sameClip(this.#clip, clip)) return; // the idle slot is the loop's copy
    const kind = kindOf(format);
    const layer = this.#idle(kind, clip);
    if (!layer || layer.primed(clip)) return;
    const work = new AbortController();
    const version = this.#claim(layer, work);
    try {
      await layer.prepare(played(kind, clip), work.signal);
      if (this.#held && !this.#pending) this.#wrapped(); // the loop on screen waits for this copy
    } catch {
      if (version === layer.version) layer.release(); // a clip that fails now fails again when shown
    }
  }

  /**
   * Shows a still (the poster) while the first clip loads, if nothing is on screen yet.
   * Never aborts the pending clip, and is dropped if that clip wins the race.
   */
  async placeholder(url: string): Promise<void> {
    if (this.#shown) return;
    const clip = { url, loop: false };
    const layer = this.#idle('image', clip);
    if (!layer) return; // both image slots busy: the clip's own still is on its way
    const work = new AbortController();
    const version = this.#claim(layer, work);
    try {
      await layer.load(clip, work.signal);
    } catch {
      return; // No poster: the clip will show when it can.
    }
    if (!this.#shown && version === layer.version) this.#swap(layer, clip);
  }

  play(): Promise<void> | void {
    this.#paused = false;
    if (!this.#held) return this.#shown?.play(); // a held loop goes on with its copy
  }

  pause(): void {
    this.#paused = true;
    this.#shown?.pause();
    this.#cue?.(); // a paused loop never wraps: cut now
  }

  /** Drops every slot's media and takes the slots out of the stage (the element left the page). */
  release(): void {
    this.#pending?.abort();
    this.#pending = undefined;
    for (const layer of this.slots) this.#detach(layer);
    this.#shown = this.#clip = undefined;
  }

  hostDisconnected(): void {
    this.release();
  }

  /** Gives `layer` new work: what it was doing is aborted; returns its new version. */
  #claim(layer: Layer, work: AbortController): number {
    this.#work.get(layer)?.abort();
    this.#work.set(layer, work);
    return ++layer.version;
  }

  /**
   * The slot of `kind` to load into: not the one on screen nor one a pending `show()` is loading,
   * preferably one primed with `clip`; made on first need (two per kind at most, else undefined).
   */
  #idle(kind: LayerKind, clip: Clip): Layer | undefined {
    const mine = this.slots.filter((layer) => layer.kind === kind);
    const free = mine.filter((layer) => layer !== this.#shown && !(this.#pending && this.#work.get(layer) === this.#pending));
    let layer = free.find((l) => l.primed(clip)) ?? free[0];
    if (!layer) {
      if (mine.length >= 2) return undefined;
      const events: LayerEvents = {
        ended: () => layer === this.#shown && (handsOff(kind, this.#clip) ? this.#wrapped() : this.events.ended()),
        looped: () => {
          if (layer !== this.#shown) return;
          this.#cue?.();
          this.events.looped();
        },
        // The clip on screen stalled with every byte in (see video.ts): it is shown afresh from the
        // other slot, which takes over at its first frame; this one holds its picture until then.
        stalled: () => {
          if (layer !== this.#shown || this.#pending) return;
          const clip = this.#clip!;
          this.#clip = undefined; // not "already looping on screen"
          this.show(kind, clip).catch(() => {});
        },
      };
      this.slots.push((layer = create(kind, events)));
    }
    if (!layer.el.isConnected) {
      layer.el.setAttribute('data-hidden', '');
      this.stage!.append(layer.el);
    }
    return layer;
  }

  /**
   * The loop on screen played to its end (see {@link handsOff}): its copy in the other slot takes over
   * and this slot becomes the next copy. Its last frame holds meanwhile: while a `show()` is under way
   * (it replaces the loop, and is cued now), or until the copy is ready (then `prepare()` calls back);
   * starting over would be the very seek this avoids, and GStreamer often stalls one of an ended video.
   */
  #wrapped(): void {
    const old = this.#shown!;
    const clip = this.#clip!;
    const copy = this.slots.find((layer) => layer !== old && layer.primed(clip));
    this.#held = true;
    if (!this.#pending) {
      if (!copy) return;
      this.#swap(copy, clip);
      if (!this.#paused) start(copy);
      void this.prepare(old.kind, clip);
    }
    this.#cue?.();
    this.events.looped();
  }

  /** Reveals `layer` (its first frame is ready) and retires the slot that was on screen. */
  #swap(layer: Layer, clip: Clip): void {
    const old = this.#shown;
    this.#shown = layer;
    this.#clip = clip;
    this.#held = false;
    layer.el.removeAttribute('data-hidden');
    layer.el.setAttribute('part', 'media');
    if (this.#paused) layer.pause();
    if (old && old !== layer) {
      old.el.setAttribute('data-hidden', '');
      old.el.removeAttribute('part');
      old.pause();
      const version = old.version;
      // Released once the new picture has been presented, unless the slot was given new work.
      afterPresent(() => version === old.version && old !== this.#shown && old.release());
    }
    // Slots of another kind (the poster once a clip plays, videos while a still shows) leave the stage.
    // (Not a slot still loading the first clip behind the poster.)
    for (const other of this.slots) {
      if (other.kind !== layer.kind && !(this.#pending && this.#work.get(other) === this.#pending)) this.#detach(other);
    }
    this.events.presented();
  }

  #detach(layer: Layer): void {
    this.#claim(layer, new AbortController());
    layer.release();
    layer.el.remove();
    layer.el.removeAttribute('part');
  }
}
