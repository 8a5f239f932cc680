declare global {
  /** Set to `false` by the production builds so that warnings and their strings are dropped. */
  var MASKO_DEV: boolean | undefined;
}

/** True in sources and the `development` build; the production builds replace it with `false`. */
export const DEV = globalThis.MASKO_DEV !== false;

const issued = new Set<string>();

/**
 * A development-only console warning, prefixed with the tag and issued once per code.
 * Call as `DEV && warn(...)` so production builds drop the message text too.
 */
export function warn(code: string, message: string): void {
  if (!DEV || issued.has(code)) return;
  issued.add(code);
  console.warn(`<masko-mascot> ${message} [${code}]`);
}

/**
 * A failure the page must hear about in every build (a typo in `src`, a missing clip): one
 * `[masko]` console line naming what failed, so an empty box is never silent. The same failure
 * also fires `masko-error` with `reason`.
 */
export function report(reason: string, message: string): void {
  console.warn(`[masko] <masko-mascot>: ${message} (masko-error ${reason})`);
}

/** Development: a mascot with no accessible name (nor hidden from assistive technology) gets a warning. */
export function warnUnnamed(host: HTMLElement & { alt?: string }): void {
  if (!host.alt && !host.hasAttribute('aria-label') && !host.hasAttribute('aria-hidden')) {
    warn('missing-alt', 'has no alt: screen readers announce an unnamed image. Set alt="…", or aria-hidden="true" if it is decorative.');
  }
}
