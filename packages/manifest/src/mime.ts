/**
 * MIME types (with codecs) of the files a manifest lists, as `<source type>` and `canPlayType()` want
 * them: masko-wire's, the one format table the plugin and the emulator read too. Only this constant
 * comes along (masko-wire is dependency-free and side-effect-free), so the player's bundle keeps its size.
 */
export { MIME, type MimeKey } from 'masko-wire';
