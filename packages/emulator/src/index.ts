export { type Emulator, startEmulator } from './emulator.js';
export type { Timers } from './generation/jobs.js';
export type { FaultKind, FaultSpec } from './http/faults.js';
export type { LoggedRequest } from './http/request-log.js';
export type { MediaClip, MediaIndex } from './media/media.js';
export { DEMO } from './model/demo.js';
export type { EmulatorOptions } from './options.js';
