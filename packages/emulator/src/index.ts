export { DEMO } from './demo.js';
export { type Emulator, startEmulator } from './emulator.js';
export type { FaultKind, FaultSpec } from './faults.js';
export type { Timers } from './jobs.js';
export type { MediaClip, MediaIndex } from './media.js';
export type { EmulatorOptions } from './options.js';
export type { LoggedRequest } from './request-log.js';
