import type { PoseEngine } from '../engines/router.js';

/**
 * Pointer input for state machines, the canvas built-ins `clicked` (a click) and `mouseOver` (the
 * pointer in the box), counted where `counts(event)` says the pointer is on the character (see
 * hit-test.ts). Listens on `host` until `signal` aborts.
 */
export function pointerInput(host: HTMLElement, engine: () => PoseEngine | undefined, counts: (event: MouseEvent) => boolean, signal: AbortSignal): void {
  host.addEventListener('click', (event) => counts(event) && engine()?.click?.(), { signal });
  host.addEventListener('pointerenter', (event) => engine()?.hover?.(counts(event)), { signal });
  host.addEventListener('pointerleave', () => engine()?.hover?.(false), { signal });
}
