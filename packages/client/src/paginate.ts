// Async iteration over `limit`/`offset` lists: pages are fetched lazily, one at a time.
import { createHash } from 'node:crypto';
import type * as v from 'valibot';
import { MaskoApiError } from './errors.js';
import type { HttpCore, Query } from './http.js';
import type { Pagination } from './schemas/resources.js';

/** Largest page the API serves (API.md: max 100). */
export const PAGE_SIZE = 100;

export type PageFetcher<T> = (offset: number, limit: number) => Promise<{ items: T[]; pagination: Pagination | undefined }>;

/** Most pages one listing may take (100,000 items at the API's page size): past that it is not a listing. */
export const MAX_PAGES = 1000;

export interface PaginateOptions {
  /** The list request, for messages: `GET /v1/collections/<id>/items`. */
  what?: string;
  /** @default MAX_PAGES */
  maxPages?: number;
}

/** Why a listing cannot be trusted to end; thrown naming the list URL. */
function stuck(what: string, why: string): MaskoApiError {
  return new MaskoApiError(`${what}: the listing does not advance (${why}); stopped instead of asking forever`, {
    status: 200,
    code: 'pagination_stuck',
    url: what.replace(/^\S+ /, ''),
  });
}

/**
 * Yields every item. Stops on `has_more: false`, on `offset + count >= total`, on an empty page, or —
 * without pagination meta (OLD revision) — after a short page. A listing that does not advance fails
 * before its page is yielded: a page answered for another offset than asked, a page seen before (the
 * same first page for every offset, or pages that cycle), or more than `maxPages` pages.
 */
export async function* paginate<T>(fetchPage: PageFetcher<T>, limit = PAGE_SIZE, opts: PaginateOptions = {}): AsyncGenerator<T, void, undefined> {
  const what = opts.what ?? 'list';
  const maxPages = opts.maxPages ?? MAX_PAGES;
  const seen = new Set<string>();
  let offset = 0;
  for (let page = 1; ; page++) {
    const { items, pagination } = await fetchPage(offset, limit);
    if (items.length === 0) return;
    if (pagination?.offset !== undefined && pagination.offset !== offset) {
      throw stuck(what, `asked for offset ${offset}, answered offset ${pagination.offset}`);
    }
    const fingerprint = createHash('sha256').update(JSON.stringify(items)).digest('hex');
    if (seen.has(fingerprint)) throw stuck(what, `offset ${offset} answered a page already seen, after ${page - 1} page(s)`);
    seen.add(fingerprint);
    if (page > maxPages) throw stuck(what, `more than ${maxPages} pages of ${limit}`);
    yield* items;
    offset += items.length;
    if (pagination) {
      if (pagination.has_more === false) return;
      if (pagination.total !== undefined && offset >= pagination.total) return;
      if (pagination.has_more === undefined && pagination.total === undefined && items.length < limit) return;
    } else if (items.length < limit) {
      return;
    }
  }
}

/** A list endpoint as an async iterable; `signal` cancels the page in flight. */
export function listOf<S extends v.GenericSchema>(
  http: HttpCore,
  path: string,
  itemSchema: S,
  query: Query = {},
  signal?: AbortSignal,
): AsyncIterable<v.InferOutput<S>> {
  return {
    [Symbol.asyncIterator]: () =>
      paginate((offset, limit) => http.page({ method: 'GET', path, query: { ...query, limit, offset }, ...(signal && { signal }) }, itemSchema), PAGE_SIZE, {
        what: `GET ${http.url(path).pathname}`,
      }),
  };
}

/** Collects an async iterable into an array (handy for small lists). */
export async function toArray<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
