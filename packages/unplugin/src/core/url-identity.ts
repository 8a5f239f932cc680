/**
 * A URL without its query: what stays the same when an API signs asset URLs afresh on every answer
 * (`?expires=&sig=`). Used to compare URLs and to keep tokens out of the lockfile.
 */
export function withoutQuery(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url.split(/[?#]/)[0]!;
  }
}

/** Whether the URL carries a query (a signed URL's token, which expires). */
export const hasQuery = (url: string): boolean => withoutQuery(url) !== url.split('#')[0];
