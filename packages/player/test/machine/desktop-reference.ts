import type { CanvasCondition, CanvasEdge, CanvasExport, Condition } from 'masko-manifest';
import { conditionHolds } from '../../src/machine/index.js';

/**
 * A reference model of Masko Desktop's canvas runtime, transcribed from its source so the conformance
 * tests do not derive their expectations from `MaskoMachine` itself. It reads the raw export (not
 * masko-manifest's conversion) and records the transition clips it plays.
 *
 * - RousselPaul/masko-code v0.7.1, `Sources/Services/OverlayStateMachine.swift`: `initializeInputs()`,
 *   `setInput()` (skip an unchanged value, else evaluate at once), `evaluateAndFire()` (ignored while a
 *   clip plays; the current node's non-loop edges in array order, first whose conditions all hold;
 *   `resetTriggerInput(changedInput)`), `arriveAtNode()` (reset `loopCount`/`nodeTime`/`clicked`, loop
 *   or hold, evaluate), `handleLoopCycleCompleted()`, `handleVideoEnded()`, `handleClick()`,
 *   `handleMouseOver()`.
 * - Any-state edges (`source: "*"`): the macOS app never fires them (it only walks edges whose source
 *   is the current node), so their rules come from its Windows port, paquoc/masko-code
 *   `src/services/state-machine.ts` (`evaluateAndFire()` steps 1–4: the highest-priority match, unless
 *   it points at the current node; a direct clip, else the first outgoing clip with `pendingTarget`
 *   remembered; during a clip only `pendingTarget` moves; re-decided at every arrival).
 * - Not modelled: `nodeTime` (no export here uses it; the engine tests cover its timers) and the
 *   hevc-only playback of the macOS app (every clip of these exports has both formats).
 */
export class DesktopReference {
  phase: 'idle' | 'looping' | 'transitioning' = 'idle';
  current: string;
  /** `From->To file.webm` for every transition clip played, in order. */
  readonly played: string[] = [];
  readonly #config: CanvasExport;
  readonly #edges: CanvasEdge[];
  readonly #anyState: CanvasEdge[];
  readonly #inputs = new Map<string, Value>();
  #pendingEdge: CanvasEdge | undefined;
  #pendingTarget: string | undefined;
  #loopCount = 0;

  constructor(config: CanvasExport) {
    this.#config = config;
    this.#edges = config.edges;
    // Array.prototype.sort is stable, like the port's: equal priorities keep edge order.
    this.#anyState = config.edges.filter((e) => e.source === '*').sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
    this.current = config.initialNode ?? config.nodes[0]!.id;
    // initializeInputs()
    const seeds: [string, Value][] = [
      ['clicked', false],
      ['mouseOver', false],
      ['loopCount', 0],
      ['nodeTime', 0],
      ['claudeCode::isWorking', false],
      ['claudeCode::isIdle', true],
      ['claudeCode::isAlert', false],
      ['claudeCode::isCompacting', false],
      ['claudeCode::sessionCount', 0],
    ];
    for (const [name, value] of seeds) this.#inputs.set(name, value);
    for (const input of config.inputs ?? []) this.#inputs.set(input.name, input.default ?? false);
  }

  start(): void {
    this.#arrive(this.current);
  }

  setInput(name: string, value: Value): void {
    const old = this.#inputs.get(name);
    if (old !== undefined && num(old) === num(value)) return;
    this.#inputs.set(name, value);
    this.#evaluate(name);
  }

  click(): void {
    this.setInput('clicked', true);
  }

  hover(over: boolean): void {
    this.setInput('mouseOver', over);
  }

