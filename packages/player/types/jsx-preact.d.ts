// `import type {} from 'masko-mascot/jsx-preact'`: types <masko-mascot> in Preact JSX.
// Preact sets properties the element has and turns `onmasko-load` into a `masko-load` listener.

import type { MaskoMascot } from 'masko-mascot';
import type { JSX } from 'preact';
import type { MaskoMascotAttributes, MaskoMascotOnProps } from './attributes.js';

export type { MaskoMascotAttributes, MaskoMascotEvents, MaskoMascotOnProps } from './attributes.js';

type Props = MaskoMascotAttributes & MaskoMascotOnProps;

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'masko-mascot': Omit<JSX.HTMLAttributes<MaskoMascot>, keyof Props> & Props;
    }
  }
}
