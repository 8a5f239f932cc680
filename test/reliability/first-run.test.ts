/**
 * First run, as a newcomer meets it: the `masko` and `masko-emulator` bins exist right after
 * `npm install` (npm links no bin whose file is missing, and dist/ is built later), `npm start` moves to
 * free ports when 4010/4011 are taken and says so, the dev server's error names the real cause (a
 * missing key, not only "not in the lockfile"), and an upper-case key works and is never printed.
 */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { DEMO, type Emulator, startEmulator } from 'masko-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, REPO, runMasko } from './harness.js';

const run = promisify(execFile);
const BINS: [pkg: string, bin: string][] = [
  ['packages/unplugin', 'masko'],
  ['packages/emulator', 'masko-emulator'],
];

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, jobDelayMs: 50, rateLimit: false });
});
afterAll(async () => {
  await emu?.close();
});

/** Holds a loopback port (when free) so whoever wants it next finds it taken. */
async function hold(port: number): Promise<Server | undefined> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(undefined)); // someone else holds it: taken all the same
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** `node scripts/start.mjs` in its own process group; the lines it prints until `until` matches; then stopped. */
async function npmStart(env: Record<string, string | undefined>, until: RegExp): Promise<{ lines: string[]; code: number | null }> {
  const child = spawn(process.execPath, [join(REPO, 'scripts/start.mjs')], {
    cwd: REPO,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: '1', DEBUG: '', ...env },
  });
  const exited = once(child, 'exit') as Promise<[number | null]>;
  const lines: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  try {
    for await (const line of createInterface({ input: child.stdout! })) {
      lines.push(line);
      if (until.test(line)) break;
    }
  } finally {
    try {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    } // the emulator and Vite with it
  }
  const [code] = await exited;
  return { lines: [...lines, ...stderr.split('\n').filter(Boolean)], code };
}

describe('first run', () => {
  for (const [pkg, bin] of BINS) {
    it(`${bin}: a committed shim, shipped in "files", linked by npm, and it runs`, async () => {
      const manifest = JSON.parse(await readFile(join(REPO, pkg, 'package.json'), 'utf8')) as { bin: Record<string, string>; files: string[] };
      const file = manifest.bin[bin]!;
      expect(file).toMatch(/^\.\/bin\//);
      expect(manifest.files).toContain('bin');
      // Tracked by git: a fresh clone has it before any build.
      await run('git', ['ls-files', '--error-unmatch', join(pkg, file)], { cwd: REPO });
      expect(await readFile(join(REPO, pkg, file), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n[\s\S]*from '\.\.\/dist\/cli\.js'/);
      // npm linked it (node_modules/.bin/<bin>), and it starts.
      const linked = join(REPO, 'node_modules/.bin', bin);
      if (bin === 'masko') {
        const help = await run(linked, ['--help'], { cwd: REPO });
        expect(help.stdout).toMatch(/sync\|status\|pull\|generate/);
      } else {
        const child = spawn(linked, ['--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
        try {
          const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
          expect((await lines.next()).value).toMatch(/^masko-emulator: api http:\/\/127\.0\.0\.1:\d+\/v1 assets /);
          expect((await lines.next()).value).toContain(`demo collection ${DEMO.collectionId}`);
        } finally {
          child.kill('SIGTERM');
          await once(child, 'exit');
        }
      }
    }, 60_000);
  }

  it('npm start: 4010 taken, the emulator moves to free ports and says so', async () => {
    const held = await hold(4010);
    try {
      const { lines } = await npmStart({ MASKO_EMULATOR_PORT: undefined, MASKO_API_KEY: undefined }, /^masko-emulator: api /);
      expect(lines).toContain('masko: port 4010 or 4011 is taken; the emulator uses free ports instead (set MASKO_EMULATOR_PORT to choose)');
      const api = lines.map((l) => /^masko-emulator: api (\S+) assets/.exec(l)?.[1]).find(Boolean);
      expect(api).toBeDefined();
      expect(new URL(api!).port).not.toBe('4010');
      expect(lines.join('\n')).not.toMatch(/^\s+at /m);
    } finally {
      held?.close();
    }
  }, 120_000);

  it('npm start: a MASKO_EMULATOR_PORT that is taken is not moved: one [masko] line with a hint, exit 1', async () => {
    const held = createServer();
    await new Promise<void>((r) => held.listen(0, '127.0.0.1', r));
    const port = (held.address() as { port: number }).port;
    try {
      const { lines, code } = await npmStart({ MASKO_EMULATOR_PORT: String(port) }, /^never$/);
      expect(code).toBe(1);
      const text = lines.join('\n');
      expect(text).toMatch(
        new RegExp(
          `^\\[masko\\] the emulator cannot start: cannot listen on 127\\.0\\.0\\.1:${port}: EADDRINUSE\\n  hint: MASKO_EMULATOR_PORT=${port} is taken`,
          'm',
        ),
      );
      expect(text).not.toMatch(/^\s+at /m);
    } finally {
      held.close();
    }
  }, 120_000);

  it('dev server without a key: the error for the mascot names the missing key, not only the lockfile', async () => {
    const project = await makeProject({ mascots: { felix: { collection: DEMO.collectionId } } });
    const key = process.env.MASKO_API_KEY;
    delete process.env.MASKO_API_KEY;
    const { createServer: createViteServer } = await import('vite');
    const masko = (await import('unplugin-masko/vite')).default;
    const server = await createViteServer({
      root: project.root,
      configFile: false,
      logLevel: 'silent',
      plugins: [masko({ root: project.root, apiUrl: emu.apiUrl })],
      server: { host: '127.0.0.1', port: 0, hmr: false },
    });
    try {
      await server.listen();
      const res = await fetch(new URL('/@id/__x00__virtual:masko/felix', server.resolvedUrls!.local[0]!));
      expect(res.status).toBe(500);
      // The overlay's page carries the error as JSON (quotes escaped), stack and all.
      const page = await res.text();
      expect(page).toMatch(/"message":"\[masko\] mascot \\"felix\\" is not in the lockfile, because the sync failed: no API key: set MASKO_API_KEY/);
      expect(page).not.toMatch(/\s+at \S+ \(/);
    } finally {
      await server.close();
      if (key !== undefined) process.env.MASKO_API_KEY = key;
      await project.close();
    }
  }, 60_000);

  it('an upper-case key works end to end and is printed nowhere, errors included', async () => {
    const upper = `masko_${'FEEDC0DE'.repeat(8)}`;
    const project = await makeProject({ mascots: { felix: { collection: DEMO.collectionId, sizes: [160], formats: ['png'], include: ['Idle'] } } });
    try {
      const sync = await runMasko(['sync', '--root', project.root], { MASKO_API_KEY: upper, MASKO_API_URL: emu.apiUrl });
      expect(sync.code, sync.out).toBe(0);
      const unreachable = await runMasko(['status', '--root', project.root, '--debug'], { MASKO_API_KEY: upper, MASKO_API_URL: 'http://127.0.0.1:9/v1' });
      for (const out of [sync.out, unreachable.out]) expect(out.toUpperCase()).not.toContain(upper.toUpperCase());
      expect(await readFile(project.lockfile, 'utf8')).not.toContain('FEEDC0DE');
    } finally {
      await project.close();
    }
  }, 60_000);
});
