import type { MaskoErrorReason } from './events.js';

/** An error with the `masko-error` reason it should be reported under. */
export type ReasonedError = Error & { reason: MaskoErrorReason; target?: string };

export const reasoned = (reason: MaskoErrorReason, message: string, target?: string): ReasonedError => Object.assign(new Error(message), { reason, target });
