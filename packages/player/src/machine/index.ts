export { MaskoMachine, type MachineOptions } from './machine.js';
export type { InputValue, MachineEvent, MachineListener, MachinePhase, MachineState, Scheduler } from './types.js';
export { allHold, conditionHolds, toNumber } from './conditions.js';
export { BUILTIN_INPUTS, CLAUDE_CODE_INPUTS, InputStore, isInputValue, type ClaudeCodeInput, type SystemInput } from './inputs.js';
export { anyStateTransitions, hasMedia, shortestClipPath } from './routing.js';
export { nodeTimeThresholds } from './timers.js';
