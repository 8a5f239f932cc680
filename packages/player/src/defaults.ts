import type { ClaudeCodeInput } from './machine/index.js';
/** Bytes fetched ahead per pose on screen unless the page sets `preload-budget`: 2 MB. */
export const PRELOAD_BUDGET = 2_000_000;

/** How long an element stays far off screen (or in a hidden tab) before it lets go of its video: 30 s. */
export const RELEASE_AFTER_MS = 30_000;

/** The inputs every canvas has: the machine keeps the first four current, the page sets Masko's `claudeCode::` ones. */
export type BuiltinInput = 'clicked' | 'mouseOver' | 'loopCount' | 'nodeTime' | ClaudeCodeInput;
/** A state-machine input value: booleans and numbers compare numerically (`true` is 1). */
export type InputValue = boolean | number;
