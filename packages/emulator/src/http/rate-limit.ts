/** Fixed-window rate limit per API key, with the `X-RateLimit-*` headers. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    private readonly limit: { requests: number; windowMs: number } | false,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; `allowed` false means answer 429 with `headers` (incl. Retry-After). */
  hit(key: string): { allowed: boolean; headers: Record<string, string> } {
    if (!this.limit) return { allowed: true, headers: {} };
    const now = this.now();
    let win = this.windows.get(key);
    if (!win || now - win.start >= this.limit.windowMs) {
      win = { start: now, used: 0 };
      this.windows.set(key, win);
    }
    const resetAt = win.start + this.limit.windowMs;
    const allowed = win.used < this.limit.requests;
    if (allowed) win.used++;
    const headers: Record<string, string> = {
      'x-ratelimit-limit': String(this.limit.requests),
      'x-ratelimit-remaining': String(this.limit.requests - win.used),
      'x-ratelimit-reset': String(Math.ceil(resetAt / 1000)),
    };
    if (!allowed) headers['retry-after'] = String(Math.max(1, Math.ceil((resetAt - now) / 1000)));
    return { allowed, headers };
  }

  reset(): void {
    this.windows.clear();
  }
}
