import type { MascotManifest, Transition } from 'masko-manifest';

/**
 * What the element should put on screen next. This is the seam between the element and a
 * pose engine: the element executes commands and reports back `clipEnded()` (a transition
 * finished) and `loopCompleted()` (a pose loop wrapped); the engine decides.
 */
export type Command =
  | { type: 'play-loop'; pose: string }
  | { type: 'hold'; pose: string }
  | { type: 'play-transition'; transition: Transition };

/**
 * A pose engine. {@link createRouter} is the simple one (pose → optional transition clip →
 * pose loop); the canvas state machine plugs in through the same interface.
 */
export interface PoseEngine {
  /** The first command, for the pose shown first. */
  start(pose: string): Command;
  /** The route towards `pose`, or undefined when nothing needs to change. */
  goTo(pose: string): Command | undefined;
  /** The clip of a `play-transition` ended. */
  clipEnded(): Command | undefined;
  /** The pose loop on screen wrapped around. */
  loopCompleted(): Command | undefined;
  setInput(name: string, value: boolean | number): Command | undefined;
  fire(trigger: string): Command | undefined;
}

const hasMedia = (t: Transition): boolean => Object.values(t.media ?? {}).some((list) => list?.length);
const arrive = (manifest: MascotManifest, pose: string): Command =>
  manifest.poses[pose]!.loop ? { type: 'play-loop', pose } : { type: 'hold', pose };

/** The simple router: a direct transition clip when the manifest has one, else a cut. */
export function createRouter(manifest: MascotManifest): PoseEngine {
  let at = '';
  let heading: Transition | undefined;
  return {
    start(pose) {
      at = pose;
      heading = undefined;
      return arrive(manifest, pose);
    },
    goTo(pose) {
      if (heading) {
        if (pose === heading.to) return undefined;
        // Mid-transition towards another pose: cut straight to the new one.
        heading = undefined;
      } else if (pose === at) return undefined;
      heading = manifest.transitions.find((t) => t.to === pose && (t.from === at || t.from === '*') && hasMedia(t));
      if (heading) return { type: 'play-transition', transition: heading };
      at = pose;
      return arrive(manifest, pose);
    },
    clipEnded() {
      if (!heading) return undefined;
      at = heading.to;
      heading = undefined;
      return arrive(manifest, at);
    },
    loopCompleted: () => undefined,
    setInput: () => undefined,
    fire: () => undefined,
  };
}
