// The envelopes around every answer (masko-wire's shapes): `{data, meta}`, a page, `{error:{…}}`.
import type { WireEnvelope, WireErrorBody, WireMeta } from 'masko-wire';

export const ok = <T>(data: T, meta?: WireMeta): WireEnvelope<T> => (meta ? { data, meta } : { data });

export function page<T, W>(all: T[], limit: number, offset: number, shape: (t: T) => W): WireEnvelope<W[]> {
  const slice = all.slice(offset, offset + limit);
  return {
    data: slice.map(shape),
    meta: { pagination: { total: all.length, limit, offset, has_more: offset + slice.length < all.length } },
  };
}

export const errorBody = (code: string, message: string, extra: Record<string, unknown> = {}): WireErrorBody => ({
  error: { code, message, ...extra },
});
