// Failed answers as typed errors: an error status, a body that is not the documented shape, a redirect.
import type { IncomingHttpHeaders } from 'node:http';
import { errorCodeForStatus, readErrorBody } from 'masko-wire';
import { MaskoApiError } from './errors.js';
import { redact } from './redact.js';
import { parseRetryAfter } from './retry.js';

export function firstHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Maps an error answer to a MaskoApiError. The body is read by masko-wire's `readErrorBody` (both
 * revisions' envelopes); one that is not a Masko error at all (a proxy's HTML page) is quoted briefly.
 */
export function errorFromResponse(status: number, headers: IncomingHttpHeaders, text: string, method: string, path: string): MaskoApiError {
  const retryAfterMs = parseRetryAfter(headers['retry-after']);
  const retryAfter = retryAfterMs === undefined ? undefined : retryAfterMs / 1000;
  const fields = readErrorBody(text);
  const code = fields?.code ?? errorCodeForStatus(status);
  const { required, balance } = fields ?? {};
  let message = fields?.message ?? notAMaskoError(headers, text);
  if (status === 402 && required !== undefined && balance !== undefined) {
    message += ` (required ${required}, balance ${balance})`;
  }
  if (retryAfter !== undefined) message += ` (retry after ${retryAfter}s)`;
  return new MaskoApiError(`${method} ${path} failed with ${status} ${code}: ${message}`, {
    status,
    code,
    url: path,
    ...(required !== undefined && { required }),
    ...(balance !== undefined && { balance }),
    ...(retryAfter !== undefined && { retryAfter }),
  });
}

function notAMaskoError(headers: IncomingHttpHeaders, text: string): string {
  const type = firstHeader(headers, 'content-type') ?? 'no content type';
  const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 120);
  return `the body is not a Masko error (${type})${snippet ? `: ${snippet}` : ''}`;
}

export function invalidResponse(method: string, path: string, problem: string, status = 200): MaskoApiError {
  return new MaskoApiError(`${method} ${path}: unexpected response: ${redact(problem)}`, { status, code: 'invalid_response', url: path });
}

export function unexpectedStatus(method: string, path: string, status: number, headers: IncomingHttpHeaders, url: URL): MaskoApiError {
  const location = firstHeader(headers, 'location');
  let where = '';
  if (location) {
    try {
      const to = new URL(location, url);
      where = ` redirecting to ${to.origin}${to.pathname}`;
    } catch {
      where = ' with an unparsable Location';
    }
  }
  return new MaskoApiError(`${method} ${path} answered ${status}${redact(where)}: API calls do not follow redirects (check apiUrl)`, {
    status,
    code: 'unexpected_redirect',
    url: path,
  });
}
