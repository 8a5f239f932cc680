// Ids that go into request paths, checked before anything is sent: an id `..` would make
// `/collections/../items` another endpoint (URL normalisation), with the key attached.
import { API_ID_SHAPE, isApiId } from 'masko-wire';
import { MaskoError } from './errors.js';

/** `value` as a path segment, or a MaskoError naming `what` (e.g. "collection id") when it is not an id. */
export function pathId(value: string, what: string): string {
  if (!isApiId(value)) {
    const text: unknown = value;
    const shown = typeof text === 'string' ? JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text) : String(text);
    throw new MaskoError('invalid_id', `${what} ${shown} is not an id (expected ${API_ID_SHAPE}); nothing was sent`);
  }
  return value;
}
