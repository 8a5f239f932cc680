import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import type { RenderFormat } from '../format.js';
import { imageLayer } from '../renderers/image-layer.js';
import { type Clip, type Layer, type LayerEvents, whenAborted } from '../renderers/layer.js';
import { stackedLayer } from '../renderers/stacked-layer.js';
import { videoLayer } from '../renderers/video-layer.js';

/** What the stage reports about the clip on screen. */
export type StageEvents = LayerEvents;

/** When a loop on screen gives way to the next clip: at once, or as it wraps around. */
export type SwitchAt = 'immediate' | 'wrap';

const create = (format: RenderFormat, events: LayerEvents): Layer =>
  format === 'image' ? imageLayer() : format === 'stacked' ? stackedLayer(events) : videoLayer(events);

/**
 * The two-layer (A/B) stage. `show()` builds the next layer hidden, waits until its first frame
 * has been presented, and only then reveals it and releases the old one: the picture never goes
 * blank, the poster never flashes, nothing moves. The next clip takes over as soon as it has a frame
 * (`switchAt() === 'immediate'`), or, in `'wrap'` mode, when the loop on screen wraps around —
 * for clips made to join on a shared frame — waiting on its first frame until then. A newer `show()` aborts a pending one (latest
 * wins); a failed one leaves the current layer playing.
 */
export class StageController implements ReactiveController {
  /** The element the layers go in; set by the host after its first render. */
  stage?: HTMLElement;
  #shown?: Layer;
  #pending?: AbortController;
  #paused = false;
  /** The layer on screen plays a loop. */
  #looping = false;
  /** Cues the layer waiting for the loop on screen to wrap. */
  #cue?: () => void;

  constructor(
    host: ReactiveControllerHost,
    private readonly events: StageEvents,
    private readonly switchAt: () => SwitchAt = () => 'immediate',
  ) {
    host.addController(this);
  }

  /** Shows `clip` in `format`; resolves when it is on screen. */
  async show(format: RenderFormat, clip: Clip): Promise<void> {
    this.#pending?.abort();
    const pending = (this.#pending = new AbortController());
    const layer: Layer = create(format, {
      ended: () => layer === this.#shown && this.events.ended(),
      looped: () => {
        if (layer !== this.#shown) return;
        this.#cue?.();
        this.events.looped();
      },
    });
    layer.el.setAttribute('data-hidden', '');
    this.stage!.append(layer.el);
    try {
      await layer.load(clip, pending.signal);
      if (this.#looping && !this.#paused && this.switchAt() === 'wrap') {
        layer.pause();
        await layer.rewind(pending.signal); // Firefox shows nothing while a seek is under way
        await new Promise<void>((resolve, reject) => {
          this.#cue = resolve;
          whenAborted(pending.signal, reject);
          // Browsers report the wrap with 'seeked'; should one not, cut in after two passes
          // anyway (two, so a busy machine's late 'seeked' is never overtaken).
          setTimeout(resolve, 2 * this.#shown!.period() + 500);
        });
        Promise.resolve(layer.play()).catch(() => {}); // a refusal shows up on the next sync
        await layer.ready?.(pending.signal);
      }
      if (pending.signal.aborted) throw pending.signal.reason;
    } catch (error) {
      layer.release();
      layer.el.remove();
      throw error;
    } finally {
      this.#cue = undefined;
    }
    this.#pending = undefined;
    const old = this.#shown;
    this.#shown = layer;
    this.#looping = clip.loop && format !== 'image';
    layer.el.removeAttribute('data-hidden');
    if (this.#paused) layer.pause();
    if (old) {
      old.release();
      old.el.remove();
    }
  }

  /**
   * Shows a still (the poster) while the first clip loads, if nothing is on screen yet.
   * Never aborts the pending clip, and is dropped if that clip wins the race.
   */
  async placeholder(url: string): Promise<void> {
    if (this.#shown) return;
    const layer = imageLayer();
    layer.el.setAttribute('data-hidden', '');
    this.stage!.append(layer.el);
    try {
      await layer.load({ url, loop: false }, new AbortController().signal);
    } catch {
      // No poster: the clip will show when it can.
    }
    if (this.#shown) return layer.el.remove();
    this.#shown = layer;
    layer.el.removeAttribute('data-hidden');
  }

  play(): Promise<void> | void {
    this.#paused = false;
    return this.#shown?.play();
  }

  pause(): void {
    this.#paused = true;
    this.#shown?.pause();
    this.#cue?.(); // a paused loop never wraps: cut now
  }

  /** Drops every layer and its media (the element left the page). */
  release(): void {
    this.#pending?.abort();
    this.#shown?.release();
    this.#shown?.el.remove();
    this.#shown = undefined;
    this.#looping = false;
  }

  hostDisconnected(): void {
    this.release();
  }
}
