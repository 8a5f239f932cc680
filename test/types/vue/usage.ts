// <masko-mascot> in Vue (masko-mascot/vue): the GlobalComponents entry that vue-tsc checks templates
// against, exercised here through `h()` so plain tsc can check it.
// Each `@ts-expect-error` names a fragment of the error tsc must report there (test/types/types.test.ts).
import type {} from 'masko-mascot/vue';
import { type GlobalComponents, h } from 'vue';

declare const MaskoMascot: GlobalComponents['masko-mascot'];

export const plain = h(MaskoMascot, {
  src: '/mascots/felix.json',
  pose: 'Wave',
  renderer: 'hevc',
  autoplay: true,
  alt: 'Felix',
  onMaskoPoseChange: (event) => console.log(event.detail.from, event.detail.to),
  onMaskoError: (event) => console.log(event.detail.reason),
});
// @ts-expect-error Type '"gif"' is not assignable to type 'RendererOverride | undefined'
export const badRenderer = h(MaskoMascot, { renderer: 'gif' });
// @ts-expect-error Type 'string' is not assignable to type 'boolean | undefined'
export const badAutoplay = h(MaskoMascot, { autoplay: 'yes' });
