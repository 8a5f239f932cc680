// The Astro and Nuxt wrappers' plugins in a real Vite build against the emulator: what each host would
// receive through its hook builds an app that imports `virtual:masko/felix` and emits the mascot's files.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO, startEmulator, type Emulator } from 'masko-emulator';
import { afterAll, beforeAll, expect, test } from 'vitest';
import maskoAstro from '../src/astro.js';
import maskoNuxt, { type NuxtLike } from '../src/nuxt.js';
import type { MaskoOptions } from '../src/types.js';

let emulator: Emulator;
const dirs: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A project folder; the Vite app sits in `sub` of it when given (Nuxt 4 keeps it in app/). */
function app(sub = ''): string {
  const project = mkdtempSync(join(tmpdir(), 'masko-integration-'));
  dirs.push(project);
  const root = join(project, sub);
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>\n');
  writeFileSync(join(root, 'main.js'), "import felix from 'virtual:masko/felix';\nconsole.log(Object.keys(felix.poses).join(','));\n");
  return project;
}

const options = (root: string): MaskoOptions => ({
  configFile: false,
  dts: false,
  apiUrl: emulator.apiUrl,
  apiKey: `masko_${'0'.repeat(64)}`,
  cacheDir: join(root, '.cache'),
  mascots: { felix: { collection: DEMO.collectionId, formats: ['webm', 'png'] } },
});

async function viteBuild(root: string, plugins: unknown[]): Promise<{ js: string; assets: string[] }> {
  const { build } = await import('vite');
  await build({ root, configFile: false, logLevel: 'silent', plugins: plugins as never, build: { outDir: join(root, 'dist') } });
  const assets = readdirSync(join(root, 'dist/assets'));
  const js = assets.filter((name) => name.endsWith('.js')).map((name) => readFileSync(join(root, 'dist/assets', name), 'utf8')).join('\n');
  return { js, assets };
}

test('the Astro integration\'s Vite plugin builds the mascot into the app', async () => {
  const root = app();
  const plugins: unknown[] = [];
  maskoAstro(options(root)).hooks['astro:config:setup']({ updateConfig: (config) => plugins.push(...config.vite.plugins) });
  const { js, assets } = await viteBuild(root, plugins);
  expect(js).toContain('Thumbs Up');
  expect(assets.some((name) => /^felix-.*\.webm$/.test(name))).toBe(true);
  expect(readFileSync(join(root, 'masko.lock.json'), 'utf8')).toContain(DEMO.collectionId);
}, 120_000);

test('the Nuxt module\'s Vite plugin builds the mascot; masko files sit at the project root, not in app/', async () => {
  const project = app('app');
  const viteConfig: { plugins?: unknown[] } = {};
  const nuxt: NuxtLike = {
    options: { rootDir: project },
    hook: ((name: string, fn: (arg: unknown) => void) => name === 'vite:extendConfig' && fn(viteConfig)) as NuxtLike['hook'],
  };
  maskoNuxt(options(project), nuxt);
  const { js, assets } = await viteBuild(join(project, 'app'), viteConfig.plugins!);
  expect(js).toContain('Thumbs Up');
  expect(assets.some((name) => /^felix-.*\.png$/.test(name))).toBe(true);
  expect(readFileSync(join(project, 'masko.lock.json'), 'utf8')).toContain(DEMO.collectionId);
  expect(existsSync(join(project, 'app/masko.lock.json'))).toBe(false);
}, 120_000);
