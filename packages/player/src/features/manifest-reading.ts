import { type MascotManifest, toManifest } from 'masko-manifest';
import type { reasoned as Reasoned } from '../errors.js';

// Reading a manifest from JSON: fetched from `src`, validated, a canvas export converted. Only pages
// that give JSON need this, so it lives in the masko-manifest chunk (see ../masko-manifest.ts); the
// element passes its error factory in, so the chunk shares no code with the core (no extra request).

/**
 * A manifest from JSON or an object of unknown shape: our manifest (validated) or a Masko canvas
 * export (converted), relative media URLs resolved against `baseUrl`. `masko-manifest`'s
 * validator and converter are loaded on demand (a separate chunk): pages that pass a typed
 * manifest from the bundler plugin never download them.
 */
export function readManifest(json: unknown, baseUrl: string, what: string, reasoned: typeof Reasoned): MascotManifest {
  try {
    return toManifest(json, { baseUrl });
  } catch (error) {
    throw reasoned('manifest-invalid', `${what} is not a mascot manifest or Masko canvas export:\n${(error as Error).message}`, baseUrl);
  }
}

/** Fetches `src` (a manifest or a Masko canvas export) and reads it; errors say what to fix. */
export async function loadManifest(src: string, signal: AbortSignal, reasoned: typeof Reasoned): Promise<MascotManifest> {
  const url = new URL(src, document.baseURI).href;
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (error) {
    if (signal.aborted) throw error;
    throw reasoned('manifest-fetch', `Could not fetch src ${url}: ${(error as Error).message}`, url);
  }
  if (!response.ok) throw reasoned('manifest-fetch', `src ${url} answered HTTP ${response.status}`, url);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw reasoned('manifest-invalid', `src ${url} is not JSON: ${(error as Error).message}`, url);
  }
  return readManifest(json, url, `src ${url}`, reasoned);
}
