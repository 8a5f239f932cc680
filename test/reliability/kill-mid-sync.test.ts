/**
 * A `masko sync` killed by a signal mid-download (SIGKILL, SIGTERM, SIGINT; three seeds): the cache
 * keeps only whole files matching their names, the lockfile is still the old one, and a re-run ends
 * with the clean run's lockfile and cache. The CLI runs as a user runs it: a child process, config
 * from masko.config.json, key and API URL from the environment.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO, type Emulator, startEmulator } from 'masko-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balance, KEY, makeProject, type Project, prng, type Snapshot, snapshot, syncInProcess } from './harness.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(REPO, 'packages/unplugin/src/cli.ts');
const felix = { collection: DEMO.collectionId, sizes: [160, 240], formats: ['png', 'webm', 'stacked'], include: ['Idle', 'Wave'] };
const CONFIG = { mascots: { felix } };
const OLD = { mascots: { felix: { ...felix, sizes: [360] } } };
const SIGNALS = ['SIGKILL', 'SIGTERM', 'SIGINT'] as const;

let emu: Emulator;
let old: Project;
let reference: Snapshot;

function cli(root: string, ...args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> } {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CLI, ...args, '--root', root], {
    cwd: REPO,
    env: { ...process.env, MASKO_API_KEY: KEY, MASKO_API_URL: emu.apiUrl, CI: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d;
  });
  child.stderr!.on('data', (d: Buffer) => {
    out += d;
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, out })),
  );
  return { child, done };
}

async function finishedFiles(project: Project): Promise<number> {
  const dir = join(project.cacheDir, 'files');
  if (!existsSync(dir)) return 0;
  return (await readdir(dir, { recursive: true })).filter((f) => /[0-9a-f]{64}\.[a-z0-9]+$/.test(String(f))).length;
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0, jobDelayMs: 50, rateLimit: false, admin: true });
  old = await makeProject(OLD);
  const a = await syncInProcess(old, emu);
  if (!a.ok) throw new Error(a.error);
  const clean = await makeProject(CONFIG);
  const b = await syncInProcess(clean, emu);
  if (!b.ok) throw new Error(b.error);
  reference = await snapshot(clean);
  await clean.close();
}, 60_000);

afterAll(async () => {
  await emu?.close();
  await old?.close();
});

describe('masko sync killed by a signal', () => {
  for (const [i, signal] of SIGNALS.entries()) {
    const seed = i + 1;
    it(`${signal} after some files (seed ${seed}): old lockfile, whole files only, clean re-run`, async () => {
      const project = await makeProject(CONFIG);
      try {
        await copyFile(old.lockfile, project.lockfile);
        const oldLock = (await snapshot(project)).lock;
        const credits = await balance(emu);
        // Slow bodies (a pause mid-file) keep the sync busy long enough to be killed mid-download.
        const stall = emu.addFault({ kind: 'stall', origin: 'assets', afterBytes: 2000, stallMs: 400 });
        const wanted = 1 + Math.floor(prng(seed)() * 3);
        const run = cli(project.root, 'sync');
        const exited = run.done.then(() => true);
        while ((await finishedFiles(project)) < wanted && !(await Promise.race([exited, new Promise((r) => setTimeout(() => r(false), 25))]))) {
          /* poll */
        }
        run.child.kill(signal);
        const killed = await run.done;
        emu.clearFaults();
        void stall;

        expect(killed.code, `the sync finished before the kill:\n${killed.out}`).not.toBe(0);
        const after = await snapshot(project);
        expect(after.corrupt).toEqual([]);
        // Only temp files may remain (incoming downloads, `*.tmp` of atomic writes), never a
        // finished-looking name; the next sync sweeps them (their writer's pid is dead).
        expect(after.leftovers.filter((f) => !f.startsWith('incoming/') && !f.endsWith('.tmp'))).toEqual([]);
        expect(after.lock).toBe(oldLock);
        expect(killed.out).not.toContain(KEY);

        const again = cli(project.root, 'sync');
        const rerun = await again.done;
        expect(rerun.code, rerun.out).toBe(0);
        expect(rerun.out).not.toContain(KEY);
        const final = await snapshot(project);
        expect(final.lock).toBe(reference.lock);
        expect(final.corrupt).toEqual([]);
        expect(
          Object.entries(final.files)
            .filter(([k]) => k.startsWith('files/'))
            .sort(),
        ).toEqual(
          Object.entries(reference.files)
            .filter(([k]) => k.startsWith('files/'))
            .sort(),
        );
        expect(await balance(emu), 'nothing to generate: no credits spent').toBe(credits);
        // The re-run removed the killed run's temp files: nothing but whole, named files remains.
        expect(final.leftovers).toEqual([]);
        expect((await readdir(project.root)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
        console.log(`${signal}: killed after ${wanted}+ files; temp leftovers after kill ${after.leftovers.length}, after re-run ${final.leftovers.length}`);
      } finally {
        await project.close();
      }
    }, 90_000);
  }

  it('SIGKILL while generated jobs run: the re-run waits for them and pays the plan once', async () => {
    const config = {
      mascots: { felix: { ...felix, poses: { Dance: { image: 'Felix dancing', animation: 'a jig', duration: 1 } } } },
      generate: { maxCredits: 6 },
    };
    const project = await makeProject(config);
    try {
      const credits = await balance(emu);
      // Long enough that the re-run (a cold tsx process, on a loaded machine) starts while the job still runs.
      emu.addFault({ kind: 'slow-job', jobDelayMs: 20_000, count: 1 });
      const run = cli(project.root, 'sync');
      const posted = () => emu.requests().some((r) => r.method === 'POST' && r.path.endsWith('/generate-batch') && r.status === 202);
      const exited = run.done.then(() => true);
      while (!posted() && !(await Promise.race([exited, new Promise((r) => setTimeout(() => r(false), 25))]))) {
        /* poll */
      }
      run.child.kill('SIGKILL');
      const killed = await run.done;
      emu.clearFaults();
      expect(killed.signal, killed.out).toBe('SIGKILL');
      expect(credits - (await balance(emu)), 'the generation was paid once, before the kill').toBe(6);
      expect(existsSync(project.lockfile)).toBe(false);

      const again = await cli(project.root, 'sync').done;
      expect(again.code, again.out).toBe(0);
      expect(again.out).toMatch(/already being generated/);
      expect(credits - (await balance(emu)), 'no second generation').toBe(6);
      expect(emu.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/generate-batch')).length).toBe(1);
      const lock = JSON.parse((await snapshot(project)).lock!) as { mascots: { felix: { poses: Record<string, unknown> } } };
      expect(Object.keys(lock.mascots.felix.poses).sort()).toEqual(['Dance', 'Idle', 'Wave']);
    } finally {
      await project.close();
      await emu.reset();
    }
  }, 90_000);
});
