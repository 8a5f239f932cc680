import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Expiring signed asset URLs, as Masko serves private mascots: `?expires=<unix ms>&sig=<hmac>`. The API
 * signs afresh on every answer; the asset host refuses a missing, wrong or expired signature with 403.
 * `rotate()` invalidates every URL issued so far (tests expire URLs without waiting on a clock).
 */
export class UrlSigner {
  #secret = randomBytes(32);

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  sign(path: string): string {
    const expires = this.now() + this.ttlMs;
    return `${path}?expires=${expires}&sig=${this.#mac(path, expires)}`;
  }

  /** Why the URL may not be served, or undefined when it may. */
  refuse(path: string, query: URLSearchParams): string | undefined {
    const expires = Number(query.get('expires'));
    const sig = query.get('sig') ?? '';
    if (!Number.isInteger(expires) || !sig) return 'this asset needs a signed URL (expires, sig): ask the API for the asset again';
    const want = Buffer.from(this.#mac(path, expires));
    const got = Buffer.from(sig);
    if (want.length !== got.length || !timingSafeEqual(want, got))
      return 'signature does not match (expired by a key rotation, or altered): ask the API for the asset again';
    if (expires < this.now()) return `signature expired at ${new Date(expires).toISOString()}: ask the API for the asset again`;
    return undefined;
  }

  rotate(): void {
    this.#secret = randomBytes(32);
  }

  #mac(path: string, expires: number): string {
    return createHmac('sha256', this.#secret).update(`${path}\n${expires}`).digest('hex').slice(0, 32);
  }
}
