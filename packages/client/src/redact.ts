// Every message and log line of the client passes through here, so the API key can never leak: the
// one redaction of masko-wire (the keys this process was given, anything key-shaped, bearer tokens).
import { redactSecrets } from 'masko-wire';

export { rememberSecret } from 'masko-wire';
export const redact = redactSecrets;

export interface MaskoLogger {
  debug?(message: string): void;
  warn?(message: string): void;
}

/** Wraps a logger so that everything it receives is redacted and `[masko]`-prefixed. */
export function safeLogger(logger: MaskoLogger | undefined): Required<MaskoLogger> {
  const emit = (fn: ((m: string) => void) | undefined) => (message: string) => {
    if (!fn) return;
    try {
      fn.call(logger, redact(message.startsWith('[masko]') ? message : `[masko] ${message}`));
    } catch {
      // A throwing user logger must not break a request.
    }
  };
  return { debug: emit(logger?.debug), warn: emit(logger?.warn) };
}
