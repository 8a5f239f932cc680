// <masko-mascot> in Svelte (masko-mascot/svelte): the `svelte/elements` entry that svelte-check
// checks templates against, exercised with plain tsc on the attribute object a template would give.
// Each `@ts-expect-error` names a fragment of the error tsc must report there (test/types/types.test.ts).
import type {} from 'masko-mascot/svelte';
import type { SvelteHTMLElements } from 'svelte/elements';

type Attributes = SvelteHTMLElements['masko-mascot'];

export const plain: Attributes = {
  src: '/mascots/felix.json',
  pose: 'Wave',
  renderer: 'stacked',
  loading: 'eager',
  autoplay: false,
  alt: 'Felix',
  class: 'hero',
  'onmasko-pose-change': (event) => console.log(event.detail.to),
  'on:masko-load': (event) => console.log(event.detail.format),
};
// @ts-expect-error Type '"gif"' is not assignable to type 'RendererOverride | undefined'
export const badRenderer: Attributes = { renderer: 'gif' };
// @ts-expect-error Type 'string' is not assignable to type 'boolean | undefined'
export const badAutoplay: Attributes = { autoplay: 'yes' };
