/**
 * The Masko API key: its one pattern (what the client accepts, the emulator authenticates and the plugin
 * validates) and the one redaction every package applies to what it prints, logs or throws.
 */

/** `masko_` and 64 hex digits, either case (keys are shown lower-case; a pasted upper-case one still works). */
export const API_KEY_PATTERN = /^masko_[0-9a-fA-F]{64}$/;

/** How a key is described in messages (never the key itself). */
export const API_KEY_SHAPE = "'masko_' followed by 64 hex digits";

export function isApiKey(value: unknown): value is string {
  return typeof value === 'string' && API_KEY_PATTERN.test(value);
}

/** Anything that looks like a key, even a malformed one (a wrong length is still somebody's secret). */
const KEY_LIKE = /masko_[0-9A-Za-z]{8,}/g;
/** `Bearer <token>` whatever the token (a header echoed into a message). */
const BEARER = /(Bearer\s+)[^\s"',;]+/gi;

const remembered = new Set<string>();

/**
 * Makes every later `redactSecrets()` mask `secret` too: a key that is not key-shaped (a typo, another
 * service's token pasted by mistake) must not reach output either. Values shorter than 8 are ignored.
 */
export function rememberSecret(secret: string): void {
  if (secret.length >= 8) remembered.add(secret);
}

/** `text` with every remembered secret, key-shaped string and bearer token replaced by `masko_***` / `***`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of remembered) out = out.split(secret).join('masko_***');
  return out.replace(KEY_LIKE, 'masko_***').replace(BEARER, '$1***');
}
