import unplugin from './index.js';

/** unplugin-masko for esbuild. */
export default unplugin.esbuild;
