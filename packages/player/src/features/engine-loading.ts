import type { MascotManifest } from 'masko-manifest';
import { createRouter, type EngineFactory } from '../engines/router.js';
import { type ReasonedError, reasoned } from '../errors.js';

/** A canvas needs the state machine: it has inputs, conditions, or an any-state edge. */
export const isCanvas = (m: MascotManifest): boolean => m.inputs.length > 0 || m.transitions.some((t) => t.from === '*' || t.conditions.length > 0);

/** The state machine, loaded once per page the first time a canvas starts (a separate chunk). */
let machine: Promise<EngineFactory> | undefined;
let machineEngine: EngineFactory | undefined;

/**
 * The pose engine for `manifest`: `override` when the page set one (`MaskoMascot.engine`), the
 * router for a plain manifest, the state machine for a canvas. The machine's chunk is fetched on
 * first need: until it is here this returns undefined and calls `loaded` (or `failed`) later.
 */
export function engineFor(
  manifest: MascotManifest,
  override: EngineFactory | undefined,
  loaded: () => void,
  failed: (error: ReasonedError) => void,
): EngineFactory | undefined {
  if (override || !isCanvas(manifest)) return override ?? createRouter;
  if (machineEngine) return machineEngine;
  machine ??= import('../state-machine.js').then(
    (module) => (machineEngine = module.stateMachineEngine),
    (error: Error) => {
      machine = undefined; // a later start tries again
      throw reasoned('manifest-fetch', `could not load the state machine chunk: ${error.message}`);
    },
  );
  machine.then(loaded, failed);
  return undefined;
}
