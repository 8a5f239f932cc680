/** Every error we throw: a code, a `[masko]` prefix and, when we know one, the fix. */
export class MaskoError extends Error {
  override name = 'MaskoError';
  constructor(readonly code: string, message: string, readonly hint?: string) {
    super(`[masko] ${message}${hint ? `\n  hint: ${hint}` : ''}`);
  }
}

const KEY_RE = /masko_[0-9a-f]{64}/g;

/** Removes anything shaped like an API key from a message (defence in depth; nothing should carry one). */
export function redact(text: string): string {
  return text.replace(KEY_RE, 'masko_***');
}

/** A message for any thrown value, prefixed and redacted. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return redact(message.startsWith('[masko]') ? message : `[masko] ${message}`);
}

/** A log line with the `[masko]` prefix exactly once, redacted. */
export function tagged(message: string): string {
  return redact(message.startsWith('[masko]') ? message : `[masko] ${message}`);
}
