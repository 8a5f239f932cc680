import { badRequest } from './errors.js';

/** Field readers that answer 400 naming the field and what was expected. */
type Body = Record<string, unknown>;

export function reqString(body: Body, field: string, prefix = ''): string {
  const v = body[field];
  if (typeof v !== 'string' || v.trim() === '') throw badRequest(`${prefix}${field} is required (a non-empty string)`);
  return v;
}

export function optString(body: Body, field: string, prefix = ''): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw badRequest(`${prefix}${field} must be a string`);
  return v;
}

export function optBool(body: Body, field: string, prefix = ''): boolean | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw badRequest(`${prefix}${field} must be a boolean`);
  return v;
}

export function reqNumber(body: Body, field: string, min: number, max: number, prefix = ''): number {
  const v = body[field];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw badRequest(`${prefix}${field} is required (a number from ${min} to ${max})`);
  }
  return v;
}

export function optNumber(body: Body, field: string, min: number, max: number, prefix = ''): number | undefined {
  if (body[field] === undefined || body[field] === null) return undefined;
  return reqNumber(body, field, min, max, prefix);
}

export function optIntArray(body: Body, field: string, prefix = ''): number[] | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every((n) => Number.isInteger(n) && n > 0)) {
    throw badRequest(`${prefix}${field} must be an array of positive integers`);
  }
  return v as number[];
}

export function optStringArray(body: Body, field: string, prefix = ''): string[] | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) throw badRequest(`${prefix}${field} must be an array of strings`);
  return v as string[];
}

/** `limit` (default 50, 1–100) and `offset` (default 0) from the query. */
export function pageParams(query: URLSearchParams): { limit: number; offset: number } {
  const limit = intParam(query, 'limit', 50, 1, 100);
  const offset = intParam(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  return { limit, offset };
}

function intParam(query: URLSearchParams, name: string, dflt: number, min: number, max: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw badRequest(`query ${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return n;
}
