import { unsafeCSS } from '@lit/reactive-element';

/**
 * Sized like an `<img>`: inline-block, 240px wide unless the page says otherwise, and as tall as
 * the manifest's aspect ratio makes it (the element sets `aspect-ratio` on the stage through the
 * CSSOM, which a strict CSP allows, so layout is reserved before any media arrives). Layers share
 * one grid cell so an incoming clip never moves anything.
 */
// Written compact: the stylesheet ships as a string in the bundle, where whitespace costs bytes.
// `unsafeCSS` of a constant rather than the `css` tag: the same CSSResult, and the standalone build
// leaves out the tag's interpolation check and its message (nothing is interpolated here).
export const styles = unsafeCSS(
  ':host{display:inline-block;position:relative;width:240px;vertical-align:bottom}'
    + ':host([hidden]){display:none}'
    + '.stage{display:grid;width:100%;height:100%;aspect-ratio:1}'
    + '.stage>*{grid-area:1/1;display:block;width:100%;height:100%;min-width:0;object-fit:var(--masko-object-fit,contain);pointer-events:none}'
    + '.stage>[data-hidden]{visibility:hidden}',
);
