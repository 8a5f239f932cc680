import type { reasoned as Reasoned, ReasonedError } from '../errors.js';

/**
 * Why a clip failed to play. Browsers report a 404 page or an HTML answer the same way as a file
 * they cannot decode (`MEDIA_ERR_SRC_NOT_SUPPORTED`, Chromium's "DEMUXER_ERROR_COULD_NOT_OPEN"),
 * which sends people looking for a codec problem. So the server is asked for the file's first byte
 * (a GET with a single `Range`, which a CORS media host answers too, and read to its end: some
 * servers send a body even for HEAD, which the browser then reports as an aborted request): an HTTP
 * error or a page instead of media is `media-http`, with the status and the URL; anything else (the
 * file is there and is media) stays `media`. (`reasoned`
 * is passed in: this deferred chunk shares no code with the core.)
 */
export async function mediaFailure(url: string, error: Error, reasoned: typeof Reasoned): Promise<ReasonedError> {
  try {
    const response = await fetch(url, { headers: { Range: 'bytes=0-0' }, credentials: 'same-origin' });
    await response.arrayBuffer();
    const type = response.headers.get('content-type')?.split(';')[0] ?? '';
    // 416: the file is empty (no first byte), which the browser's own error describes well enough.
    if (!response.ok && response.status !== 416) {
      return reasoned('media-http', `clip ${url} answered HTTP ${response.status}`, url);
    }
    if (response.ok && /^(text|application\/json)/.test(type)) {
      return reasoned('media-http', `clip ${url} answered ${type} (HTTP ${response.status}), not a video: is the file missing?`, url);
    }
  } catch {
    // A cross-origin host without CORS cannot be asked; the browser's word stands.
  }
  return reasoned('media', `could not play ${url}: ${error.message || 'unsupported media'}`, url);
}
