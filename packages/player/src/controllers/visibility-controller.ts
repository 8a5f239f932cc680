import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';

export interface VisibilityConfig {
  /** How far outside the viewport counts as "near" for lazy loading. Default `'200px'`. */
  nearMargin?: string;
  /** Called whenever `near` or `active` changes. */
  onChange: () => void;
}

/**
 * Where the host is, for loading and playback: `near` becomes true (and stays true) once the
 * host comes within `nearMargin` of the viewport; `active` is true while it is on screen and
 * the tab is visible. Without IntersectionObserver everything counts as near and on screen.
 */
export class VisibilityController implements ReactiveController {
  /** Has been within `nearMargin` (latches: lazy loading starts once). */
  near = false;
  /** Is within `nearMargin` now. */
  nearNow = false;
  onScreen = false;
  #observers: IntersectionObserver[] = [];
  readonly #onVisibility = (): void => this.#config.onChange();

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #config: VisibilityConfig;

  constructor(host: ReactiveControllerHost & HTMLElement, config: VisibilityConfig) {
    this.#host = host;
    this.#config = config;
    host.addController(this);
  }

  /** On screen and in a visible tab. */
  get active(): boolean {
    return this.onScreen && document.visibilityState !== 'hidden';
  }

  /** Near the viewport and in a visible tab: worth keeping media for. */
  get close(): boolean {
    return this.nearNow && document.visibilityState !== 'hidden';
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
    if (!('IntersectionObserver' in window)) {
      this.near = this.nearNow = this.onScreen = true;
      return;
    }
    const watch = (rootMargin: string, set: (isIntersecting: boolean) => void): IntersectionObserver => {
      const observer = new IntersectionObserver(
        (entries) => {
          set(entries[entries.length - 1]!.isIntersecting);
          this.#config.onChange();
        },
        { rootMargin },
      );
      observer.observe(this.#host);
      return observer;
    };
    this.#observers = [
      watch(this.#config.nearMargin ?? '200px', (is) => {
        this.nearNow = is;
        this.near ||= is;
      }),
      watch('0px', (is) => (this.onScreen = is)),
    ];
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    for (const observer of this.#observers) observer.disconnect();
    this.#observers = [];
    this.onScreen = this.nearNow = false;
  }
}
