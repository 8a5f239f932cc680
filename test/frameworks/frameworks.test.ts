/**
 * Every framework recipe of the README, for real: the latest Next.js (Turbopack and `--webpack`),
 * Nuxt, Astro, SvelteKit and a fresh `create-vite` vanilla-ts template, with our packages installed
 * from `npm pack` tarballs in one workspace outside the repository (workspace.ts), synced against the
 * emulator over HTTP. Each build is served on 127.0.0.1 and checked in Chromium (page-checks.ts); a
 * misspelled pose fails type-checking in each app; under pnpm the generated types resolve.
 */
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEMO, type Emulator, startEmulator } from 'masko-emulator';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, serve } from '../e2e/helpers.js';
import { checkNoScript, checkPage } from './page-checks.js';
import { createWorkspace, REPO, run, startServer, type Workspace } from './workspace.js';

const KEY = `masko_${'f7a3'.repeat(16)}`;
const QUICKSTART = join(REPO, 'test/frameworks/apps/vite');
/** The demo's artwork is square: the box every app must reserve at the element's default width. */
const BOX = { width: 240, height: 240 };
/** A framework build on two busy cores. */
const TIMEOUT = 300_000;

let emulator: Emulator;
let ws: Workspace;
let browser: Browser;
let cache: string;
const timings: Record<string, number> = {};

/** Where the suite's cost is written as it goes (gitignored), for the CI budget: printed, never asserted. */
const TIMINGS = join(REPO, 'test/artifacts/frameworks-timings.json');

async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[name] = Math.round((performance.now() - started) / 100) / 10;
    await mkdir(dirname(TIMINGS), { recursive: true });
    await writeFile(TIMINGS, `${JSON.stringify({ ...ws?.timings, ...timings }, null, 2)}\n`);
  }
}

/** `npm run build` in an app, against the emulator; fails the test with the output when it fails. */
async function build(app: string): Promise<string> {
  const r = await step(`${app}: build`, () =>
    run('npm', ['run', 'build'], { cwd: ws.app(app), env: ws.env({ MASKO_API_URL: emulator.apiUrl, MASKO_API_KEY: KEY }) }),
  );
  expect(r.code, r.output).toBe(0);
  expect(r.output).not.toContain(KEY);
  return r.output;
}

