/** Callers of `goTo()` waiting for a pose: resolved true on arrival, false when the route changes. */
export class Waiters<P extends string> {
  #list: { pose: P; resolve: (reached: boolean) => void }[] = [];

  wait(pose: P): Promise<boolean> {
    return new Promise((resolve) => this.#list.push({ pose, resolve }));
  }

  /** Resolves the callers waiting for `pose` with `reached`. */
  settle(pose: P, reached: boolean): void {
    this.#take((w) => w.pose === pose).forEach((w) => w.resolve(reached));
  }

  /** Resolves false everyone not waiting for `target` (the route now leads there, or nowhere). */
  keepOnly(target: P | undefined): void {
    this.#take((w) => w.pose !== target).forEach((w) => w.resolve(false));
  }

  #take(match: (w: { pose: P }) => boolean) {
    const taken = this.#list.filter(match);
    this.#list = this.#list.filter((w) => !match(w));
    return taken;
  }
}
