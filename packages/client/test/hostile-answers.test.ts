// Answers no Masko revision gives (a proxy's HTML page, garbage JSON, a server echoing the key), over undici's
// MockAgent: the emulator answers like an API, these do not. Envelopes, list shapes, the 402s, retries and
// rate limits are tested against the emulator over real HTTP (api-revisions.test.ts).
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMaskoClient, MaskoError } from '../src/index.js';
import { allMessages, FAKE_KEY, KEY_FRAGMENT, recordingLogger, rejection } from './helpers.js';

const ORIGIN = 'https://api.masko.test';
const json = { headers: { 'content-type': 'application/json' } };
let agent: MockAgent;
let log: ReturnType<typeof recordingLogger>;

function client(retries = 0) {
  return createMaskoClient({
    apiKey: FAKE_KEY,
    apiUrl: `${ORIGIN}/v1`,
    dispatcher: agent,
    logger: log.logger,
    retry: { retries, minDelayMs: 1, maxDelayMs: 5 },
  });
}

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  log = recordingLogger();
});
afterEach(async () => {
  expect(log.lines.join('\n')).not.toContain(KEY_FRAGMENT);
  await agent.close();
});

describe('errors', () => {
  it('names the path and status of an HTML error page', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/v1/projects', method: 'POST' })
      .reply(502, '<html><body><h1>502 Bad Gateway</h1></body></html>', { headers: { 'content-type': 'text/html' } });
    const err = await rejection(() => client().projects.create({ name: 'x' }));
    expect(err).toMatchObject({ status: 502, code: 'internal_error', url: '/v1/projects' });
    expect(err.message).toContain('POST /v1/projects failed with 502');
    expect(err.message).toContain('text/html');
  });

  it('names the field of an unexpected response shape', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/v1/jobs/j1', method: 'GET' })
      .reply(200, { data: { id: 'j1', status: 'exploded' } }, json);
    const err = await rejection(() => client().jobs.get('j1'));
    expect(err).toMatchObject({ code: 'invalid_response', url: '/v1/jobs/j1' });
    expect(err.message).toMatch(/status/);
  });

  it('rejects a 200 body that is not JSON', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/v1/credits', method: 'GET' })
      .reply(200, '<html>login</html>', { headers: { 'content-type': 'text/html' } });
    const err = await rejection(() => client().credits());
    expect(err).toMatchObject({ code: 'invalid_response' });
    expect(err.message).toContain('GET /v1/credits');
  });

  it('never shows the key, even when the server echoes it', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/v1/credits', method: 'GET' })
      .reply(401, { error: { code: 'unauthorized', message: `key ${FAKE_KEY} revoked (Authorization: Bearer ${FAKE_KEY})` } }, json);
    const err = await rejection(() => client().credits());
    expect(err).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(allMessages(err)).not.toContain(KEY_FRAGMENT);
  });

  it('refuses a malformed key without echoing it', () => {
    const bad = 'masko_not-a-real-key-c0ffee42c0ffee42';
    expect(() => createMaskoClient({ apiKey: bad, apiUrl: `${ORIGIN}/v1` })).toThrow(MaskoError);
    try {
      createMaskoClient({ apiKey: bad, apiUrl: `${ORIGIN}/v1` });
    } catch (err) {
      expect(allMessages(err)).not.toContain('c0ffee42');
      expect((err as Error).message).toContain('apiKey');
    }
  });
});
