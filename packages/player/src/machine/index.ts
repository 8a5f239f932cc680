export { allHold, conditionHolds, toNumber } from './conditions.js';
export { BUILTIN_INPUTS, CLAUDE_CODE_INPUTS, type ClaudeCodeInput, InputStore, isInputValue, type SystemInput } from './inputs.js';
export { type MachineOptions, MaskoMachine } from './machine.js';
export { anyStateTransitions, hasMedia, shortestClipPath } from './routing.js';
export { nodeTimeThresholds } from './timers.js';
export type { InputValue, MachineEvent, MachineListener, MachinePhase, MachineState, Scheduler } from './types.js';
