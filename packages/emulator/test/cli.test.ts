import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../src/index.js';
import { AUTH, fixtureMedia, start } from './helpers.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

function run(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('masko-emulator CLI', () => {
  it('prints both URLs on its first line and serves them', async () => {
    const child = run([
      '--port',
      '0',
      '--quiet',
      '--media-dir',
      fixtureMedia(),
      '--credits',
      '77',
      '--fault',
      '{"kind":"status","status":502,"count":1,"path":"/v1/credits"}',
    ]);
    try {
      // Both lines arrive in one chunk: read them through the iterator (a second `once` would miss the second).
      const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      const first = (await lines.next()).value as string;
      const m = /^masko-emulator: api (http:\/\/127\.0\.0\.1:\d+\/v1) assets (http:\/\/127\.0\.0\.1:\d+)$/.exec(first);
      expect(m, first).toBeTruthy();
      expect((await fetch(`${m![1]}/credits`, { headers: AUTH })).status).toBe(502);
      const res = await fetch(`${m![1]}/credits`, { headers: AUTH });
      expect(((await res.json()) as any).data.balance).toBe(77);
      expect(new URL(m![1]!).port).not.toBe(new URL(m![2]!).port);
      // The second line gives the id a masko.config needs.
      const second = (await lines.next()).value as string;
      expect(second).toBe(
        `masko-emulator: demo collection ${DEMO.collectionId} (canvas ${DEMO.canvasId}): mascots: { felix: { collection: '${DEMO.collectionId}' } }`,
      );
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('runs through the committed bin shim (what npm links at install time, before dist/ exists)', async () => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL('../bin/masko-emulator.js', import.meta.url)), '--port', '0', '--quiet', '--media-dir', fixtureMedia()],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      const first = (await lines.next()).value as string;
      expect(first).toMatch(/^masko-emulator: api http:\/\/127\.0\.0\.1:\d+\/v1 assets http:\/\/127\.0\.0\.1:\d+$/);
      const second = (await lines.next()).value as string;
      expect(second).toMatch(/^masko-emulator: demo collection /);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('answers as the old revision, with stripped fields and signed URLs, when asked', async () => {
    const child = run(['--port', '0', '--quiet', '--revision', 'old', '--fields', 'stripped', '--signed-urls', '60000']);
    try {
      const [first] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
      const api = /api (\S+)/.exec(first)![1]!;
      const collection = ((await (await fetch(`${api}/collections`, { headers: AUTH })).json()) as any).collections[0];
      const body = (await (await fetch(`${api}/collections/${collection.id}/assets?limit=2`, { headers: AUTH })).json()) as any;
      expect(Object.keys(body)).toEqual(['assets']);
      expect(Object.keys(body.assets[0]).sort()).toEqual(['id', 'type', 'url']);
      expect(body.assets[0].url).toMatch(/\?expires=\d+&sig=[0-9a-f]+$/);
      expect((await fetch(body.assets[0].url)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('exits 1 naming a bad flag', async () => {
    for (const [args, message] of [
      [['--port', '0', '--revision', 'ancient'], "option revision must be 'new' or 'old'"],
      [['--port', '0', '--fields', 'some'], "option fields must be 'full' or 'stripped'"],
      [['--port', 'abc'], '--port must be a non-negative integer'],
      [['--fault', '{"kind":"meteor"}'], 'fault.kind must be one of'],
      [['--nope'], "Unknown option '--nope'"],
    ] as const) {
      const child = run([...args]);
      let err = '';
      child.stderr!.on('data', (c) => (err += c));
      const [code] = await once(child, 'exit');
      expect(code).toBe(1);
      expect(err).toContain(message);
    }
  });

  it('exits 1 naming the address when the port is taken', async () => {
    const emu = await start();
    try {
      const child = run(['--port', String(emu.port), '--media-dir', fixtureMedia()]);
      let err = '';
      child.stderr!.on('data', (c) => (err += c));
      const [code] = await once(child, 'exit');
      expect(code).toBe(1);
      expect(err).toContain(`cannot listen on 127.0.0.1:${emu.port}: EADDRINUSE`);
    } finally {
      await emu.close();
    }
  });
});
