// `import type {} from 'masko-mascot/jsx-solid'`: types <masko-mascot> in Solid JSX.
// Listeners use Solid's `on:` namespace: `on:masko-pose-change={(e) => e.detail.to}`.

import type { MaskoMascot } from 'masko-mascot';
import type { JSX } from 'solid-js';
import type { MaskoMascotAttributes, MaskoMascotEvents } from './attributes.js';

export type { MaskoMascotAttributes, MaskoMascotEvents } from './attributes.js';

type Props = MaskoMascotAttributes & {
  [K in keyof MaskoMascotEvents as `on:${K}`]?: (event: MaskoMascotEvents[K]) => void;
};

declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements {
      'masko-mascot': Omit<JSX.HTMLAttributes<MaskoMascot>, keyof Props> & Props;
    }
  }
}
