/** What a manifest URL must be, as worded in error messages. */
export const URL_EXPECTED = 'an http(s) or relative URL string';

// Browsers drop ASCII tab and newlines anywhere in a URL and trim leading C0 controls and spaces,
// so `java\tscript:` and ` javascript:` are still `javascript:`. Normalise the same way before
// looking at the scheme.
const STRIPPED = /[\t\n\r]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: C0 controls are what browsers trim
const LEADING = /^[\u0000-\u0020]+/;
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/**
 * Whether `value` is a URL the player may load: `http:`/`https:` absolute URLs, protocol-relative
 * (`//cdn/x.webm`) and relative paths (`/a.webm`, `./a.webm`, `a.webm`). Every other scheme is
 * refused — `javascript:`, `vbscript:`, `data:`, `blob:`, `file:` — as is the empty string.
 */
export function isSafeUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const url = value.replace(STRIPPED, '').replace(LEADING, '');
  if (url === '') return false;
  const scheme = SCHEME.exec(url);
  if (!scheme) return true;
  const name = scheme[1]!.toLowerCase();
  return name === 'http' || name === 'https';
}
