import { MaskoMascot } from './masko-mascot.component.js';
import { DEV, warn } from './warn.js';

declare global {
  interface HTMLElementTagNameMap {
    'masko-mascot': MaskoMascot;
  }
}

// Two copies of the element on one page (e.g. the CDN build and a bundled one) must not throw.
// Server code (SSR, prerendering) may import the element: with no registry there is nothing to define.
const registry = typeof customElements === 'undefined' ? undefined : customElements;
const defined = registry?.get('masko-mascot');
if (registry && !defined) customElements.define('masko-mascot', MaskoMascot);
else if (DEV && defined && defined !== MaskoMascot) warn('defined-twice', 'is already defined by another copy of masko-mascot; this one is not used.');
