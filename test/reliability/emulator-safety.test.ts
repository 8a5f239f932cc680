/**
 * The emulator is a test tool with an unauthenticated admin API: it must bind loopback unless told
 * otherwise, and must refuse every admin call (changing nothing) unless started with `admin`.
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from 'masko-emulator';
import { describe, expect, it } from 'vitest';
import { balance } from './harness.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Whether a TCP connection to host:port is accepted. */
function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** This machine's non-loopback IPv4 addresses (there is at least one in CI containers). */
const external = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a && a.family === 'IPv4' && !a.internal)
  .map((a) => a!.address);

describe('emulator safety', () => {
  it('binds 127.0.0.1 by default: both origins refuse connections on other interfaces', async () => {
    const emu = await startEmulator({ port: 0 });
    try {
      expect(new URL(emu.apiUrl).hostname).toBe('127.0.0.1');
      expect(new URL(emu.assetsUrl).hostname).toBe('127.0.0.1');
      expect(await reachable('127.0.0.1', emu.port)).toBe(true);
      expect(await reachable('127.0.0.1', emu.assetsPort)).toBe(true);
      // Without another interface there is nothing more to prove (said in the report, not skipped silently).
      expect(external.length, 'no non-loopback interface to test against').toBeGreaterThan(0);
      for (const address of external) {
        expect(await reachable(address, emu.port), `api on ${address}`).toBe(false);
        expect(await reachable(address, emu.assetsPort), `assets on ${address}`).toBe(false);
      }
    } finally {
      await emu.close();
    }
  });

  it('the CLI binds 127.0.0.1 by default too', async () => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', join(REPO, 'packages/emulator/src/cli.ts'), '--port', '0', '--quiet'], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const first = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d: Buffer) => {
          out += d;
          if (out.includes('\n')) resolve(out.split('\n')[0]!);
        });
        child.once('exit', (code) => reject(new Error(`emulator exited ${code}: ${out}`)));
      });
      const m = /^masko-emulator: api (http:\/\/[^ ]+)\/v1 assets (http:\/\/\S+)$/.exec(first);
      expect(m, first).not.toBeNull();
      const api = new URL(m![1]!);
      const assets = new URL(m![2]!);
      expect([api.hostname, assets.hostname]).toEqual(['127.0.0.1', '127.0.0.1']);
      for (const address of external) expect(await reachable(address, Number(api.port))).toBe(false);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('close', r));
    }
  }, 30_000);

  it('refuses every admin call without the flag, and changes nothing', async () => {
    const emu = await startEmulator({ port: 0, credits: 500 });
    try {
      const root = emu.apiUrl.replace(/\/v1$/, '');
      const calls: [string, string, unknown?][] = [
        ['GET', '/__admin/requests'],
        ['DELETE', '/__admin/requests'],
        ['GET', '/__admin/faults'],
        ['POST', '/__admin/faults', { kind: 'status', status: 500 }],
        ['DELETE', '/__admin/faults'],
        ['POST', '/__admin/credits', { balance: 0 }],
        ['POST', '/__admin/reset'],
      ];
      for (const base of [root, emu.assetsUrl.replace(/\/$/, '')]) {
        for (const [method, path, body] of calls) {
          const res = await fetch(`${base}${path}`, {
            method,
            ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
          });
          // The API origin answers 404 (admin off); the asset host has no admin API at all (404, or 405 for non-GET).
          expect(base === root ? [404] : [404, 405], `${method} ${base}${path}`).toContain(res.status);
        }
      }
      // The POSTs above would have zeroed the balance and faulted every request.
      expect(await balance(emu)).toBe(500);
      expect(emu.requests().some((r) => r.fault)).toBe(false);
    } finally {
      await emu.close();
    }
    // And with the flag the same calls work (so the 404s above are the flag's doing).
    const admin = await startEmulator({ port: 0, credits: 500, admin: true });
    try {
      const res = await fetch(`${admin.apiUrl.replace(/\/v1$/, '')}/__admin/credits`, {
        method: 'POST',
        body: JSON.stringify({ balance: 7 }),
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBeLessThan(300);
      expect(await balance(admin)).toBe(7);
    } finally {
      await admin.close();
    }
  });
});
