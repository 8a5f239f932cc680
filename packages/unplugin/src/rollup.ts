import unplugin from './index.js';

/** unplugin-masko for rollup. */
export default unplugin.rollup;
