// Async iteration over `limit`/`offset` lists: pages are fetched lazily, one at a time.
import type * as v from 'valibot';
import type { HttpCore, Query } from './http.js';
import type { Pagination } from './wire.js';

/** Largest page the API serves (API.md: max 100). */
export const PAGE_SIZE = 100;

export type PageFetcher<T> = (offset: number, limit: number) => Promise<{ items: T[]; pagination: Pagination | undefined }>;

/**
 * Yields every item. Stops on `has_more: false`, on `offset + count >= total`, on an empty page, or —
 * without pagination meta (OLD revision) — after a short page.
 */
export async function* paginate<T>(fetchPage: PageFetcher<T>, limit = PAGE_SIZE): AsyncGenerator<T, void, undefined> {
  let offset = 0;
  for (;;) {
    const { items, pagination } = await fetchPage(offset, limit);
    yield* items;
    offset += items.length;
    if (items.length === 0) return;
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
      paginate((offset, limit) =>
        http.page({ method: 'GET', path, query: { ...query, limit, offset }, ...(signal && { signal }) }, itemSchema),
      ),
  };
}

/** Collects an async iterable into an array (handy for small lists). */
export async function toArray<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
