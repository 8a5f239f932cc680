/**
 * The element's side of the first paint (see ../fallback.ts): a `<slot>` in the stage shows the
 * light-DOM poster the page rendered, under the media layers, until the element's own first frame is
 * on screen (`masko-load`); then it is hidden. The layers share one grid cell, so nothing moves.
 * A failed load leaves it showing: the poster stays rather than an empty box.
 */
export function fallbackSlot(host: HTMLElement): HTMLSlotElement {
  const slot = document.createElement('slot');
  // CSSOM, not an attribute: `.stage > *` sets display:block, which would beat `[hidden]`.
  host.addEventListener('masko-load', () => slot.style.setProperty('display', 'none'), { once: true });
  return slot;
}
