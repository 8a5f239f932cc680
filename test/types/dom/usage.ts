// <masko-mascot> from the DOM APIs: HTMLElementTagNameMap and GlobalEventHandlersEventMap (no framework).
// Each `@ts-expect-error` names a fragment of the error tsc must report there (test/types/types.test.ts).
import type { MaskoMascot } from 'masko-mascot';

const mascot = document.querySelector('masko-mascot')!;
export const typed: MaskoMascot = mascot;
export const created: MaskoMascot = document.createElement('masko-mascot');
mascot.renderer = 'stacked';
mascot.autoplay = false;
mascot.addEventListener('masko-pose-change', (event) => console.log(event.detail.from, event.detail.to));
mascot.addEventListener('masko-error', (event) => console.log(event.detail.reason, event.detail.message));
export const done: Promise<void> = mascot.goTo('Wave');

// @ts-expect-error Type '"gif"' is not assignable to type 'RendererOverride'
mascot.renderer = 'gif';
// @ts-expect-error Type 'string' is not assignable to type 'boolean'
mascot.autoplay = 'yes';
// @ts-expect-error Property 'pose' does not exist on type 'MaskoLoadDetail'
mascot.addEventListener('masko-load', (event) => event.detail.pose);
