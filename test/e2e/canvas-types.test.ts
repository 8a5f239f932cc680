/**
 * A Vite app using unplugin-masko's `canvas:` option against the emulator's demo canvas: the build
 * succeeds and splits the state machine into its own chunk, the generated types make tsc accept the
 * canvas's input and pose names and reject wrong ones, and the built page follows `fire('wave')`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEMO, type Emulator, startEmulator } from 'masko-emulator';
import type { MaskoOptions } from 'unplugin-masko';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serve } from './helpers.js';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const APP = fileURLToPath(new URL('./fixtures/canvas-app/', import.meta.url));
const KEY = `masko_${'ca4a'.repeat(16)}`;

let emu: Emulator;
let tmp: string;
let outDir: string;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, jobDelayMs: 50 });
  tmp = await mkdtemp(join(tmpdir(), 'masko-canvas-app-'));
  outDir = join(tmp, 'dist');
  // Everything the plugin writes goes to the temp folder, so the committed fixture stays clean.
  const options: MaskoOptions = {
    mascots: { felix: { collection: DEMO.collectionId, canvas: DEMO.canvasId, sizes: [160] } },
    apiUrl: emu.apiUrl,
    apiKey: KEY,
    configFile: false,
    lockfile: join(tmp, 'masko.lock.json'),
    dts: join(tmp, 'masko.d.ts'),
    cacheDir: join(tmp, 'cache'),
  };
  const { build } = await import('vite');
  const masko = (await import('unplugin-masko/vite')).default;
  await build({ root: APP, configFile: false, logLevel: 'silent', plugins: [masko(options)], build: { outDir, emptyOutDir: true } });
}, 180_000);

afterAll(async () => {
  await emu?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function tsc(files: string[]): Promise<string[]> {
  await writeFile(
    join(tmp, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        module: 'ESNext',
        moduleResolution: 'Bundler',
        target: 'ES2022',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        skipLibCheck: true,
        customConditions: ['source'],
        types: [],
        paths: { 'masko-mascot': [join(REPO, 'packages/player/src/index.ts')], 'masko-manifest': [join(REPO, 'packages/manifest/src/index.ts')] },
      },
      files: [join(tmp, 'masko.d.ts'), ...files],
    }),
  );
  const out = await run(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', join(tmp, 'tsconfig.json')], { cwd: tmp }).then(
    (r) => r.stdout,
    (e: { stdout: string }) => e.stdout,
  );
  return out.split('\n').filter((line) => /error TS/.test(line));
}

describe('a Vite app with a Masko canvas (unplugin-masko `canvas:`)', () => {
  it('should build, with the state machine in a chunk of its own', async () => {
    const assets = await readdir(join(outDir, 'assets'));
    const scripts = assets.filter((file) => file.endsWith('.js'));
    const code = await Promise.all(scripts.map((file) => readFile(join(outDir, 'assets', file), 'utf8')));
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    const entry = scripts.find((file) => html.includes(file));
    expect(entry, 'the entry script').toBeTruthy();
    // A string only the machine has (the manifest inlined in the entry has `nodeTime` conditions too).
    const machine = scripts.filter((_, i) => code[i]!.includes('instant transitions keep firing'));
    expect(machine.length, 'one chunk has the state machine').toBe(1);
    expect(machine[0]).not.toBe(entry);
    expect(await readFile(join(outDir, 'assets', entry!), 'utf8')).toContain(machine[0]); // imported lazily by name
  });

  it('should type the canvas: tsc accepts its input and pose names and rejects wrong ones', async () => {
    expect(await tsc([join(APP, 'src/main.ts')]), 'the fixture app type-checks').toEqual([]);

    await writeFile(
      join(tmp, 'wrong.ts'),
      [
        `import type { MaskoMascot } from 'masko-mascot';`,
        `import felix from 'virtual:masko/felix';`,
        `const mascot = document.querySelector<MaskoMascot<typeof felix>>('masko-mascot')!;`,
        `mascot.setInput('thinking', true);`,
        `mascot.fire('wave');`,
        `mascot.setInput('mouseOver', true);`,
        `mascot.setInput('wavy', true);`,
        `mascot.fire('thinkin');`,
        `void mascot.goTo('Thumbs Upp');`,
        `export const on: boolean | number | undefined = mascot.inputs.thinking;`,
      ].join('\n'),
    );
    const errors = await tsc([join(tmp, 'wrong.ts')]);
    expect(errors.map((line) => line.replace(/^.*wrong\.ts/, 'wrong.ts'))).toEqual([
      `wrong.ts(7,17): error TS2345: Argument of type '"wavy"' is not assignable to parameter of type 'BuiltinInput | Input'.`,
      `wrong.ts(8,13): error TS2345: Argument of type '"thinkin"' is not assignable to parameter of type '"clicked" | Input'.`,
      `wrong.ts(9,18): error TS2345: Argument of type '"Thumbs Upp"' is not assignable to parameter of type 'Pose'.`,
    ]);
    // `Input` and `Pose` are the generated literal unions.
    const dts = await readFile(join(tmp, 'masko.d.ts'), 'utf8');
    expect(dts).toContain(`export type Input = "thinking" | "wave"\n`);
    expect(dts).toContain(`export type Pose = "Idle" | "Thinking" | "Thumbs Up" | "Wave"\n`);
  }, 120_000);

  it('should play the built page: fire("wave") goes Idle → Wave through its clip', async () => {
    const server = await serve(outDir);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.waitForFunction(() => (window as unknown as { __masko?: { events: string[] } }).__masko?.events.includes('pose-change Idle>Wave'), undefined, {
        timeout: 30_000,
      });
      const events = await page.evaluate(() => (window as unknown as { __masko: { events: string[] } }).__masko.events);
      expect(events.slice(0, 5)).toEqual([
        'load Idle',
        'pose-change undefined>Idle',
        'transition-start Idle>Wave',
        'transition-end Idle>Wave',
        'pose-change Idle>Wave',
      ]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);
});
