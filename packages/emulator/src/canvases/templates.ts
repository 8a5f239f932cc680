import type { CanvasEdgeRec, ConditionRec, InputRec } from '../model/records.js';

/** A template: graph structure only (no media), nodes referenced by key. */
export interface CanvasTemplate {
  id: string;
  name: string;
  description: string;
  nodes: { key: string; name: string; imagePrompt: string }[];
  /** A canvas edge without ids (made when applied); `isLoop` defaults to false. */
  edges: (Omit<CanvasEdgeRec, 'id' | 'itemId' | 'isLoop'> & { isLoop?: boolean })[];
  inputs: InputRec[];
}

const is = (input: string, value: boolean): ConditionRec => ({ input: `claudeCode::${input}`, op: '==', value });
const NODES = [
  { key: 'idle', name: 'Idle', imagePrompt: 'standing relaxed, neutral expression' },
  { key: 'working', name: 'Working', imagePrompt: 'typing busily on a tiny laptop' },
  { key: 'needs-attention', name: 'Needs Attention', imagePrompt: 'waving both arms to get attention' },
  { key: 'thinking', name: 'Thinking', imagePrompt: 'hand on chin, thinking' },
];
const INPUTS: InputRec[] = [
  { name: 'claudeCode::isWorking', type: 'boolean', system: true, default: false },
  { name: 'claudeCode::isIdle', type: 'boolean', system: true, default: true },
  { name: 'claudeCode::isAlert', type: 'boolean', system: true, default: false },
  { name: 'claudeCode::isCompacting', type: 'boolean', system: true, default: false },
  { name: 'claudeCode::sessionCount', type: 'number', system: true, default: 0 },
];
const loops = NODES.map((n) => ({ source: n.key, target: n.key, isLoop: true, duration: 4, description: `${n.name} loop`, conditions: [] }));
const toWorking = [is('isWorking', true), is('isAlert', false), is('isCompacting', false)];
const toIdle = [is('isIdle', true), is('isAlert', false), is('isCompacting', false)];
const toAlert = [is('isAlert', true)];
const toThinking = [is('isCompacting', true), is('isAlert', false)];
const edge = (source: string, target: string, conditions: ConditionRec[], extra = {}) => ({
  source,
  target,
  duration: 4,
  description: `${source} to ${target}`,
  conditions,
  ...extra,
});

/** The two built-in templates, shaped after real exports (fixtures/masko-exports: masko.json, maya.json). */
export const TEMPLATES: CanvasTemplate[] = [
  {
    id: 'claude-code-4state',
    name: 'Claude Code 4-State',
    description: 'Idle, Working, Needs Attention and Thinking; every pose reaches every other (16 edges).',
    nodes: NODES,
    edges: [
      ...loops,
      edge('idle', 'working', toWorking),
      edge('idle', 'needs-attention', toAlert),
      edge('idle', 'thinking', toThinking),
      edge('working', 'idle', toIdle),
      edge('working', 'needs-attention', toAlert),
      edge('needs-attention', 'idle', toIdle),
      edge('needs-attention', 'working', toWorking),
      edge('needs-attention', 'thinking', toThinking),
      edge('working', 'thinking', toThinking),
      edge('thinking', 'idle', toIdle),
      edge('thinking', 'working', toWorking),
      edge('thinking', 'needs-attention', toAlert),
    ],
    inputs: INPUTS,
  },
  {
    id: 'claude-code-4state-lite',
    name: 'Claude Code 4-State Lite',
    description: 'Four poses around Idle: 3 forward clips, their 3 free reverses, 3 any-state edges.',
    nodes: NODES,
    edges: [
      ...loops,
      edge('idle', 'working', toWorking, { speed: 2 }),
      edge('idle', 'needs-attention', toAlert, { speed: 2 }),
      edge('idle', 'thinking', toThinking, { speed: 2 }),
      edge('working', 'idle', [is('isIdle', true)], { speed: 2, reverse: true }),
      edge('needs-attention', 'idle', [is('isAlert', false)], { speed: 2, reverse: true }),
      edge('thinking', 'idle', [is('isCompacting', false), is('isAlert', false)], { speed: 2, reverse: true }),
      { source: '*', target: 'needs-attention', duration: 0, priority: 3, description: 'alert from anywhere', conditions: toAlert },
      { source: '*', target: 'thinking', duration: 0, priority: 2, description: 'compacting from anywhere', conditions: [is('isCompacting', true)] },
      { source: '*', target: 'working', duration: 0, priority: 1, description: 'working from anywhere', conditions: [is('isWorking', true)] },
    ],
    inputs: INPUTS,
  },
];

export const findTemplate = (id: string): CanvasTemplate | undefined => TEMPLATES.find((t) => t.id === id);
