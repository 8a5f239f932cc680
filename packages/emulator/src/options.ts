import type { Timers } from './generation/jobs.js';
import type { FaultSpec } from './http/faults.js';
import { DEFAULT_MEDIA_DIR } from './media/media.js';

/** Options of `startEmulator()`; the CLI flags map onto them. */
export interface EmulatorOptions {
  /** API port; 0 picks a free one. @default 0 */
  port?: number;
  /** Asset-host port; 0 picks a free one. @default 0 */
  assetsPort?: number;
  /** Interface to bind. @default '127.0.0.1' */
  host?: string;
  /** Starting credit balance (subscription credits). @default 10000 */
  credits?: number;
  /** How long a job takes from creation to completion, in ms (half pending, half processing). @default 300 */
  jobDelayMs?: number;
  /** Fixed-window rate limit per API key, or false for none. @default { requests: 600, windowMs: 60000 } */
  rateLimit?: { requests: number; windowMs: number } | false;
  /** Persist state as JSON in this directory (restored on the next start). @default in memory */
  dataDir?: string;
  /** Serve `/__admin/*` (request log, faults, credits, reset). @default false */
  admin?: boolean;
  /** Fault layers active from the start (first = newest). @default [] */
  faults?: FaultSpec[];
  /** Upper bound of a `?wait=true` long-poll, in ms. @default 60000 */
  longPollMaxMs?: number;
  /** Directory holding `demo.json` and the demo media. @default the package's `media/` */
  mediaDir?: string;
  /** Print one line per request (true: to stderr; or your own sink). Headers are redacted. @default false */
  log?: boolean | ((line: string) => void);
  /**
   * Which revision of the API to answer as: `new` (`{data, meta}`, OpenAPI 1.6.0) or `old` (bare bodies,
   * lists under a resource key without pagination meta, the flat 402, old job shape). @default 'new'
   */
  revision?: 'new' | 'old';
  /**
   * `full`: every field API.md assumes; `stripped`: only what public sources confirm (assets give id, type
   * and URL; items carry no inline assets and no transition link; no `config.animation_sizes`). @default 'full'
   */
  fields?: 'full' | 'stripped';
  /**
   * Expiring signed asset URLs (`?expires=&sig=`), as Masko serves private mascots: each API answer signs
   * afresh, the asset host answers 403 to a missing, altered or expired signature. `ttlMs` is the lifetime.
   * @default false (stable unsigned URLs)
   */
  signedUrls?: { ttlMs: number } | false;
  /** Timer functions driving the job lifecycle and long-poll timeouts (tests step them by hand). @default global timers */
  timers?: Timers;
}

export interface ResolvedOptions {
  port: number;
  assetsPort: number;
  host: string;
  credits: number;
  jobDelayMs: number;
  rateLimit: { requests: number; windowMs: number } | false;
  dataDir: string | undefined;
  admin: boolean;
  faults: FaultSpec[];
  longPollMaxMs: number;
  mediaDir: string;
  log: ((line: string) => void) | undefined;
  timers: Timers | undefined;
  revision: 'new' | 'old';
  fields: 'full' | 'stripped';
  signedUrls: { ttlMs: number } | false;
}

export function resolveOptions(o: EmulatorOptions = {}): ResolvedOptions {
  const nonNegInt = (name: string, v: number | undefined, dflt: number): number => {
    if (v === undefined) return dflt;
    if (!Number.isInteger(v) || v < 0) throw new Error(`[masko-emulator] option ${name} must be a non-negative integer, got ${String(v)}`);
    return v;
  };
  const rateLimit = o.rateLimit === undefined ? { requests: 600, windowMs: 60_000 } : o.rateLimit;
  if (rateLimit && (!(rateLimit.requests > 0) || !(rateLimit.windowMs > 0))) {
    throw new Error('[masko-emulator] option rateLimit must be false or { requests > 0, windowMs > 0 }');
  }
  const oneOf = <T extends string>(name: string, v: T | undefined, allowed: readonly T[]): T => {
    if (v === undefined) return allowed[0]!;
    if (!allowed.includes(v)) throw new Error(`[masko-emulator] option ${name} must be ${allowed.map((a) => `'${a}'`).join(' or ')}, got ${String(v)}`);
    return v;
  };
  const signed = o.signedUrls ?? false;
  if (signed && !(Number.isInteger(signed.ttlMs) && signed.ttlMs > 0)) {
    throw new Error('[masko-emulator] option signedUrls must be false or { ttlMs: <positive integer> }');
  }
  return {
    revision: oneOf('revision', o.revision, ['new', 'old'] as const),
    fields: oneOf('fields', o.fields, ['full', 'stripped'] as const),
    signedUrls: signed,
    port: nonNegInt('port', o.port, 0),
    assetsPort: nonNegInt('assetsPort', o.assetsPort, 0),
    host: o.host ?? '127.0.0.1',
    credits: nonNegInt('credits', o.credits, 10_000),
    jobDelayMs: nonNegInt('jobDelayMs', o.jobDelayMs, 300),
    rateLimit,
    dataDir: o.dataDir,
    admin: o.admin ?? false,
    faults: o.faults ?? [],
    longPollMaxMs: nonNegInt('longPollMaxMs', o.longPollMaxMs, 60_000),
    mediaDir: o.mediaDir ?? DEFAULT_MEDIA_DIR,
    timers: o.timers,
    log: o.log === true ? (line) => process.stderr.write(`${line}\n`) : o.log || undefined,
  };
}
