import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';

/**
 * The host's rendered CSS width, kept current by a ResizeObserver. `onResize` runs after each
 * change (not for the first measurement), so the element can upgrade the clip's size variant.
 */
export class SizeController implements ReactiveController {
  /** Rendered CSS width in px (0 until measured or when not rendered). */
  width = 0;
  #observer?: ResizeObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onResize: () => void,
  ) {
    host.addController(this);
  }

  /** Measures now (a layout read), for the first choice before the observer has reported. */
  measure(): number {
    return (this.width ||= this.host.getBoundingClientRect().width);
  }

  hostConnected(): void {
    if (!('ResizeObserver' in window)) return;
    this.#observer = new ResizeObserver((entries) => {
      const width = entries[0]!.contentRect.width;
      if (width === this.width) return;
      const first = !this.width;
      this.width = width;
      if (!first) this.onResize();
    });
    this.#observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }
}
