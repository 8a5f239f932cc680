import type { MascotManifest, Transition } from 'masko-manifest';

/**
 * What the element should put on screen. The pose engine sends these; the element executes
 * them and reports back with `clipEnded()` (a transition clip finished) and `loopCompleted()`
 * (a pose loop wrapped). The shapes are those of the canvas state machine's commands.
 */
export type Command =
  | { type: 'play-loop'; pose: string }
  | { type: 'hold'; pose: string }
  | { type: 'play-transition'; transition: Transition; from?: string; speed?: number };

/**
 * The seam between `<masko-mascot>` and whatever decides the poses. {@link createRouter} is the
 * built-in one (pose → optional transition clip → pose loop); the canvas state machine plugs in
 * through the same interface, loaded on demand for canvases (see `MaskoMascot.engine`).
 */
export interface PoseEngine {
  /** Arrive at the first pose. */
  start(pose: string): void;
  /** Route towards `pose`. */
  goTo(pose: string): void;
  /** The clip of the last `play-transition` ended. */
  clipEnded(): void;
  /** The pose loop on screen wrapped around. */
  loopCompleted(): void;
  setInput(name: string, value: boolean | number): void;
  fire(trigger: string): void;
  /** The mascot was clicked (the canvas built-in `clicked`). */
  click?(): void;
  /** The pointer entered or left the mascot (the canvas built-in `mouseOver`). */
  hover?(over: boolean): void;
  /** The current input values (state machines), built-ins included. */
  inputs?(): Record<string, boolean | number>;
  /** The element could not show what was asked and stays at `pose`. */
  reset?(pose: string): void;
  /** The element let go of this engine (new manifest, element removed). */
  dispose?(): void;
}

/** Builds an engine for a manifest; it sends its commands to `run`, and its inputs to `inputsChanged` when they change. */
export type EngineFactory = (
  manifest: MascotManifest,
  run: (command: Command) => void,
  inputsChanged?: (inputs: Record<string, boolean | number>) => void,
) => PoseEngine;

const hasMedia = (t: Transition): boolean => Object.values(t.media ?? {}).some((list) => list?.length);

/** The simple router: a direct transition clip when the manifest has one, else a cut. */
export const createRouter: EngineFactory = (manifest, run) => {
  let at = '';
  let heading: Transition | undefined;
  const arrive = (pose: string): void => {
    at = pose;
    heading = undefined;
    run(manifest.poses[pose]!.loop ? { type: 'play-loop', pose } : { type: 'hold', pose });
  };
  return {
    start: arrive,
    reset: (pose) => {
      at = pose;
      heading = undefined;
    },
    goTo(pose) {
      if (heading) {
        if (pose === heading.to) return;
        heading = undefined; // mid-transition towards another pose: cut straight to the new one
      } else if (pose === at) return;
      heading = manifest.transitions.find((t) => t.to === pose && (t.from === at || t.from === '*') && hasMedia(t));
      if (heading) run({ type: 'play-transition', transition: heading, from: at });
      else arrive(pose);
    },
    clipEnded: () => heading && arrive(heading.to),
    loopCompleted() {},
    setInput() {},
    fire() {},
  };
};
