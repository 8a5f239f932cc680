// `import type {} from 'masko-mascot/jsx-react'`: types <masko-mascot> in React 19 JSX.
// React 19 sets known properties on custom elements and turns `onmasko-load` into a listener.

import type { MaskoMascot } from 'masko-mascot';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { MaskoMascotAttributes, MaskoMascotOnProps } from './attributes.js';

export type { MaskoMascotAttributes, MaskoMascotEvents, MaskoMascotOnProps } from './attributes.js';

type Props = MaskoMascotAttributes & MaskoMascotOnProps;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'masko-mascot': Omit<DetailedHTMLProps<HTMLAttributes<MaskoMascot>, MaskoMascot>, keyof Props> & Props;
    }
  }
}
