import { readFileSync } from 'node:fs';
import { convertCanvasExport, type MascotManifest, type Media, type Transition } from 'masko-manifest';
import { type InputValue, type MachineEvent, MaskoMachine, type Scheduler } from '../../src/machine/index.js';

/** A scheduler whose clock only moves when a test says so. */
export class FakeScheduler implements Scheduler {
  time = 0;
  #next = 1;
  readonly #timers = new Map<number, { at: number; fn: () => void }>();

  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.#next++;
    this.#timers.set(id, { at: this.time + ms, fn });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.#timers.delete(handle as number);
  };

  /** Timers not yet fired or cleared. */
  get pending(): number {
    return this.#timers.size;
  }

  /** Moves the clock forward, firing due timers in time order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.#timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.time = due[1].at;
      due[1].fn();
    }
    this.time = end;
  }
}

/** A machine on a fake clock that records every event. */
export function harness(manifest: MascotManifest, inputs?: Record<string, InputValue>) {
  const scheduler = new FakeScheduler();
  const events: MachineEvent[] = [];
  const machine = new MaskoMachine(manifest, { scheduler, listener: (e) => events.push(e), ...(inputs && { inputs }) });
  /** Events recorded since the last call, as short strings. */
  const take = () => events.splice(0).map(describe);
  return { machine, scheduler, events, take };
}

/** `play-transition Idle->Wave x2`, `play-loop Idle`, `pose-change Idle->Wave` … */
export function describe(e: MachineEvent): string {
  switch (e.type) {
    case 'play-loop':
    case 'hold':
    case 'arrive':
      return `${e.type} ${e.pose}`;
    case 'pose-change':
      return `${e.type} ${e.from}->${e.to}`;
    case 'play-transition':
      return `${e.type} ${e.from}->${e.to}${e.speed === 1 ? '' : ` x${e.speed}`}`;
    case 'transition-start':
    case 'transition-end':
      return `${e.type} ${e.from}->${e.to}`;
    case 'warning':
      return 'warning';
  }
}

export const clip = (name: string): Media => ({ webm: [{ url: `${name}.webm`, type: 'video/webm', width: 64, height: 64 }] });

type Spec = Omit<Transition, 'conditions'> & { conditions?: Transition['conditions'] };

/** A manifest from a compact spec: poses with a loop clip unless listed in `still`. */
export function manifestOf(poses: string[], transitions: Spec[], extra: Partial<MascotManifest> & { still?: string[] } = {}): MascotManifest {
  const { still = [], ...rest } = extra;
  return {
    version: 1,
    name: 'Test',
    initial: poses[0]!,
    poses: Object.fromEntries(poses.map((p) => [p, { loop: !still.includes(p), aspect: 1, poster: [], media: still.includes(p) ? {} : clip(p) }])),
    transitions: transitions.map((t) => ({ conditions: [], ...t })),
    inputs: [],
    ...rest,
  };
}

/** A real Masko export (the copies kept with masko-manifest's tests), converted. */
export function fixture(name: 'maya' | 'masko' | 'otto'): MascotManifest {
  const url = new URL(`../../../manifest/test/fixtures/${name}.json`, import.meta.url);
  return convertCanvasExport(JSON.parse(readFileSync(url, 'utf8')));
}
