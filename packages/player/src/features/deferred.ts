// The features the element needs only once something is on screen (or has failed), in one chunk
// loaded then, so that the code on the way to the first frame stays as small as it was:
// hit-testing, predictive preloading, release after time away, and the HTTP check behind a failed clip.
export { HitTest } from './hit-test.js';
export { mediaFailure } from './media-diagnosis.js';
export { Preloader } from './preload.js';
export { ReleaseTimer } from './release.js';
