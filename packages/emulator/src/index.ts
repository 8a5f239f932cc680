export { startEmulator, type Emulator } from './emulator.js';
export type { EmulatorOptions } from './options.js';
export type { FaultSpec, FaultKind } from './faults.js';
export type { LoggedRequest } from './request-log.js';
export type { MediaIndex, MediaClip } from './media.js';
export { DEMO } from './demo.js';
export type { Timers } from './jobs.js';
