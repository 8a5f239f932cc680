// Ids that would change the request path (`..` → another endpoint after URL normalisation) are refused
// before anything is sent, naming what they are; the real emulator's log proves no request left.
import { DEMO } from 'masko-emulator';
import { describe, expect, it } from 'vitest';
import { toArray } from '../src/index.js';
import { useHarness } from './emulator.js';
import { rejection } from './helpers.js';

const h = useHarness();
const BAD = ['..', '.', '', '../projects', 'a/b', '%2e%2e', '..%2F', 'x y', 'x'.repeat(129)];

describe('ids in paths', () => {
  for (const bad of BAD) {
    it(`refuses ${JSON.stringify(bad.slice(0, 20))} everywhere before any request`, async () => {
      h.mark();
      const calls: [string, () => Promise<unknown>][] = [
        ['collection id', () => h.client.collections.get(bad)],
        ['collection id', () => toArray(h.client.items.list(bad))],
        ['collection id', () => toArray(h.client.assets.list(bad))],
        ['collection id', () => toArray(h.client.canvases.list(bad))],
        ['canvas id', () => h.client.canvases.get(DEMO.collectionId, bad)],
        ['item id', () => h.client.items.get(bad)],
        ['asset id', () => h.client.assets.get(bad)],
        ['job id', () => h.client.jobs.get(bad)],
        ['job id', () => h.client.waitForJob(bad)],
      ];
      // generate() says an empty collection id is missing, in its own words (still before any request).
      if (bad) calls.push(['collection id', () => h.client.generate(bad, { type: 'image', name: 'x', image_prompt: 'x' })]);
      for (const [what, call] of calls) {
        const err = await rejection(call);
        expect(err.message).toMatch(
          new RegExp(`^\\[masko\\] ${what} ".*" is not an id \\(expected letters, digits, "-" and "_", 1 to 128 characters\\); nothing was sent$`),
        );
      }
      expect(h.requests()).toEqual([]);
    });
  }

  it('still reaches every endpoint with real ids', async () => {
    expect((await h.client.collections.get(DEMO.collectionId)).id).toBe(DEMO.collectionId);
    expect((await toArray(h.client.items.list(DEMO.collectionId))).length).toBeGreaterThan(4);
  });
});
