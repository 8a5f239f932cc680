/**
 * Where the machine is heading: the route target (`state.pending`), the pose a `goTo()` asked for, and
 * the `goTo()` callers waiting — resolved true on arrival, false when the route changes.
 */
export class Route<P extends string> {
  /** The pose the machine is heading for, if any. */
  target: P | undefined;
  /** The pose `goTo()` asked for: arriving there shows it, without evaluating its edges at once. */
  requested: P | undefined;
  #waiters: { pose: P; resolve: (reached: boolean) => void }[] = [];

  /** `goTo(pose)`: head there; resolves true on arrival, false when something else takes over. */
  request(pose: P): Promise<boolean> {
    const reached = new Promise<boolean>((resolve) => this.#waiters.push({ pose, resolve }));
    this.retarget(pose);
    this.requested = pose;
    return reached;
  }

  /** Changes the target; `goTo()`s waiting for another pose resolve false. */
  retarget(target: P | undefined): void {
    this.target = target;
    if (target !== this.requested) this.requested = undefined;
    this.#take((w) => w.pose !== target).forEach((w) => w.resolve(false));
  }

  /** Arrived at `pose`: the route is done and `goTo(pose)` callers resolve true. */
  arrived(pose: P): void {
    this.target = undefined;
    this.requested = undefined;
    this.#take((w) => w.pose === pose).forEach((w) => w.resolve(true));
  }

  /** Whether `pose` is a stop on the way to the pose `goTo()` asked for (passed through, not evaluated). */
  passesThrough(pose: P): boolean {
    return this.target !== undefined && this.target !== pose && this.target === this.requested;
  }

  #take(match: (w: { pose: P }) => boolean) {
    const taken = this.#waiters.filter(match);
    this.#waiters = this.#waiters.filter((w) => !match(w));
    return taken;
  }
}
