// `import type {} from 'masko-mascot/svelte'` (or add it to `compilerOptions.types`): types <masko-mascot>
// in Svelte templates through `svelte/elements`. Svelte 5 listens with `onmasko-load={…}`; Svelte 4
// syntax `on:masko-load={…}` is typed too.

import type { MaskoMascot } from 'masko-mascot';
import type { HTMLAttributes } from 'svelte/elements';
import type { MaskoMascotAttributes, MaskoMascotEvents, MaskoMascotOnProps } from './attributes.js';

export type { MaskoMascotAttributes, MaskoMascotEvents, MaskoMascotOnProps } from './attributes.js';

type Props = MaskoMascotAttributes &
  MaskoMascotOnProps & {
    [K in keyof MaskoMascotEvents as `on:${K}`]?: (event: MaskoMascotEvents[K]) => void;
  };

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'masko-mascot': Omit<HTMLAttributes<MaskoMascot>, keyof Props> & Props;
  }
}
