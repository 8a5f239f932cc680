import type { Transition } from 'masko-manifest';
import { toNumber } from './conditions.js';
import type { Scheduler } from './types.js';

/**
 * When (ms after arrival at `pose`) a `nodeTime` condition of an edge that can leave it turns
 * true: `>=` and `==` at the value, `>` one millisecond later. `<`, `<=`, `!=` need no timer (they
 * hold from arrival, checked then). Distinct, positive, ascending.
 */
export function nodeTimeThresholds(transitions: readonly Transition[], pose: string): number[] {
  const at = new Set<number>();
  for (const t of transitions) {
    if (t.from !== pose && t.from !== '*') continue;
    for (const c of t.conditions) {
      if (c.input !== 'nodeTime' || !['>', '>=', '=='].includes(c.op)) continue;
      const ms = toNumber(c.value) + (c.op === '>' ? 1 : 0);
      if (ms > 0) at.add(ms);
    }
  }
  return [...at].sort((a, b) => a - b);
}

/** Timers that are cleared together (on leaving a pose and on dispose). */
export class TimerSet {
  #handles = new Set<unknown>();

  constructor(private readonly scheduler: Scheduler) {}

  add(fn: () => void, ms: number): void {
    const handle = this.scheduler.setTimeout(() => {
      this.#handles.delete(handle);
      fn();
    }, ms);
    this.#handles.add(handle);
  }

  clear(): void {
    for (const handle of this.#handles) this.scheduler.clearTimeout(handle);
    this.#handles.clear();
  }
}
