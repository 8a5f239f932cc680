// The features the element needs only once something is on screen (or has failed), in one chunk
// loaded then, so that the code on the way to the first frame stays small: hit-testing, predictive
// preloading, release after time away, and the HTTP check behind a failed clip.
import { HitTest, type HitTestHost } from './hit-test.js';
import { Preloader, type PreloadHost } from './preload.js';
import { ReleaseTimer } from './release.js';

export { mediaFailure } from './media-diagnosis.js';
export type { HitTest, Preloader, ReleaseTimer };

/** What the element gives the deferred features. */
export interface DeferredHost extends PreloadHost, HitTestHost {
  /** Far away for too long: show the still, drop the video. */
  release(): void;
  /** Close again: bring the clip back. */
  restore(): void;
}

/** Builds the deferred features for one element; hit-testing adopts its sheet in `root`. */
export function attach(host: DeferredHost, root: ShadowRoot): { preload: Preloader; hit: HitTest; away: ReleaseTimer } {
  const hit = new HitTest(host);
  hit.adopt(root);
  return { preload: new Preloader(host), hit, away: new ReleaseTimer(host.release, host.restore) };
}
