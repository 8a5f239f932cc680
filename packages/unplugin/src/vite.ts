import unplugin from './index.js';

/** unplugin-masko for vite. */
export default unplugin.vite;
