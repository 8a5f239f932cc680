import { describe, expect, it } from 'vitest';
import type { GenerateBody, SyncClient } from '../src/core/api-types.js';
import { planMascot } from '../src/core/plan.js';
import { generateAll } from '../src/core/sync.js';
import { collection, item, mascot } from './helpers.js';

/** Records what the engine asks for; the HTTP side is covered against the emulator in sync.test.ts. */
function recordingClient() {
  const batches: GenerateBody[][] = [];
  const waits: string[][] = [];
  let next = 0;
  const client = {
    async generateBatch(_: string, bodies: GenerateBody[]) {
      batches.push(bodies);
      return { jobs: bodies.map(() => ({ job_id: `job-${next++}`, item_id: 'i', cost_credits: 1 })), total_cost: bodies.length };
    },
    async waitForJobs(ids: string[]) {
      waits.push(ids);
      return [];
    },
  } as unknown as SyncClient;
  return { client, batches, waits };
}

describe('generateAll', () => {
  it('sends at most 10 requests per batch and awaits every job in one wait', async () => {
    const poses = Object.fromEntries(Array.from({ length: 23 }, (_, i) => [`Pose ${String(i).padStart(2, '0')}`, { image: `pose ${i}` }]));
    const plan = planMascot(mascot({ poses }), collection, [item('Idle')]);
    expect(plan.generate).toHaveLength(23);
    const { client, batches, waits } = recordingClient();
    expect(await generateAll(client, [plan])).toBe(23);
    expect(batches.map((b) => b.length)).toEqual([10, 10, 3]);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toHaveLength(23);
  });
});
