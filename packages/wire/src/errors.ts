import { redactSecrets } from './api-key.js';

/**
 * Every error masko's packages throw (masko-client's are subclasses): a `code` to branch on, a message
 * that starts with `[masko]` exactly once and, when we know it, the fix as a `hint:` line. The message is
 * redacted when made, so no key can leave through it, whoever prints it.
 */
export class MaskoError extends Error {
  override name = 'MaskoError';
  readonly code: string;
  readonly hint: string | undefined;
  constructor(code: string, message: string, hint?: string, options?: { cause?: unknown }) {
    const prefixed = message.startsWith('[masko]') ? message : `[masko] ${message}`;
    super(redactSecrets(`${prefixed}${hint ? `\n  hint: ${hint}` : ''}`), options);
    this.code = code;
    this.hint = hint;
  }
}
