// The features the element needs only once something is on screen (or has failed), in one chunk
// loaded then, so that the code on the way to the first frame stays small: hit-testing, predictive
// preloading, release after time away, and the HTTP check behind a failed clip. The wiring to the
// element's controllers is here too, for the same reason.
import type { StageController } from '../controllers/stage-controller.js';
import type { Command, PoseEngine } from '../engines/router.js';
import { HitTest } from './hit-test.js';
import { Preloader } from './preload.js';
import { ReleaseTimer } from './release.js';
import type { SourceChoice } from './source-choice.js';

export { mediaFailure } from './media-diagnosis.js';

/** What the deferred features use of the element. */
export interface DeferredHost {
  readonly host: HTMLElement & { preloadBudget: number };
  readonly stage: StageController;
  /** The element's PlaybackController (its type would make an import cycle: it loads this chunk). */
  readonly playback: { engine?: PoseEngine; shown?: string; command?: Command; execute(command: Command): unknown };
  readonly source: SourceChoice;
  /** Close again after a release: bring the clip back (replays the pose on screen). */
  restore(): void;
}

/** The deferred features of one element. */
export interface Deferred {
  preload: Preloader;
  hit: HitTest;
  away: ReleaseTimer;
}

/** Builds the deferred features for one element; hit-testing adopts its sheet in the host's shadow root. */
export function attach({ host, stage, playback, source, restore }: DeferredHost): Deferred {
  const hit = new HitTest({
    host,
    media: () => stage.shown?.el as HTMLVideoElement | HTMLCanvasElement | HTMLImageElement | undefined,
    hover: (over) => playback.engine?.hover?.(over),
  });
  hit.adopt(host.shadowRoot!);
  const preload = new Preloader({
    pick: (media, poster) => source.pick(media, poster, false),
    prepare: (format, clip) => void stage.prepare(format, clip),
    budget: () => host.preloadBudget,
  });
  // Far away for too long: the still in place of the clip (not mid-transition, whose end the engine awaits).
  const release = (): unknown => playback.shown && playback.command?.type !== 'play-transition' && playback.execute({ type: 'hold', pose: playback.shown });
  return { preload, hit, away: new ReleaseTimer(release, restore) };
}
