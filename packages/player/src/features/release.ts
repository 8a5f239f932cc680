/**
 * Release after time away: an element far off screen (or in a hidden tab) for `delay` ms lets go
 * of its video (`release`: the pose's poster takes its place, no decoder or buffer held); once it
 * is close again, `restore` brings the clip back.
 */
export class ReleaseTimer {
  /** Counting down to the release; `true` once released. */
  #away?: ReturnType<typeof setTimeout> | true;

  constructor(
    private readonly release: () => void,
    private readonly restore: () => void,
  ) {}

  /** Called whenever visibility changes: `close` is near the viewport in a visible tab. */
  update(close: boolean, playing: boolean, delay: number): void {
    const away = this.#away;
    if (close) {
      this.#away = undefined;
      if (away === true) this.restore();
      else clearTimeout(away);
    } else if (away === undefined && playing) {
      this.#away = setTimeout(() => {
        this.#away = true;
        this.release();
      }, delay);
    }
  }

  /** Forgets the countdown (the element left the page: a reconnect starts afresh). */
  cancel(): void {
    clearTimeout(this.#away as ReturnType<typeof setTimeout> | undefined);
    this.#away = undefined;
  }
}
