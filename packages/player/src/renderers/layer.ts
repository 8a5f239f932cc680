/**
 * A layer is one persistent media slot in the element's stage: a `<video>`, a stacked-alpha canvas
 * or an `<img>`. The stage keeps at most two of each kind (A/B) and reuses them for every clip, so
 * a layer is loaded many times; `version` counts its loads so that work started for an earlier
 * clip can tell it is stale.
 */
export interface Clip {
  url: string;
  /** Loop forever (a pose) or play once and hold the last frame (a transition). */
  loop: boolean;
  /** Playback-rate multiplier. Default 1. */
  speed?: number;
}

export interface LayerEvents {
  /** A clip that does not loop reached its end (its last frame stays on screen). */
  ended(): void;
  /** A looping clip wrapped around to its start. */
  looped(): void;
  /** The clip stalled for good while playing, every byte in (seen in WebKitGTK: see video.ts). */
  stalled?(): void;
}

/** The kind of slot a format plays in: webm and hevc share the native `<video>` slots. */
export type LayerKind = 'video' | 'stacked' | 'image';

export interface Layer {
  /** What goes into the stage; it carries `part="media"` while it is on screen. */
  readonly el: HTMLElement;
  readonly kind: LayerKind;
  /** Bumped by the stage each time the slot is given other work (a load, a preload, a release). */
  version: number;
  /**
   * Starts loading and playing `clip`; resolves once its first frame has been presented
   * (drawn), so revealing the layer then shows a picture, never a blank. Rejects with the
   * media error, with a `NotAllowedError` when autoplay is refused, or with an `AbortError`.
   */
  load(clip: Clip, signal: AbortSignal): Promise<void>;
  /** Loads `clip` paused on its first frame, decoded (and drawn, for a canvas); resolves then. */
  prepare(clip: Clip, signal: AbortSignal): Promise<void>;
  /** Holds `clip` paused on its decoded first frame (a `prepare()` that finished): revealing shows it at once. */
  primed(clip: Clip): boolean;
  /** Resumes playback (after `pause()`); rejects when the browser refuses to play. */
  play(): Promise<void> | void;
  pause(): void;
  /** After a cue: resolves (or returns nothing) once the layer has a picture to reveal. */
  ready?(signal: AbortSignal): Promise<void> | void;
  /** Stops and drops the media so the browser can free the decoder; the slot stays reusable. */
  release(): void;
}

/** An AbortError like the platform's. */
export const abortError = (): DOMException => new DOMException('Superseded', 'AbortError');

/** Rejects when `signal` aborts. */
export function whenAborted(signal: AbortSignal, reject: (error: unknown) => void): void {
  if (signal.aborted) reject(abortError());
  signal.addEventListener('abort', () => reject(abortError()), { once: true });
}
