/**
 * The API key, made recognisable, never lands anywhere it should not: not in CLI output (debug level
 * included, errors included), not in the lockfile, masko.d.ts, cache sidecars, pulled manifests or a
 * bundler's output, not in the emulator's own log; and the asset host never sees `Authorization`.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEMO, type Emulator, startEmulator } from 'masko-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../e2e/builders.js';
import { KEY, makeProject, type Project } from './harness.js';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(REPO, 'packages/unplugin/src/cli.ts');
/** The key, its secret part alone, and the same key in upper case (a malformed one must not echo either). */
const NEEDLES = [KEY, KEY.slice('masko_'.length), KEY.toUpperCase().slice('MASKO_'.length)];
const felix = { collection: DEMO.collectionId, sizes: [160], formats: ['png', 'webm'], include: ['Idle', 'Wave'] };

let emu: Emulator;
let project: Project;
const emulatorLog: string[] = [];
const outputs: string[] = [];

async function masko(env: Record<string, string>, ...args: string[]): Promise<{ code: number; out: string }> {
  const r = await run(process.execPath, ['--conditions=source', '--import', 'tsx', CLI, ...args, '--root', project.root], {
    cwd: REPO,
    timeout: 120_000,
    env: { ...process.env, MASKO_API_KEY: KEY, MASKO_API_URL: emu.apiUrl, CI: '1', NO_COLOR: '1', CONSOLA_LEVEL: '5', ...env },
  }).then(
    (x) => ({ code: 0, out: x.stdout + x.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
  outputs.push(r.out);
  return r;
}

function leaks(text: string): string[] {
  return NEEDLES.filter((n) => text.toLowerCase().includes(n.toLowerCase()));
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0, jobDelayMs: 50, admin: true, log: (line) => emulatorLog.push(line) });
  project = await makeProject({ mascots: { felix } });
}, 60_000);

afterAll(async () => {
  await emu?.close();
  await project?.close();
});

describe('the API key never leaks', () => {
  it('sync, status, pull and a rollup build write and print no trace of it', async () => {
    expect((await masko({}, 'sync')).code).toBe(0);
    expect((await masko({}, 'status')).code).toBe(0);
    expect((await masko({}, 'pull', '--out', join(project.root, 'site'))).code).toBe(0);
    await build.rollup({
      outDir: join(project.root, 'dist'),
      options: {
        root: project.root,
        configFile: false,
        apiKey: KEY,
        apiUrl: emu.apiUrl,
        cacheDir: project.cacheDir,
        lockfile: join(project.root, 'build.lock.json'),
        dts: false,
        mascots: { felix: felix as never },
      },
    });

    const files = (await readdir(project.root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    const names = files.map((f) => f.slice(project.root.length + 1));
    // The scan covers what matters: lockfiles, types, cache sidecars, pulled and built output.
    for (const expected of [
      /^masko\.lock\.json$/,
      /^build\.lock\.json$/,
      /^masko\.d\.ts$/,
      /^\.cache\/masko\/files\/.+\.json$/,
      /^site\/felix\.json$/,
      /^site\/assets\/.+\.webm$/,
      /^dist\/js\/main\.js$/,
      /^dist\/.+\.png$/,
    ]) {
      expect(
        names.some((n) => expected.test(n)),
        `${expected} was written`,
      ).toBe(true);
    }
    for (const file of files) {
      const bytes = await readFile(file);
      expect(leaks(bytes.toString('latin1')), file).toEqual([]);
    }
    expect(leaks(outputs.join('\n'))).toEqual([]);
    expect(outputs.join('\n')).toMatch(/\[masko\]/);
  }, 180_000);

  it('error paths print no trace of it: 401, 404, 402, unreachable API, malformed key', async () => {
    const cfg = join(project.root, 'masko.config.json');
    const original = await readFile(cfg, 'utf8');
    try {
      emu.addFault({ kind: 'status', status: 401, origin: 'api', count: 1 });
      const unauthorized = await masko({}, 'status');
      emu.clearFaults();
      await writeFile(cfg, JSON.stringify({ mascots: { felix: { ...felix, collection: '00000000-0000-4000-8000-000000000000' } } }));
      const notFound = await masko({}, 'sync');
      await writeFile(
        cfg,
        JSON.stringify({
          mascots: { felix: { ...felix, poses: { Dance: { image: 'dancing', animation: 'a jig', duration: 1 } } } },
          generate: { maxCredits: 100 },
        }),
      );
      emu.setCredits(2);
      const broke = await masko({}, 'sync');
      emu.setCredits(10_000);
      const unreachable = await masko({ MASKO_API_URL: 'http://127.0.0.1:9/v1' }, 'sync');
      const malformed = await masko({ MASKO_API_KEY: `masko_${KEY.slice(6).toUpperCase()}x` }, 'sync');
      for (const [what, r, pattern] of [
        ['401', unauthorized, /unauthori[sz]ed|401/i],
        ['404', notFound, /not.found|404/i],
        ['402', broke, /credits/i],
        ['unreachable', unreachable, /ECONNREFUSED|connect/i],
        ['malformed key', malformed, /apiKey|API key/i],
      ] as const) {
        expect(r.code, `${what}: ${r.out}`).not.toBe(0);
        expect(r.out, what).toMatch(/\[masko\]/);
        expect(r.out, what).toMatch(pattern);
        expect(leaks(r.out), what).toEqual([]);
      }
    } finally {
      await writeFile(cfg, original);
    }
  }, 180_000);

  it('the asset host never received Authorization; the API always did; the emulator log holds no key', () => {
    const log = emu.requests();
    const assets = log.filter((r) => r.origin === 'assets');
    const api = log.filter((r) => r.origin === 'api' && r.path.startsWith('/v1/'));
    expect(assets.length).toBeGreaterThan(5);
    expect(api.length).toBeGreaterThan(5);
    expect(assets.filter((r) => 'authorization' in r.headers || 'proxy-authorization' in r.headers)).toEqual([]);
    expect(api.every((r) => r.headers.authorization?.startsWith('Bearer masko_'))).toBe(true);
    expect(emulatorLog.length).toBeGreaterThan(10);
    expect(leaks(emulatorLog.join('\n') + JSON.stringify(log))).toEqual([]);
  });
});
