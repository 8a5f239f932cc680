import { randomUUID } from 'node:crypto';

export const FAULT_KINDS = ['status', 'rate-limit', 'reset', 'truncate', 'stall', 'corrupt', 'slow-job', 'fail-job', 'drop-response'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type Origin = 'api' | 'assets';

/** A fault layer as given in options or to `POST /__admin/faults`. */
export interface FaultSpec {
  kind: FaultKind;
  origin?: Origin | 'any';
  method?: string;
  /** Glob on the URL path: `*` within a segment, `**` across segments. */
  path?: string;
  /** How many matching requests (jobs, for job faults) it hits; default unlimited. */
  count?: number;
  status?: number;
  retryAfter?: number;
  afterBytes?: number;
  stallMs?: number;
  jobDelayMs?: number;
  seed?: number;
}

export interface Fault extends FaultSpec {
  id: string;
  remaining: number;
}

const RESPONSE_KINDS: FaultKind[] = ['status', 'rate-limit', 'reset', 'truncate', 'stall', 'corrupt', 'drop-response'];

/** Validates a fault spec from JSON, naming the field that is wrong. */
export function parseFault(value: unknown): FaultSpec {
  if (!value || typeof value !== 'object') throw new Error('fault must be an object');
  const f = value as Record<string, unknown>;
  if (!FAULT_KINDS.includes(f.kind as FaultKind)) throw new Error(`fault.kind must be one of ${FAULT_KINDS.join(', ')}`);
  if (f.origin !== undefined && !['api', 'assets', 'any'].includes(f.origin as string)) throw new Error("fault.origin must be 'api', 'assets' or 'any'");
  for (const k of ['method', 'path'] as const) {
    if (f[k] !== undefined && typeof f[k] !== 'string') throw new Error(`fault.${k} must be a string`);
  }
  if (f.count !== undefined && (!Number.isInteger(f.count) || (f.count as number) < 1)) throw new Error('fault.count must be a positive integer');
  if (f.status !== undefined && (!Number.isInteger(f.status) || (f.status as number) < 400 || (f.status as number) > 599)) {
    throw new Error('fault.status must be an HTTP error status (400-599)');
  }
  for (const k of ['retryAfter', 'afterBytes', 'stallMs', 'jobDelayMs', 'seed'] as const) {
    if (f[k] !== undefined && (!Number.isInteger(f[k]) || (f[k] as number) < 0)) throw new Error(`fault.${k} must be a non-negative integer`);
  }
  return f as unknown as FaultSpec;
}

/** Fault layers, newest first; each hit counts down and a spent layer disappears. */
export class Faults {
  private layers: Fault[] = [];

  add(spec: FaultSpec): string {
    const fault: Fault = { ...spec, id: randomUUID(), remaining: spec.count ?? Infinity };
    this.layers.unshift(fault);
    return fault.id;
  }

  clear(): void {
    this.layers = [];
  }

  list(): Fault[] {
    return [...this.layers];
  }

  /** The newest response fault matching the request, consumed. */
  takeResponseFault(origin: Origin, method: string, path: string): Fault | undefined {
    return this.take((f) => RESPONSE_KINDS.includes(f.kind), origin, method, path);
  }

  /** The newest job fault of `kind` matching the request that creates a job, consumed. */
  takeJobFault(kind: 'slow-job' | 'fail-job', method: string, path: string): Fault | undefined {
    return this.take((f) => f.kind === kind, 'api', method, path);
  }

  private take(pick: (f: Fault) => boolean, origin: Origin, method: string, path: string): Fault | undefined {
    const fault = this.layers.find(
      (f) =>
        pick(f)
        && (f.origin === undefined || f.origin === 'any' || f.origin === origin)
        && (f.method === undefined || f.method.toUpperCase() === method)
        && (f.path === undefined || globToRegExp(f.path).test(path)),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.layers = this.layers.filter((f) => f !== fault);
    return fault;
  }
}

/** `*` matches within one path segment, `**` across segments. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (ch === '*') re += '[^/]*';
    else re += ch.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Deterministic byte flips: same length, different content. */
export function corruptBytes(body: Buffer, seed = 1): Buffer {
  const out = Buffer.from(body);
  if (out.length === 0) return out;
  let state = seed >>> 0 || 1;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
  const flips = Math.max(1, Math.floor(out.length / 1024));
  for (let i = 0; i < flips; i++) {
    const at = Math.floor(next() * out.length);
    out[at] = out[at]! ^ 0xff;
  }
  return out;
}
