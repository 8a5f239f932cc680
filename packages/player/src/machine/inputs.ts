import type { InputDef } from 'masko-manifest';
import { toNumber } from './conditions.js';
import type { InputValue } from './types.js';

/** Inputs every machine has, with their values on arrival at a pose (`mouseOver` is not reset). */
export const BUILTIN_INPUTS = { clicked: false, mouseOver: false, loopCount: 0, nodeTime: 0 } as const;

/**
 * Masko Desktop's Claude Code *session* inputs, with the values its state machine seeds when it is
 * created (`OverlayStateMachine.initializeInputs()` in RousselPaul/masko-code; the Windows port
 * does the same). Real exports use them in conditions without declaring them.
 */
export const CLAUDE_CODE_INPUTS = {
  'claudeCode::isWorking': false,
  'claudeCode::isIdle': true,
  'claudeCode::isAlert': false,
  'claudeCode::isCompacting': false,
  'claudeCode::sessionCount': 0,
} as const;

export type ClaudeCodeInput = keyof typeof CLAUDE_CODE_INPUTS;
/** The name of an input Masko seeds without a canvas declaring it. */
export type SystemInput = keyof typeof BUILTIN_INPUTS | ClaudeCodeInput;

// Masko Desktop's other `claudeCode::` inputs are hook events (`claudeCode::Stop` …): they reset like triggers.
const CLAUDE_PREFIX = 'claudeCode::';
const isClaudeCodeState = (name: string) => Object.hasOwn(CLAUDE_CODE_INPUTS, name);

/** Whether `value` can be an input value. */
export const isInputValue = (value: unknown): value is InputValue => typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/**
 * The current input values. Initialised like Masko Desktop: the built-ins and the Claude Code
 * session inputs, then values the host supplies, then each declared input's `default` (false / 0
 * when it has none).
 */
export class InputStore {
  readonly #values = new Map<string, InputValue>();
  readonly #triggers = new Set<string>(['clicked']);

  constructor(defs: readonly InputDef[], host: Readonly<Record<string, InputValue>> = {}) {
    for (const [name, value] of Object.entries({ ...BUILTIN_INPUTS, ...CLAUDE_CODE_INPUTS })) this.#values.set(name, value);
    for (const [name, value] of Object.entries(host)) this.#values.set(name, value);
    for (const def of defs) {
      this.#values.set(def.name, def.default ?? (def.type === 'number' ? 0 : false));
      if (def.type === 'trigger') this.#triggers.add(def.name);
    }
  }

  /** The value, or `undefined` for an input nobody has set (conditions on it are false). */
  get = (name: string): InputValue | undefined => this.#values.get(name);

  /** Stores `value`; returns false when it equals the current value numerically (nothing changed). */
  set(name: string, value: InputValue): boolean {
    const old = this.#values.get(name);
    if (old !== undefined && toNumber(old) === toNumber(value)) return false;
    this.#values.set(name, value);
    return true;
  }

  /** Trigger-like inputs reset once they have fired an edge: `clicked`, `trigger` inputs, Claude Code events. */
  isTrigger(name: string): boolean {
    return this.#triggers.has(name) || (name.startsWith(CLAUDE_PREFIX) && !isClaudeCodeState(name));
  }

  /** Resets the trigger-like ones among `names` to false. */
  resetTriggers(names: Iterable<string>): void {
    for (const name of names) if (this.isTrigger(name) && this.#values.has(name)) this.#values.set(name, false);
  }

  /** The node-local inputs, reset on arrival at a pose. */
  resetForArrival(): void {
    this.#values.set('clicked', false);
    this.#values.set('loopCount', 0);
    this.#values.set('nodeTime', 0);
  }

  snapshot(): Record<string, InputValue> {
    return Object.fromEntries(this.#values);
  }
}
