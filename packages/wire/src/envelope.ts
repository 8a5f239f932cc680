/**
 * The envelopes around every answer, and the one place that reads them: both API revisions are
 * accepted here (NEW `{data, meta}` and `{error:{code, message, …}}`; OLD bare bodies, lists under a
 * resource key, flat `{error: "…", required, available}`), so no caller spells these fields again.
 */

export interface WirePagination {
  total?: number;
  limit?: number;
  offset?: number;
  has_more?: boolean;
}

export interface WireMeta {
  pagination?: WirePagination;
  [key: string]: unknown;
}

/** `{data, meta}`: every 2xx answer of the NEW revision. */
export interface WireEnvelope<T> {
  data: T;
  meta?: WireMeta;
}

/** `{error:{code, message, …extra}}`: the 402 adds `required` and `balance`. */
export interface WireErrorBody {
  error: { code: string; message: string; required?: number; balance?: number; [extra: string]: unknown };
}

/** `{data, meta}` → its parts; a bare body (OLD revision) is its own data. */
export function unwrapEnvelope(body: unknown): { data: unknown; meta: Record<string, unknown> | undefined } {
  if (body && typeof body === 'object' && !Array.isArray(body) && 'data' in body) {
    const { data, meta } = body as { data: unknown; meta?: unknown };
    return { data, meta: meta && typeof meta === 'object' ? (meta as Record<string, unknown>) : undefined };
  }
  return { data: body, meta: undefined };
}

/** A list's array: the data itself, or the one array inside an OLD `{"projects":[…]}` body. */
export function unwrapList(data: unknown): unknown {
  if (Array.isArray(data) || !data || typeof data !== 'object') return data;
  const arrays = Object.values(data).filter(Array.isArray);
  return arrays.length === 1 ? arrays[0] : data;
}

/** What an error body says, whichever revision wrote it; `undefined` when it is not a Masko error at all. */
export interface ErrorFields {
  code?: string;
  message: string;
  /** 402: credits the operation needs. */
  required?: number;
  /** 402: credits the account has (`available` in the OLD revision). */
  balance?: number;
}

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** Reads an error answer's text: the NEW envelope, the OLD flat body, or `undefined` (not JSON, a proxy's page). */
export function readErrorBody(text: string): ErrorFields | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const flat = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  const error = flat.error;
  if (typeof error === 'string') return withCredits({ message: error }, num(flat.required), num(flat.balance) ?? num(flat.available));
  if (!error || typeof error !== 'object') return undefined;
  const e = error as Record<string, unknown>;
  const fields: ErrorFields = {
    message: typeof e.message === 'string' ? e.message : JSON.stringify(error).slice(0, 200),
    ...(typeof e.code === 'string' && { code: e.code }),
  };
  const balance = num(e.balance) ?? num(e.available) ?? num(flat.balance) ?? num(flat.available);
  return withCredits(fields, num(e.required) ?? num(flat.required), balance);
}

function withCredits(fields: ErrorFields, required: number | undefined, balance: number | undefined): ErrorFields {
  return { ...fields, ...(required !== undefined && { required }), ...(balance !== undefined && { balance }) };
}

const CODE_OF_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  402: 'insufficient_credits',
  403: 'forbidden',
  404: 'not_found',
  429: 'rate_limited',
};

/** The `code` the API gives an error status, for answers whose body names none (OLD revision, a proxy). */
export function errorCodeForStatus(status: number): string {
  return CODE_OF_STATUS[status] ?? (status >= 500 ? 'internal_error' : `http_${status}`);
}
