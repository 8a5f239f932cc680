/**
 * Where a sync reports to: log lines and download progress. Their own module so that `sync.ts` and the
 * modules it drives (`lock-mascot.ts`) both import them without importing each other (no import cycle).
 */
import { tagged } from './errors.js';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}
export interface Progress {
  add(files: number, bytes: number): void;
  advance(bytes: number): void;
  fileDone(): void;
}

/** A Logger writing to `to` (consola, a bundler's logger): every line `[masko]`-prefixed once and redacted. */
export function taggedLogger(to: Logger): Logger {
  return { info: (m) => to.info(tagged(m)), warn: (m) => to.warn(tagged(m)) };
}
