/**
 * `Authorization` goes to the API origin only: a redirect from the API origin to another origin (a
 * download, or an API call) reaches the other origin without it. Two recording servers on 127.0.0.1.
 */

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMaskoClient } from 'masko-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY } from './harness.js';

interface Recorder {
  url: string;
  seen: { path: string; headers: IncomingHttpHeaders }[];
  server: Server;
}

async function recorder(handle: (path: string, res: import('node:http').ServerResponse) => void): Promise<Recorder> {
  const seen: Recorder['seen'] = [];
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    handle(req.url ?? '', res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

const BODY = Buffer.from('the file bytes');
let api: Recorder;
let other: Recorder;
let dir: string;

beforeAll(async () => {
  other = await recorder((path, res) => {
    if (path.startsWith('/v1/credits')) {
      res.setHeader('content-type', 'application/json');
      return res.end(JSON.stringify({ data: { balance: 1, subscription_credits: 1, topup_credits: 0 } }));
    }
    res.setHeader('content-length', String(BODY.length));
    res.end(BODY);
  });
  api = await recorder((path, res) => {
    res.statusCode = path.startsWith('/v1/') ? 307 : 302;
    res.setHeader('location', `${other.url}${path}`);
    res.end();
  });
  dir = await mkdtemp(join(tmpdir(), 'masko-redirect-'));
});

afterAll(async () => {
  for (const r of [api, other]) {
    r?.server.closeAllConnections();
    await new Promise((ok) => r?.server.close(ok));
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('redirects to another origin drop Authorization', () => {
  it('download: the API origin gets the key, the redirect target does not', async () => {
    const client = createMaskoClient({ apiKey: KEY, apiUrl: `${api.url}/v1`, retry: { retries: 0 } });
    try {
      const got = await client.download(`${api.url}/files/a.png`, join(dir, 'a.png'));
      expect(await readFile(got.path)).toEqual(BODY);
    } finally {
      await client.close();
    }
    expect(api.seen.find((s) => s.path === '/files/a.png')?.headers.authorization).toBe(`Bearer ${KEY}`);
    const hop = other.seen.filter((s) => s.path === '/files/a.png');
    expect(hop).toHaveLength(1);
    expect(hop[0]!.headers.authorization).toBeUndefined();
  });

  it('API call: a 307 to another origin is not followed with the key', async () => {
    const client = createMaskoClient({ apiKey: KEY, apiUrl: `${api.url}/v1`, retry: { retries: 0 } });
    let outcome: string;
    try {
      outcome = JSON.stringify(await client.credits());
    } catch (error) {
      outcome = (error as Error).message;
      expect(outcome).not.toContain(KEY);
    } finally {
      await client.close();
    }
    expect(api.seen.some((s) => s.path.startsWith('/v1/credits') && s.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    // Not followed at all (the client's rule for API calls), with a message that says why.
    expect(other.seen.filter((s) => s.path.startsWith('/v1/credits'))).toEqual([]);
    expect(outcome).toBe(`[masko] GET /v1/credits answered 307 redirecting to ${other.url}/v1/credits: API calls do not follow redirects (check apiUrl)`);
  });
});
