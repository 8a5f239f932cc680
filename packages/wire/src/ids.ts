/**
 * Ids of the API's objects (collections, items, assets, canvases, jobs, …) as the clients accept them:
 * they go into URL paths, so `..`, `/`, `%2e`, spaces and the empty string must never pass (a collection
 * id `..` would turn `/collections/../items` into another endpoint, with the key attached).
 */
export const API_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** How an id is described in messages. */
export const API_ID_SHAPE = 'letters, digits, "-" and "_", 1 to 128 characters';

export function isApiId(value: unknown): value is string {
  return typeof value === 'string' && API_ID_PATTERN.test(value);
}
