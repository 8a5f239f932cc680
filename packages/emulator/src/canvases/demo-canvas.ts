import { stableUuid } from '../model/ids.js';
import type { CanvasEdgeRec, CanvasRec, ConditionRec } from '../model/records.js';

const node = (key: string): string => stableUuid(`demo:node:${key}`);
const cond = (input: string, op: string, value: boolean | number): ConditionRec => ({ input, op, value });

/**
 * The demo's state machine. It exercises every feature the player implements: loops, a trigger
 * input (`wave`), a boolean input (`thinking`), the built-in `clicked`, `nodeTime` conditions,
 * a `reverse` edge (Thinking -> Idle) and an any-state edge (`*` -> Thinking).
 */
export function demoCanvas(id: string, collectionId: string, poseItems: Map<string, string>, transitionItem: (slug: string) => string): CanvasRec {
  const poses: [string, string][] = [
    ['idle', 'Idle'],
    ['wave', 'Wave'],
    ['thumbs-up', 'Thumbs Up'],
    ['thinking', 'Thinking'],
  ];
  const edge = (slug: string, source: string, target: string, e: Partial<CanvasEdgeRec>): CanvasEdgeRec => ({
    id: stableUuid(`demo:edge:${slug}`),
    source,
    target,
    isLoop: false,
    duration: 1,
    description: slug,
    conditions: [],
    itemId: transitionItem(slug),
    ...e,
  });
  const edges: CanvasEdgeRec[] = poses.map(([key, name]) =>
    edge(key, node(key), node(key), { isLoop: true, duration: 2, description: `${name} loop`, itemId: poseItems.get(key) ?? null }),
  );
  edges.push(
    edge('idle-wave', node('idle'), node('wave'), { conditions: [cond('wave', '==', true)] }),
    edge('wave-idle', node('wave'), node('idle'), { conditions: [cond('nodeTime', '>=', 2000)] }),
    edge('idle-thumbs-up', node('idle'), node('thumbs-up'), { conditions: [cond('clicked', '==', true)] }),
    edge('thumbs-up-idle', node('thumbs-up'), node('idle'), { conditions: [cond('nodeTime', '>=', 2000)] }),
    edge('idle-thinking', node('idle'), node('thinking'), { conditions: [cond('thinking', '==', true)] }),
    edge('thinking-idle', node('thinking'), node('idle'), { reverse: true, conditions: [cond('thinking', '==', false)] }),
    {
      id: 'as-thinking-01',
      source: '*',
      target: node('thinking'),
      isLoop: false,
      duration: 0,
      priority: 1,
      description: 'Think from anywhere',
      conditions: [cond('thinking', '==', true)],
      itemId: null,
    },
  );
  return {
    id,
    collectionId,
    name: 'Felix state machine',
    templateId: null,
    nodes: poses.map(([key, name]) => ({ id: node(key), key, name, itemId: poseItems.get(key) ?? null, imagePrompt: null })),
    edges,
    inputs: [
      { name: 'wave', type: 'trigger', default: false },
      { name: 'thinking', type: 'boolean', default: false },
    ],
    initialNodeId: node('idle'),
    createdAt: '',
    updatedAt: '',
  };
}
