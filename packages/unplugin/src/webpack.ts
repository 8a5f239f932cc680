import unplugin from './index.js';

/** unplugin-masko for webpack. */
export default unplugin.webpack;
