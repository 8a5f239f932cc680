import { MaskoMascot } from './masko-mascot.component.js';
import { DEV, warn } from './warn.js';

declare global {
  interface HTMLElementTagNameMap {
    'masko-mascot': MaskoMascot;
  }
}

// Two copies of the element on one page (e.g. the CDN build and a bundled one) must not throw.
const defined = customElements.get('masko-mascot');
if (!defined) customElements.define('masko-mascot', MaskoMascot);
else if (DEV && defined !== MaskoMascot) warn('defined-twice', 'is already defined by another copy of masko-mascot; this one is not used.');
