import { describe, expect, it } from 'vitest';
import { costOf, planMascot } from '../src/core/plan.js';
import { collection, item, mascot } from './helpers.js';

describe('planMascot', () => {
  it('ships every completed item, every size of the wanted formats, and the PNG original only', () => {
    const plan = planMascot(mascot(), collection, [item('Idle'), item('Wave')]);
    expect(plan.poses.map((p) => p.name)).toEqual(['Idle', 'Wave']);
    const formats = plan.poses[0]!.files.map((f) => `${f.format}@${f.asset.width}`);
    expect(formats).toEqual(['hevc@720', 'png@720', 'stacked@360', 'stacked@720', 'webm@360', 'webm@480', 'webm@720']);
    expect(plan.poses[0]!.posterWidths).toEqual([360, 480, 720]);
    expect(plan.generate).toEqual([]);
    expect(plan.cost).toBe(0);
  });

  it('narrows to the requested sizes and formats', () => {
    const plan = planMascot(mascot({ sizes: [360], formats: ['webm'] }), collection, [item('Idle')]);
    expect(plan.poses[0]!.files.map((f) => `${f.format}@${f.asset.width}`)).toEqual(['webm@360']);
    expect(plan.missingSizes).toEqual([]);
    const odd = planMascot(mascot({ sizes: [360, 1080], formats: ['webm'] }), collection, [item('Idle')]);
    expect(odd.missingSizes).toEqual([1080]);
    expect(odd.poses[0]!.files.map((f) => `${f.format}@${f.asset.width}`)).toEqual(['webm@360']);
  });

  it('plans generation only for declared poses that are missing, and prices them', () => {
    const m = mascot({
      poses: {
        Idle: {},
        Dance: { image: 'fox dancing', animation: 'dances', duration: 3 },
        Sleep: { image: 'fox asleep' },
      },
    });
    const plan = planMascot(m, collection, [item('Idle')]);
    expect(plan.generate.map((g) => [g.pose, g.body.type, g.cost])).toEqual([
      ['Dance', 'animation', 16],
      ['Sleep', 'image', 1],
    ]);
    expect(plan.cost).toBe(17);
    expect(costOf({ type: 'animation', name: 'x', image_prompt: 'a', animation_prompt: 'b', duration: 4, loop: true })).toBe(21);
  });

  it('reports missing poses without prompts, and waits on items already being generated', () => {
    const plan = planMascot(mascot({ poses: { Ghost: {}, Wave: { image: 'x' } } }), collection, [item('Wave', { status: 'processing' })]);
    expect(plan.unavailable).toEqual(['Ghost']);
    expect(plan.pending.map((i) => i.name)).toEqual(['Wave']);
    expect(plan.generate).toEqual([]);
  });

  it('keeps the newest completed item of a name and links transitions between shipped poses', () => {
    const oldIdle = item('Idle', { created_at: '2025-01-01T00:00:00Z' });
    const idle = item('Idle');
    const wave = item('Wave');
    const clip = item('Idle to Wave', { loop: false, duration: 1, transition: { from_item_id: idle.id, to_item_id: wave.id, reverse_of_item_id: null } });
    const orphan = item('Old clip', { transition: { from_item_id: oldIdle.id, to_item_id: wave.id, reverse_of_item_id: null } });
    const plan = planMascot(mascot({ include: ['Idle', 'Wave'] }), collection, [oldIdle, idle, wave, clip, orphan]);
    expect(plan.poses.find((p) => p.name === 'Idle')!.item.id).toBe(idle.id);
    expect(plan.transitions.map((t) => [t.from, t.to, t.item.name])).toEqual([['Idle', 'Wave', 'Idle to Wave']]);
    expect(plan.transitions[0]!.files.every((f) => f.format !== 'png')).toBe(true);
  });
});
