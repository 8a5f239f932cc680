// `X-RateLimit-Remaining: 0` means the next request would be refused: hold it until `X-RateLimit-Reset`.

import type { IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export class RateLimitGate {
  #resumeAt = 0;

  /** Reads the rate-limit headers of a response. `serverSkewMs` = server clock − our clock. */
  observe(headers: IncomingHttpHeaders, serverSkewMs: number): void {
    const remaining = Number(header(headers, 'x-ratelimit-remaining'));
    const reset = Number(header(headers, 'x-ratelimit-reset'));
    if (remaining !== 0 || !Number.isFinite(reset) || reset <= 0) return;
    // Unix seconds per API.md; small values are taken as "seconds from now", as some APIs send.
    const resumeAt = reset > 1e9 ? reset * 1000 - serverSkewMs : Date.now() + reset * 1000;
    this.#resumeAt = Math.max(this.#resumeAt, resumeAt);
  }

  /** Milliseconds to wait before the next request (0 when free). */
  get waitMs(): number {
    return Math.max(0, this.#resumeAt - Date.now());
  }

  /** Waits until the window resets (abortable). */
  async wait(signal: AbortSignal): Promise<void> {
    const ms = this.waitMs;
    if (ms > 0) await sleep(ms, undefined, { signal });
  }
}
