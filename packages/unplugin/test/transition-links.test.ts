import { describe, expect, it } from 'vitest';
import type { ApiItem } from '../src/core/api-types.js';
import { planMascot } from '../src/core/plan.js';
import { fileSlug, linkTransitions } from '../src/core/transition-links.js';
import { asset, collection, item, mascot } from './helpers.js';

/** An item as an API without links gives it: files named the way Masko's CDN names them. */
function named(name: string, slug: string, extra: Partial<ApiItem> = {}): ApiItem {
  const url = (hash: string, size?: number) => `https://assets.masko.ai/7fced6/felix-4735/${slug}-${hash}${size ? `-${size}` : ''}.webm?expires=1&sig=ab`;
  return item(name, {
    assets: [asset('webm', 480, null, { url: url('c49b491b') }), asset('webm', 360, 360, { url: url('54937ffb', 360) })],
    ...extra,
  });
}
const pairs = (items: ApiItem[]) => planMascot(mascot(), collection, items).transitions.map((t) => `${t.from}->${t.to}${t.reverse ? ' (reverse)' : ''}`);
const poses = (items: ApiItem[]) => planMascot(mascot(), collection, items).poses.map((p) => p.name);

describe('fileSlug', () => {
  it('reads the item slug from originals, size variants, signed URLs and old 4-hex hashes', () => {
    expect(fileSlug('https://assets.masko.ai/7fced6/spark-4735/idle-working-2acd4462.webm')).toBe('idle-working');
    expect(fileSlug('https://assets.masko.ai/7fced6/spark-4735/waving-hello-54937ffb-360.mov?expires=9&sig=00')).toBe('waving-hello');
    expect(fileSlug('https://cdn.test/u/c/waving-a1b2-720.webm')).toBe('waving');
    expect(fileSlug('https://cdn.test/u/c/no-hash.webm')).toBeUndefined();
  });
});

describe('linkTransitions without a canvas (Masko file naming)', () => {
  const idle = named('Idle', 'idle');
  const thumbs = named('Thumbs Up', 'thumbs-up');
  const up = named('Idle to Thumbs Up', 'idle-thumbs-up', { loop: false });
  const down = named('Thumbs Up to Idle', 'thumbs-up-idle', { loop: false });

  it('makes `{from}-{to}` clips transitions between the poses, so none ships as a pose', () => {
    const items = linkTransitions([idle, thumbs, up, down]);
    expect(poses(items)).toEqual(['Idle', 'Thumbs Up']);
    expect(pairs(items)).toEqual(['Idle->Thumbs Up', 'Thumbs Up->Idle']);
    // Without the inference the same listing ships the clips as poses: the defect this fixes.
    expect(poses([idle, thumbs, up, down])).toEqual(['Idle', 'Idle to Thumbs Up', 'Thumbs Up', 'Thumbs Up to Idle']);
  });

  it('leaves looping items, ambiguous names and listings that carry links as they are', () => {
    const loops = named('Idle Thumbs Up', 'idle-thumbs-up', { loop: true });
    expect(pairs(linkTransitions([idle, thumbs, loops]))).toEqual([]);
    // `a-b-c` splits as a + b-c and as a-b + c: no way to tell, so no transition.
    const [a, b, c, ab, bc] = [named('A', 'a'), named('B', 'b'), named('C', 'c'), named('AB', 'a-b'), named('BC', 'b-c')];
    const abc = named('ABC', 'a-b-c', { loop: false });
    expect(linkTransitions([a, b, c, ab, bc, abc]).find((i) => i.id === abc.id)!.transition).toBeNull();
    // Once any item carries a link, the API gives them: nothing is inferred.
    const given = named('Given', 'given', { loop: false, transition: { from_item_id: thumbs.id, to_item_id: idle.id, reverse_of_item_id: null } });
    expect(pairs(linkTransitions([idle, thumbs, up, given]))).toEqual(['Thumbs Up->Idle']);
  });
});

describe('linkTransitions from a canvas (its edges name their clips)', () => {
  const idle = item('Idle');
  const wave = item('Wave');
  const there = item('first clip', { loop: false });
  const back = item('second clip', { loop: false });
  const edges = [
    { from: 'Idle', to: 'Wave', item: there.id, conditions: [] },
    { from: 'Wave', to: 'Idle', item: back.id, reverse: true, conditions: [] },
    { from: '*', to: 'Wave', conditions: [] },
    // An edge whose clip is a pose's own item: the pose stays a pose.
    { from: 'Wave', to: 'Idle', item: idle.id, conditions: [] },
  ];

  it('ties each edge clip to its poses, reverse as the edge says, whatever the items are named', () => {
    const items = linkTransitions([idle, wave, there, back], edges);
    expect(planMascot(mascot(), collection, items, ['Idle', 'Wave']).poses.map((p) => p.name)).toEqual(['Idle', 'Wave']);
    expect(pairs(items)).toEqual(['Idle->Wave', 'Wave->Idle (reverse)']);
  });
});
