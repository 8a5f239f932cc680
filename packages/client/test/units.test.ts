// Pure helpers: Retry-After parsing, backoff bounds, redaction, pagination stop rules.
import { describe, expect, it } from 'vitest';
import { paginate } from '../src/paginate.js';
import { redact, rememberSecret, safeLogger } from '../src/redact.js';
import { backoffDelay, parseRetryAfter } from '../src/retry.js';
import { FAKE_KEY, KEY_FRAGMENT } from './helpers.js';

describe('parseRetryAfter', () => {
  it('reads delta seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0')).toBe(0);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });
  it('ignores absent or invalid values', () => {
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  const opts = { retries: 5, minDelayMs: 100, maxDelayMs: 1000 };
  it('grows exponentially with jitter in [½, 1] of the step, capped', () => {
    expect(backoffDelay(0, opts, () => 0)).toBe(50);
    expect(backoffDelay(0, opts, () => 1)).toBe(100);
    expect(backoffDelay(2, opts, () => 1)).toBe(400);
    expect(backoffDelay(10, opts, () => 1)).toBe(1000);
  });
});

describe('redact', () => {
  it('masks a remembered secret, key-shaped strings and bearer tokens', () => {
    rememberSecret(FAKE_KEY);
    const text = `key=${FAKE_KEY} other=masko_${'ab'.repeat(32)} auth: Bearer abc.def-ghi`;
    const out = redact(text);
    expect(out).not.toContain(KEY_FRAGMENT);
    expect(out).not.toContain('abababab');
    expect(out).not.toContain('abc.def-ghi');
    expect(out).toContain('masko_***');
  });
  it('prefixes and redacts logger lines, and survives a throwing logger', () => {
    const lines: string[] = [];
    const log = safeLogger({
      warn: (m) => lines.push(m),
      debug: () => {
        throw new Error('boom');
      },
    });
    log.warn(`leaked ${FAKE_KEY}`);
    log.debug('ignored');
    expect(lines).toEqual(['[masko] leaked masko_***']);
  });
});

describe('paginate', () => {
  const pages = (sizes: number[], meta: (i: number) => object | undefined) => {
    const calls: number[] = [];
    const fetch = async (offset: number) => {
      const i = calls.push(offset) - 1;
      const size = sizes[i] ?? 0;
      return { items: Array.from({ length: size }, (_, k) => offset + k), pagination: meta(i) as never };
    };
    return { calls, fetch };
  };
  const collect = async (it: AsyncIterable<number>) => {
    const out: number[] = [];
    for await (const x of it) out.push(x);
    return out;
  };
  it('stops on has_more: false', async () => {
    const p = pages([2, 2, 2], (i) => ({ has_more: i < 1 }));
    expect(await collect(paginate(p.fetch, 2))).toEqual([0, 1, 2, 3]);
    expect(p.calls).toEqual([0, 2]);
  });
  it('stops at total', async () => {
    const p = pages([2, 1], () => ({ total: 3 }));
    expect(await collect(paginate(p.fetch, 2))).toEqual([0, 1, 2]);
    expect(p.calls).toEqual([0, 2]);
  });
  it('stops on a short page without meta, and on an empty page', async () => {
    const short = pages([2, 1], () => undefined);
    expect(await collect(paginate(short.fetch, 2))).toEqual([0, 1, 2]);
    const empty = pages([2, 0], () => ({ has_more: true }));
    expect(await collect(paginate(empty.fetch, 2))).toEqual([0, 1]);
    expect(empty.calls).toEqual([0, 2]);
  });
  // Listings that never end: each fails before its repeated page is yielded, naming the list.
  const what = 'GET /v1/collections/c/items';
  it('fails on the same page for every offset (has_more: true)', async () => {
    const same = async () => ({ items: [0, 1], pagination: { has_more: true } });
    await expect(collect(paginate(same, 2, { what }))).rejects.toThrow(
      /^\[masko\] GET \/v1\/collections\/c\/items: the listing does not advance \(offset 2 answered a page already seen, after 1 page\(s\)\)/,
    );
  });
  it('fails on a page answered for another offset than asked', async () => {
    const stuck = async () => ({ items: [0, 1], pagination: { has_more: true, offset: 0 } });
    await expect(collect(paginate(stuck, 2, { what }))).rejects.toThrow(/asked for offset 2, answered offset 0/);
  });
  it('fails on pages that cycle, and past the page cap', async () => {
    let n = 0;
    const cycle = async () => ({ items: [n++ % 2, 9], pagination: { has_more: true } });
    await expect(collect(paginate(cycle, 2, { what }))).rejects.toThrow(/answered a page already seen, after 2 page/);
    const endless = pages(Array(20).fill(2), () => ({ has_more: true }));
    await expect(collect(paginate(endless.fetch, 2, { what, maxPages: 5 }))).rejects.toThrow(/more than 5 pages of 2/);
    expect(endless.calls).toHaveLength(6);
  });
});
