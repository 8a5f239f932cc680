#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmulator } from './emulator.js';
import { type FaultSpec, parseFault } from './http/faults.js';
import { DEMO } from './model/demo.js';
import type { EmulatorOptions } from './options.js';
import { VERSION } from './version.js';

const USAGE = `Usage: masko-emulator [options]

A local Masko API (http://127.0.0.1:<port>/v1) and asset host (<assets-port>), with a demo mascot.

Options:
  --port N            API port (default 4010; 0 = a free port)
  --assets-port N     asset-host port (default: API port + 1; 0 when --port 0)
  --host H            interface to bind (default 127.0.0.1)
  --credits N         starting credit balance (default 10000)
  --job-delay-ms N    time a job takes to complete (default 300)
  --rate-limit N|off  requests per minute per key (default 600)
  --data-dir DIR      persist state in DIR (default: in memory)
  --media-dir DIR     demo media directory with demo.json (default: bundled)
  --admin             serve the /__admin API (request log, faults, credits, reset)
  --fault JSON        add a fault layer, e.g. '{"kind":"status","status":503,"count":2}' (repeatable)
  --revision new|old  answer as the API's newer (default) or older revision (bare bodies, old lists, flat 402)
  --fields full|stripped  stripped: assets give only id, type and URL (no assumed fields; see API.md)
  --signed-urls TTL_MS    sign asset URLs, expiring after TTL_MS (the asset host refuses expired ones)
  --quiet             do not print one line per request
  -h, --help          show this help
  -v, --version       show the version`;

function fail(message: string): never {
  process.stderr.write(`masko-emulator: ${message}\n\n${USAGE}\n`);
  process.exit(1);
}

function int(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a non-negative integer, got "${value}"`);
  return n;
}

function parseFaultFlag(raw: string): FaultSpec {
  try {
    return parseFault(JSON.parse(raw));
  } catch (e) {
    return fail(`--fault ${raw}: ${(e as Error).message}`);
  }
}

/** The CLI (the committed `bin/masko-emulator.js` calls it; so does `node dist/cli.js`). */
export async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        port: { type: 'string' },
        'assets-port': { type: 'string' },
        host: { type: 'string' },
        credits: { type: 'string' },
        'job-delay-ms': { type: 'string' },
        'rate-limit': { type: 'string' },
        'data-dir': { type: 'string' },
        'media-dir': { type: 'string' },
        admin: { type: 'boolean' },
        fault: { type: 'string', multiple: true },
        revision: { type: 'string' },
        fields: { type: 'string' },
        'signed-urls': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
      strict: true,
    });
  } catch (e) {
    fail((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) return void process.stdout.write(`${USAGE}\n`);
  if (v.version) return void process.stdout.write(`${VERSION}\n`);
  const port = int('port', v.port) ?? 4010;
  const rate = v['rate-limit'];
  const options: EmulatorOptions = {
    port,
    assetsPort: int('assets-port', v['assets-port']) ?? (port === 0 ? 0 : port + 1),
    host: v.host,
    credits: int('credits', v.credits),
    jobDelayMs: int('job-delay-ms', v['job-delay-ms']),
    rateLimit:
      rate === undefined
        ? undefined
        : rate === 'off'
          ? false
          : { requests: int('rate-limit', rate) || fail('--rate-limit must be > 0 or "off"'), windowMs: 60_000 },
    dataDir: v['data-dir'],
    mediaDir: v['media-dir'],
    admin: v.admin ?? false,
    faults: (v.fault ?? []).map(parseFaultFlag),
    revision: v.revision as EmulatorOptions['revision'],
    fields: v.fields as EmulatorOptions['fields'],
    signedUrls: v['signed-urls'] === undefined ? false : { ttlMs: int('signed-urls', v['signed-urls']) || fail('--signed-urls must be > 0') },
    log: v.quiet ? false : (line) => process.stdout.write(`${line}\n`),
  };
  let emu;
  try {
    emu = await startEmulator(options);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  }
  process.stdout.write(`masko-emulator: api ${emu.apiUrl} assets ${emu.assetsUrl}\n`);
  // The first line stays as documented (tools parse it); the id a config needs comes right after.
  process.stdout.write(
    `masko-emulator: demo collection ${DEMO.collectionId} (canvas ${DEMO.canvasId}): mascots: { felix: { collection: '${DEMO.collectionId}' } }\n`,
  );
  const stop = (): void => {
    void emu.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Run directly (`node dist/cli.js`, tsx on src/cli.ts), not when imported by the bin shim. */
function isEntry(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) void main();
