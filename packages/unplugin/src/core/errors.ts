import { MaskoError, redactSecrets } from 'masko-wire';
import { withHint } from './hints.js';

/** Every error we throw: masko-wire's, the one masko-client throws too (a code, a `[masko]` prefix and, when we know one, the fix). */
export { MaskoError };

/** Removes anything shaped like an API key from a message (defence in depth; nothing should carry one). */
export const redact = redactSecrets;

/** A message for any thrown value, prefixed, with a hint (hints.ts), redacted. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return redact(withHint(message.startsWith('[masko]') ? message : `[masko] ${message}`, error));
}

/**
 * A URL for messages: origin and path of http(s) (a signed URL's query may hold a token); scheme and
 * path, cut short, of anything else (`file:` has no origin: it would read `null/etc/passwd`).
 */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') return `${u.origin}${u.pathname}`;
    const shown = `${u.protocol}${u.pathname}`;
    return shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
  } catch {
    return JSON.stringify(url.length > 80 ? `${url.slice(0, 77)}...` : url);
  }
}

/** A file's failure as a `[masko]` error naming the entry (mascot, pose, asset) and the URL (once). */
export function namingEntry(entry: string, url: string, error: unknown): MaskoError {
  const shown = shownUrl(url);
  const message = error instanceof Error ? error.message.replace(/^\[masko\] /, '') : String(error);
  const text = message.includes(shown) ? message : `${shown}: ${message}`;
  return Object.assign(new MaskoError(error instanceof MaskoError ? error.code : 'download_failed', `${entry}: ${text}`), { cause: error });
}

/** Stacks are for us, not for users: shown only with `--debug` or `DEBUG` set. */
export function debugging(flag?: boolean): boolean {
  return !!flag || !!process.env.DEBUG;
}

/**
 * What the plugin hands a bundler: the `[masko]` message, redacted, and no stack (bundlers print
 * `error.stack`) unless debugging. A failure that is not ours says it is unexpected.
 */
export function userError(error: unknown): Error {
  const out = new Error(describeError(error), { cause: error });
  out.stack = debugging() && error instanceof Error && error.stack ? redact(error.stack) : out.message;
  return out;
}

/** A log line with the `[masko]` prefix exactly once, redacted. */
export function tagged(message: string): string {
  return redact(message.startsWith('[masko]') ? message : `[masko] ${message}`);
}
