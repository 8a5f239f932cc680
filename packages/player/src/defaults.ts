import type { ClaudeCodeInput } from './machine/index.js';
/** Bytes fetched ahead per pose on screen unless the page sets `preload-budget`: 2 MB. */
export const PRELOAD_BUDGET = 2_000_000;

/**
 * How long an element stays far off screen (or in a hidden tab) before it lets go of its video: 15 s,
 * when Chromium itself suspends a paused player's decoder. Safari (like WebKitGTK) has no such timer,
 * and its hardware-specific cap on media elements counts paused ones too (WebKit bug 162366), so on a
 * long page of mascots the element lets go itself, and sooner than the 30 s it used to wait.
 */
export const RELEASE_AFTER_MS = 15_000;

/** The inputs every canvas has: the machine keeps the first four current, the page sets Masko's `claudeCode::` ones. */
export type BuiltinInput = 'clicked' | 'mouseOver' | 'loopCount' | 'nodeTime' | ClaudeCodeInput;
/** A state-machine input value: booleans and numbers compare numerically (`true` is 1). */
export type InputValue = boolean | number;
