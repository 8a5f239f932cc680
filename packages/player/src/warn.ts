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
