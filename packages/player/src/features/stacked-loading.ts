import type { Layer, LayerEvents } from '../renderers/layer.js';

type Stacked = typeof import('../renderers/stacked.js');

/**
 * The stacked renderer (stacked-layer and stacked-gl: WebGL compositing) is a chunk of its own:
 * only browsers the format rule sends to `stacked` need it (Apple WebKit without HEVC, Android,
 * a forced `renderer`). It is fetched once per page, on the first choice of a stacked clip.
 */
let chunk: Promise<Stacked> | undefined;
let stacked: Stacked | undefined;

/** Loads the stacked renderer (once; a failed load is tried again on the next call). */
export function loadStacked(): Promise<Stacked> {
  chunk ??= import('../renderers/stacked.js').then(
    (module) => (stacked = module),
    (error: Error) => {
      chunk = undefined;
      throw new Error(`could not load the stacked renderer chunk: ${error.message}`);
    },
  );
  return chunk;
}

/** Resolves to whether the chunk is here (false when it failed to load). */
export const stackedReady = (): Promise<boolean> =>
  loadStacked().then(
    () => true,
    () => false,
  );

/** Whether the chunk is here, so {@link stackedLayer} and an exact {@link hasWebGL} can be had at once. */
export const stackedLoaded = (): boolean => !!stacked;

/** A stacked-alpha slot; the chunk must be loaded ({@link loadStacked}). */
export const stackedLayer = (events: LayerEvents): Layer => stacked!.stackedLayer(events);

/**
 * Whether a WebGL context can be had, for the format rule. Exact once the chunk is here (it creates
 * the page's shared context and its program); until then, whether the browser has WebGL at all,
 * without making a context (the page keeps exactly one), and a stacked choice made on that
 * promise is made again once the chunk has loaded (playback-controller.ts).
 */
export const hasWebGL = (): boolean => (stacked ? stacked.hasWebGL() : typeof WebGLRenderingContext === 'function');
