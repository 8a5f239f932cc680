import type { MascotManifest } from 'masko-manifest';
import { describe, expect, it } from 'vitest';
import { createRouter, type EngineFactory } from '../../src/engines/router.js';
import { engineFor, isCanvas } from '../../src/features/engine-loading.js';

const base: MascotManifest = {
  version: 1,
  name: 'm',
  initial: 'A',
  poses: { A: { loop: true, aspect: 1, poster: [], media: {} } },
  transitions: [],
  inputs: [],
};

describe('engine loading', () => {
  it('should tell a canvas (inputs, conditions, any-state edges) from a plain manifest', () => {
    expect(isCanvas(base)).toBe(false);
    expect(isCanvas({ ...base, inputs: [{ name: 'x', type: 'boolean' }] })).toBe(true);
    expect(isCanvas({ ...base, transitions: [{ from: '*', to: 'A', conditions: [] }] })).toBe(true);
    expect(isCanvas({ ...base, transitions: [{ from: 'A', to: 'A', conditions: [{ input: 'x', op: '==', value: true }] }] })).toBe(true);
  });

  it("should give the router for a plain manifest and the page's override for any", () => {
    const fail = (): void => expect.fail('nothing to load');
    expect(engineFor(base, undefined, fail, fail)).toBe(createRouter);
    const override: EngineFactory = () => createRouter(base, () => {});
    expect(engineFor({ ...base, inputs: [{ name: 'x', type: 'boolean' }] }, override, fail, fail)).toBe(override);
  });

  it('should load the state machine chunk for a canvas, once, and hand it out afterwards', async () => {
    const canvas = { ...base, inputs: [{ name: 'x', type: 'boolean' as const }] };
    const loaded = new Promise<void>((resolve, reject) => expect(engineFor(canvas, undefined, resolve, reject)).toBe(undefined));
    await loaded;
    const { stateMachineEngine } = await import('../../src/state-machine.js');
    expect(
      engineFor(
        canvas,
        undefined,
        () => {},
        () => {},
      ),
    ).toBe(stateMachineEngine);
  });
});
