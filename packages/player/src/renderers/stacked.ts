// The stacked-alpha renderer as one lazy chunk (features/stacked-loading.ts imports it): the slot
// and the page's shared WebGL context, whose `hasWebGL` then answers the format rule exactly.
export { hasWebGL } from './stacked-gl.js';
export { stackedLayer } from './stacked-layer.js';
