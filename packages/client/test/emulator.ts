// Starts the real masko-emulator (over real HTTP, port 0) and a client aimed at it.
import { readdir } from 'node:fs/promises';
import { type Emulator, type EmulatorOptions, type LoggedRequest, startEmulator } from 'masko-emulator';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createMaskoClient, type MaskoClient, type MaskoClientOptions } from '../src/index.js';
import { FAKE_KEY, KEY_FRAGMENT, recordingLogger } from './helpers.js';

export interface Harness {
  emu: Emulator;
  client: MaskoClient;
  log: ReturnType<typeof recordingLogger>;
  /** Requests logged since the last `mark()`. */
  requests(): LoggedRequest[];
  mark(): void;
  /** A second client on the same emulator with other options (closed with the harness). */
  clientWith(options: Partial<MaskoClientOptions>): MaskoClient;
  close(): Promise<void>;
}

/** Fast retries so fault tests stay quick; long Retry-After values are still honoured. */
export const FAST_RETRY = { retries: 4, minDelayMs: 10, maxDelayMs: 100 };

export async function startHarness(emulator: EmulatorOptions = {}, client: Partial<MaskoClientOptions> = {}): Promise<Harness> {
  const emu = await startEmulator({ admin: true, jobDelayMs: 60, ...emulator });
  const log = recordingLogger();
  const clients: MaskoClient[] = [];
  const make = (extra: Partial<MaskoClientOptions>) => {
    const c = createMaskoClient({ apiKey: FAKE_KEY, apiUrl: emu.apiUrl, logger: log.logger, retry: FAST_RETRY, timeouts: { body: 2000 }, ...client, ...extra });
    clients.push(c);
    return c;
  };
  let mark = 0;
  return {
    emu,
    client: make({}),
    log,
    requests: () => emu.requests().slice(mark),
    mark: () => {
      mark = emu.requests().length;
    },
    clientWith: make,
    close: async () => {
      await Promise.all(clients.map((c) => c.close()));
      await emu.close();
    },
  };
}

/**
 * One harness for a whole test file: started before the first test and closed after the last; before
 * each test the emulator is back to its seeded state with no faults and the request log is marked;
 * after each, the key must not appear in anything the client logged. Read it as `h.client` etc.
 */
export function useHarness(emulator: EmulatorOptions = {}): Harness {
  let current: Harness | undefined;
  beforeAll(async () => {
    current = await startHarness(emulator);
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(() => {
    current!.emu.clearFaults();
    current!.emu.reset();
    current!.mark();
  });
  afterEach(() => {
    expect(current!.log.lines.join('\n')).not.toContain(KEY_FRAGMENT);
  });
  return new Proxy({} as Harness, { get: (_, key) => Reflect.get(current!, key) });
}

/** Names in `dir` that look like our temp files. */
export async function tempFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.tmp'));
}