/** Every check of page-checks.ts against `url`. */
async function checkApp(app: string, url: string, noScript = true): Promise<void> {
  const report = await step(`${app}: browser`, () => checkPage(browser, url, 'Wave'));
  expect(report.errors).toEqual([]);
  expect(report.format).toBe('webm'); // Chromium: VP9 with alpha
  expect(report.pixels.opaque).toBeGreaterThan(1000); // the fox
  expect(report.pixels.corner).toBe(0); // transparent around it
  expect(report.afterGoTo.pose).toBe('Wave');
  expect(report.afterGoTo.url).toMatch(/felix-wave-webm-/);
  expect(report.media.length).toBeGreaterThan(0);
  for (const m of report.media) {
    expect([200, 206], m.url).toContain(m.status); // 206: a video's Range request
    expect(m.type, m.url).toMatch(/^(video|image)\//);
  }
  expect(report.box).toEqual(BOX);
  if (!noScript) return;
  expect(report.cls).toBeLessThan(0.01);
  const bare = await checkNoScript(browser, url);
  expect(bare.box).toEqual(BOX);
  expect(bare.poster?.src).toMatch(/\/masko\/felix-idle-png-\d+\.[0-9a-f]{8}\.png$/);
  expect(bare.poster?.loaded).toBe(true);
}

/**
 * Type-checks `file` (written into the app, removed after): exactly one error, on the misspelled
 * pose. No error at all would mean the poses are `any`; another error, that the types do not resolve.
 */
async function expectPoseError(app: string, file: string, source: string, tsconfig: string | [string, string[]] = './tsconfig.json'): Promise<void> {
  const path = join(ws.app(app), file);
  const check = join(ws.app(app), 'tsconfig.check.json');
  await writeFile(path, source);
  // The app's own compiler options and paths, over the check file alone (and what it imports).
  if (typeof tsconfig === 'string')
    await writeFile(check, JSON.stringify({ extends: tsconfig, compilerOptions: { noEmit: true, incremental: false }, include: [file] }));
  const [command, args] = typeof tsconfig === 'string' ? ['tsc', ['-p', 'tsconfig.check.json']] : tsconfig;
  try {
    const r = await step(`${app}: type-check`, () => run(command, args, { cwd: ws.app(app), env: ws.env() }));
    const errors = r.output.split('\n').filter((line) => /error TS\d+/.test(line));
    expect(errors, r.output).toHaveLength(1);
    expect(errors[0]).toContain(file.split('/').pop());
    expect(errors[0]).toContain('"Wavy"');
  } finally {
    await rm(path, { force: true });
    await rm(check, { force: true });
  }
}

const config = (cacheDir: string) => (app: string) =>
  [
    `import { defineConfig } from 'unplugin-masko';`,
    '',
    `export default defineConfig({`,
    // The Vite quickstart keeps masko.d.ts in src/, which the template's tsconfig includes.
    ...(app === 'vite-app' ? [`  dts: 'src/masko.d.ts',`] : []),
    `  cacheDir: ${JSON.stringify(cacheDir)},`,
    `  mascots: { felix: { collection: '${DEMO.collectionId}', sizes: [240] } },`,
    `});`,
    '',
  ].join('\n');

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  cache = await mkdtemp(join(tmpdir(), 'masko-frameworks-cache-'));
  ws = await createWorkspace(config(cache), async (dir) => {
    await cp(join(QUICKSTART, 'vite.config.ts'), join(dir, 'vite.config.ts'));
    await appendFile(join(dir, 'src/main.ts'), await readFile(join(QUICKSTART, 'quickstart.ts'), 'utf8'));
  });
  browser = await launchChromium();
}, 1_200_000);

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
  if (ws) await rm(ws.dir, { recursive: true, force: true });
  if (cache) await rm(cache, { recursive: true, force: true });
  // The suite's cost, for the CI budget (printed, never asserted).
  const all = { ...ws?.timings, ...timings };
  console.log(
    `frameworks suite timings (s): ${Object.entries(all)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
});

describe.each(['next-turbopack', 'next-webpack'])('%s', (app) => {
  test(
    'builds, server-renders the first paint, hydrates and plays',
    async () => {
      const output = await build(app);
      expect(output).toMatch(app === 'next-webpack' ? /webpack/i : /Turbopack/);
      const server = startServer(ws.node, [join(ws.dir, 'node_modules/next/dist/bin/next'), 'start', '-p', '0', '-H', '127.0.0.1'], {
        cwd: ws.app(app),
        env: ws.env(),
      });
      try {
        await checkApp(app, await server.url);
      } finally {
        await server.stop();
      }
    },
    TIMEOUT,
  );

  // Both modes build the same sources with the same tsconfig: one type-check covers them.
  test.runIf(app === 'next-turbopack')(
    'a misspelled pose fails type-checking',
    async () => {
      await expectPoseError(
        app,
        'src/app/check-pose.tsx',
        [
          `import { MaskoMascot } from 'masko-mascot/react';`,
          `import felix, { type Pose } from '@/masko/felix';`,
          `export const good: Pose = 'Wave';`,
          `export const Bad = () => <MaskoMascot manifest={felix} pose="Wavy" />;`,
          '',
        ].join('\n'),
      );
    },
    TIMEOUT,
  );
});

describe('nuxt', () => {
  test(
    'builds, server-renders the first paint, hydrates and plays',
    async () => {
      await build('nuxt');
      const server = startServer(ws.node, ['.output/server/index.mjs'], { cwd: ws.app('nuxt'), env: ws.env({ PORT: '0', HOST: '127.0.0.1' }) });
      try {
        await checkApp('nuxt', await server.url);
      } finally {
        await server.stop();
      }
    },
    TIMEOUT,
  );

  test(
    'a misspelled pose fails type-checking',
    async () => {
      await expectPoseError(
        'nuxt',
        'app/check-pose.ts',
        `import type { Pose } from '~/masko/felix';\nexport const good: Pose = 'Wave';\nexport const bad: Pose = 'Wavy';\n`,
        './.nuxt/tsconfig.app.json',
      );
    },
    TIMEOUT,
  );
});

describe.each([
  ['astro', 'dist', 'src/check-pose.ts', './masko/felix'],
  ['sveltekit', 'build', 'src/check-pose.ts', './lib/masko/felix'],
])('%s', (app, out, file, module) => {
  test(
    'builds static pages with the first paint, hydrates and plays',
    async () => {
      await build(app);
      const site = await serve(join(ws.app(app), out));
      try {
        await checkApp(app, site.url);
      } finally {
        await site.close();
      }
    },
    TIMEOUT,
  );

  test(
    'a misspelled pose fails type-checking',
    async () => {
      await expectPoseError(app, file, `import type { Pose } from '${module}';\nexport const good: Pose = 'Wave';\nexport const bad: Pose = 'Wavy';\n`);
    },
    TIMEOUT,
  );
});

describe('fresh Vite template (vanilla-ts) after the quickstart', () => {
  test(
    "`masko sync` then the template's own `npm run build` (tsc && vite build) pass, and it plays",
    async () => {
      const sync = await step('vite-app: masko sync', () =>
        run('npx', ['masko', 'sync'], { cwd: ws.app('vite-app'), env: ws.env({ MASKO_API_URL: emulator.apiUrl, MASKO_API_KEY: KEY }) }),
      );
      expect(sync.code, sync.output).toBe(0);
      await build('vite-app');
      const site = await serve(join(ws.app('vite-app'), 'dist'));
      try {
        await checkApp('vite-app', site.url, false); // a client-rendered page: no server markup to check
      } finally {
        await site.close();
      }
    },
    TIMEOUT,
  );

  test(
    "a misspelled pose fails the template's build",
    async () => {
      await expectPoseError(
        'vite-app',
        'src/check-pose.ts',
        [
          `import type { MaskoMascot } from 'masko-mascot';`,
          `import felix from 'virtual:masko/felix';`,
          `declare const el: MaskoMascot<typeof felix>;`,
          `export const go = () => el.goTo('Wavy');`,
          '',
        ].join('\n'),
        ['npm', ['run', 'build']],
      );
    },
    TIMEOUT,
  );
});

describe('pnpm', () => {
  test(
    "the generated types import only direct dependencies, so they resolve under pnpm's strict layout",
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'masko-pnpm-'));
      try {
        const file = (name: string) => `file:${ws.tarballs[name]}`;
        await writeFile(
          join(dir, 'package.json'),
          JSON.stringify(
            {
              name: 'pnpm-app',
              private: true,
              type: 'module',
              dependencies: { 'masko-mascot': file('masko-mascot') },
              devDependencies: { 'unplugin-masko': file('unplugin-masko'), typescript: 'latest' },
            },
            null,
            2,
          ),
        );
        // Our packages' own dependencies come from the tarballs too (they are not on the registry).
        await writeFile(
          join(dir, 'pnpm-workspace.yaml'),
          `overrides:\n  masko-wire: '${file('masko-wire')}'\n  masko-manifest: '${file('masko-manifest')}'\n  masko-client: '${file('masko-client')}'\n`,
        );
        await writeFile(join(dir, 'masko.config.json'), JSON.stringify({ mascots: { felix: { collection: DEMO.collectionId, sizes: [240] } } }));
        const pnpm = join(ws.dir, 'node_modules/.bin/pnpm');
        const env = ws.env({ MASKO_API_URL: emulator.apiUrl, MASKO_API_KEY: KEY });
        const install = await step('pnpm: install', () => run(pnpm, ['install'], { cwd: dir, env }));
        expect(install.code, install.output).toBe(0);
        const sync = await run(pnpm, ['exec', 'masko', 'sync', '--public', 'public', '--modules', 'src/masko'], { cwd: dir, env });
        expect(sync.code, sync.output).toBe(0);
        // masko-manifest is in node_modules/.pnpm only: importing it from the app would fail TS2307.
        expect(await readFile(join(dir, 'masko.d.ts'), 'utf8')).toContain(`import('masko-mascot')`);
        await mkdir(join(dir, 'src'), { recursive: true });
        await writeFile(
          join(dir, 'src/check.ts'),
          [
            `import type { MaskoMascot } from 'masko-mascot';`,
            `import virtualFelix from 'virtual:masko/felix';`,
            `import felix, { type Pose } from './masko/felix';`,
            `export const good: Pose = 'Wave';`,
            `export const bad: Pose = 'Wavy';`,
            `declare const el: MaskoMascot<typeof virtualFelix>;`,
            `export const go = () => el.goTo('Wavy');`,
            `export const initial: Pose = felix.initial;`,
            '',
          ].join('\n'),
        );
        // skipLibCheck on: the setting under which an unresolved import silently made the poses `any`.
        await writeFile(
          join(dir, 'tsconfig.json'),
          JSON.stringify({
            compilerOptions: {
              strict: true,
              noEmit: true,
              skipLibCheck: true,
              module: 'esnext',
              moduleResolution: 'bundler',
              target: 'es2022',
              lib: ['es2022', 'dom'],
            },
            include: ['src', 'masko.d.ts'],
          }),
        );
        const tsc = await step('pnpm: type-check', () => run(pnpm, ['exec', 'tsc', '-p', '.'], { cwd: dir, env }));
        const errors = tsc.output.split('\n').filter((line) => /error TS\d+/.test(line));
        expect(errors, tsc.output).toHaveLength(2);
        expect(errors[0]).toMatch(/src\/check\.ts\(5,.*"Wavy"/);
        expect(errors[1]).toMatch(/src\/check\.ts\(7,.*"Wavy"/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    TIMEOUT,
  );
});
