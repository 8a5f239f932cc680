import unplugin from './index.js';

/** unplugin-masko for rspack. */
export default unplugin.rspack;