  loopEnded(): void {
    if (this.phase !== 'looping') return;
    this.#loopCount += 1;
    this.setInput('loopCount', this.#loopCount);
  }

  clipEnded(): void {
    const edge = this.#pendingEdge;
    if (this.phase !== 'transitioning' || !edge) return;
    this.#pendingEdge = undefined;
    this.#arrive(edge.target);
  }

  name(nodeId: string): string {
    return this.#config.nodes.find((n) => n.id === nodeId)?.name ?? nodeId;
  }

  #evaluate(changed: string): void {
    if (this.phase === 'transitioning') {
      const best = this.#bestAnyState();
      if (best && best.target !== this.current) this.#pendingTarget = best.target;
      return;
    }
    let best = this.#bestAnyState();
    if (best?.target === this.current) best = undefined;
    if (this.#pendingTarget !== undefined) this.#pendingTarget = best?.target;
    const toward = this.#pendingTarget ?? best?.target;
    if (toward !== undefined) {
      const direct = this.#outgoing().find((e) => e.target === toward && hasClip(e));
      if (direct) {
        this.#pendingTarget = undefined;
        return this.#fire(direct, changed);
      }
      this.#pendingTarget = toward;
      const back = this.#outgoing().find(hasClip);
      if (back) return this.#fire(back, changed);
      this.#pendingTarget = undefined;
    }
    const edge = this.#outgoing().find((e) => this.#allHold(e.conditions));
    if (edge) this.#fire(edge, changed);
  }

  #fire(edge: CanvasEdge, changed: string): void {
    this.#resetTrigger(changed);
    if (!hasClip(edge)) return this.#arrive(edge.target);
    this.#pendingEdge = edge;
    this.phase = 'transitioning';
    this.played.push(`${this.name(edge.source)}->${this.name(edge.target)} ${clipFile(edge)}`);
  }

  #arrive(nodeId: string): void {
    this.#loopCount = 0;
    this.current = nodeId;
    this.#inputs.set('loopCount', 0);
    this.#inputs.set('nodeTime', 0);
    this.#inputs.set('clicked', false);
    const loop = this.#edges.find((e) => e.source === nodeId && e.target === nodeId && isLoop(e));
    this.phase = loop && hasClip(loop) ? 'looping' : 'idle';
    this.#evaluate('nodeArrival');
  }

  #resetTrigger(name: string): void {
    if (name === 'clicked') this.#inputs.set('clicked', false);
    if (name.startsWith('claudeCode::') && !CLAUDE_CODE_STATES.includes(name)) this.#inputs.set(name, false);
    if (this.#config.inputs?.find((i) => i.name === name)?.type === 'trigger') this.#inputs.set(name, false);
  }

  #outgoing(): CanvasEdge[] {
    return this.#edges.filter((e) => e.source === this.current && !isLoop(e));
  }

  readonly #read = (name: string): Value | undefined => this.#inputs.get(name);

  #bestAnyState(): CanvasEdge | undefined {
    return this.#anyState.find((e) => this.#allHold(e.conditions));
  }

  #allHold(conditions: CanvasCondition[] | undefined): boolean {
    if (!conditions?.length) return false;
    // One comparison is the engine's own `conditionHolds` (numeric, as Desktop's `compare`; tested in conditions.test.ts).
    return conditions.every((c) => conditionHolds({ input: c.input, op: (c.op ?? '==') as Condition['op'], value: c.value ?? true }, this.#read));
  }
}

type Value = boolean | number;

const CLAUDE_CODE_STATES = ['isWorking', 'isIdle', 'isAlert', 'isCompacting', 'sessionCount'].map((s) => `claudeCode::${s}`);

const num = (value: Value): number => (typeof value === 'boolean' ? Number(value) : value);

const isLoop = (edge: CanvasEdge): boolean => edge.isLoop ?? edge.source === edge.target;

const hasClip = (edge: CanvasEdge): boolean => !!(edge.videos?.webm || edge.videos?.hevc);

/** The clip's file name, e.g. `idle-working-2acd4462.webm`. */
export const clipFile = (edge: { videos?: { webm?: string } }): string => edge.videos?.webm?.split('/').pop() ?? '';
