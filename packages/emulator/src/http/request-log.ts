import type { IncomingHttpHeaders } from 'node:http';
import { redactSecrets } from 'masko-wire';
import type { Origin } from './faults.js';

export interface LoggedRequest {
  origin: Origin;
  method: string;
  path: string;
  query: string;
  /** Lower-case names; `authorization` is redacted but its presence kept. */
  headers: Record<string, string>;
  status: number;
  fault: string | null;
  at: string;
}

const MAX_ENTRIES = 2000;

/** Never let a key through: keep only a marker that one was sent. */
export function redactAuthorization(value: string): string {
  return value.startsWith('Bearer masko_') ? 'Bearer masko_…(redacted)' : '…(redacted)';
}

export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const v = Array.isArray(value) ? value.join(', ') : value;
    out[name] = name === 'authorization' || name === 'proxy-authorization' ? redactAuthorization(v) : v;
  }
  return out;
}

/** Per-origin request log, bounded, for the admin API and tests. */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  constructor(private readonly sink?: (line: string) => void) {}

  record(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    // A key put in a path or query by a confused client must not reach the terminal either.
    this.sink?.(redactSecrets(`${entry.origin} ${entry.method} ${entry.path}${entry.query} -> ${entry.status}${entry.fault ? ` (fault ${entry.fault})` : ''}`));
  }

  list(): LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
