import type { Scheduler } from '../machine/index.js';
import { MaskoMachine } from '../machine/index.js';
import type { EngineFactory } from './router.js';

const scheduler: Scheduler = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs Masko canvases in `<masko-mascot>`: inputs, conditions, any-state edges, built-in
 * `clicked` / `mouseOver` / `loopCount` / `nodeTime`, shortest clip paths for `goTo()`.
 * Kept out of the core: the element imports this module on demand the first time a manifest
 * with a state machine starts, so pages without canvases never download it. Assigning it to
 * `MaskoMascot.engine` forces it for every manifest.
 */
export const stateMachineEngine: EngineFactory = (manifest, run, inputsChanged) => {
  let seen = '';
  /** Reports the inputs when any but `nodeTime` changed (after each call: arrival resets some too). */
  const after = <T>(result: T): T => {
    const inputs = machine.inputs;
    const key = JSON.stringify({ ...inputs, nodeTime: 0 });
    if (key !== seen) {
      const first = !seen;
      seen = key;
      if (!first) inputsChanged?.(inputs);
    }
    return result;
  };
  const machine = new MaskoMachine(manifest, {
    scheduler,
    listener: (event) => {
      if (event.type === 'play-loop' || event.type === 'hold' || event.type === 'play-transition') run(event);
      // A fault in the canvas that the machine stopped (a cycle of instant jumps): the page's author should see it.
      // Development only, like warn.ts, whose import here would split it into a chunk shared with the element.
      else if (event.type === 'warning' && globalThis.MASKO_DEV !== false) console.warn(event.message);
    },
  });
  return {
    start: (pose) => after(machine.start(pose)),
    // The element settles its own goTo() promises when the pose is on screen.
    goTo: (pose) => after(void machine.goTo(pose).catch(() => {})),
    clipEnded: () => after(machine.clipEnded()),
    loopCompleted: () => after(machine.loopCompleted()),
    setInput: (name, value) => after(machine.setInput(name, value)),
    fire: (trigger) => after(machine.fire(trigger)),
    click: () => after(machine.click()),
    hover: (over) => after(machine.hover(over)),
    inputs: () => machine.inputs,
    dispose: () => machine.dispose(),
  };
};
