/**
 * A layer is one piece of media in the element's stage: a `<video>`, a stacked-alpha canvas or
 * an `<img>`. The stage keeps at most two (A/B): the one on screen and the one loading hidden.
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
}

export interface Layer {
  /** What goes into the stage; it carries `part="media"`. */
  readonly el: HTMLElement;
  /**
   * Starts loading and playing `clip`; resolves once its first frame has been presented
   * (drawn), so revealing the layer then shows a picture, never a blank. Rejects with the
   * media error, with a `NotAllowedError` when autoplay is refused, or with an `AbortError`.
   */
  load(clip: Clip, signal: AbortSignal): Promise<void>;
  /** Resumes playback (after `pause()`); rejects when the browser refuses to play. */
  play(): Promise<void> | void;
  pause(): void;
  /** Back to the first frame (a loaded clip waiting for its cue); resolves when it is there. */
  rewind(signal: AbortSignal): Promise<void> | void;
  /** After a cue: resolves (or returns nothing) once the layer has a picture to reveal. */
  ready?(signal: AbortSignal): Promise<void> | void;
  /** Milliseconds one pass of the clip lasts at its playback rate (0 for a still). */
  period(): number;
  /** Stops and drops the media so the browser can free the decoder. */
  release(): void;
}

/** An AbortError like the platform's. */
export const abortError = (): DOMException => new DOMException('Superseded', 'AbortError');

/** Rejects when `signal` aborts. */
export function whenAborted(signal: AbortSignal, reject: (error: unknown) => void): void {
  if (signal.aborted) reject(abortError());
  signal.addEventListener('abort', () => reject(abortError()), { once: true });
}
