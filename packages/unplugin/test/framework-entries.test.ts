// The framework entries (/next, /nuxt, /astro) against the emulator, with each host's hook shape as
// documented (the real frameworks build them in test/frameworks): each runs the framework-agnostic route
// with that framework's folders and base path, and the CLI's `sync --public` does the same.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO } from 'masko-emulator';
import { describe, expect, test } from 'vitest';
import maskoAstro from '../src/astro.js';
import { withMasko } from '../src/next.js';
import maskoNuxt, { type NuxtLike } from '../src/nuxt.js';
import type { MaskoOptions } from '../src/types.js';
import { fileEmulator } from './helpers.js';

const env = fileEmulator();

function project(deps: Record<string, string> = { 'masko-mascot': '^0.1.0' }): string {
  const root = env.tempDir('masko-entry-');
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'app', dependencies: deps }));
  return root;
}

const options = (root: string): MaskoOptions => ({
  root,
  configFile: false,
  apiUrl: env.emulator.apiUrl,
  apiKey: `masko_${'0'.repeat(64)}`,
  cacheDir: join(root, '.cache'),
  mascots: { felix: { collection: DEMO.collectionId, formats: ['webm', 'png'], sizes: [240] } },
});

/** What the route wrote: media names in `<public>/masko`, and the module's text and types. */
function written(publicDir: string, modulesDir: string) {
  return {
    media: readdirSync(join(publicDir, 'masko')),
    js: readFileSync(join(modulesDir, 'felix.js'), 'utf8'),
    dts: readFileSync(join(modulesDir, 'felix.d.ts'), 'utf8'),
  };
}

describe('unplugin-masko/next', () => {
  test('withMasko syncs before next build: public/masko, src/masko, URLs under basePath', async () => {
    const root = project();
    const config = await withMasko({ basePath: '/docs' }, options(root))('phase-production-build', { defaultConfig: {} as { basePath: string } });
    expect(config).toEqual({ basePath: '/docs' });
    const out = written(join(root, 'public'), join(root, 'masko'));
    expect(out.media.some((name) => /^felix-idle-webm-240\.[0-9a-f]{8}\.webm$/.test(name))).toBe(true);
    expect(out.js).toMatch(/"url": "\/docs\/masko\/felix-idle-webm-240\.[0-9a-f]{8}\.webm"/);
    expect(out.dts).toContain(`import type { MascotManifest } from 'masko-mascot';`);
    expect(out.dts).toContain(`export type Pose = "Idle" | "Thinking" | "Thumbs Up" | "Wave";`);
  }, 60_000);

  test('a config function is called with the phase; next start (production server) syncs nothing', async () => {
    const root = project();
    const seen: string[] = [];
    const config = await withMasko((phase) => {
      seen.push(phase);
      return { reactStrictMode: true };
    }, options(root))('phase-production-server', { defaultConfig: {} as { reactStrictMode: boolean } });
    expect(config).toEqual({ reactStrictMode: true });
    expect(seen).toEqual(['phase-production-server']);
    expect(existsSync(join(root, 'public'))).toBe(false);
  });
});

describe('unplugin-masko/nuxt', () => {
  const fakeNuxt = (root: string, extra: Partial<NuxtLike['options']> = {}): NuxtLike => ({
    options: { rootDir: root, srcDir: join(root, 'app'), dir: { public: join(root, 'public') }, app: { baseURL: '/' }, ...extra },
  });

  test('has the meta defineNuxtModule would give it; options: nuxt.config `masko`, inline wins', async () => {
    expect(await maskoNuxt.getMeta()).toEqual({ name: 'unplugin-masko', configKey: 'masko' });
    const nuxt = fakeNuxt('/app', { masko: { lockfile: 'from-config.json', cacheDir: '.cache/masko' } });
    expect(await maskoNuxt.getOptions({ lockfile: 'inline.json' }, nuxt)).toEqual({ lockfile: 'inline.json', cacheDir: '.cache/masko' });
  });

  test('syncs into public/masko and app/masko (srcDir), URLs under app.baseURL; lockfile at the project root', async () => {
    const root = project();
    const nuxt = fakeNuxt(root, { app: { baseURL: '/shop/' } });
    await maskoNuxt(options(root), nuxt);
    const out = written(join(root, 'public'), join(root, 'app/masko'));
    expect(out.media.length).toBeGreaterThan(0);
    expect(out.js).toContain('"/shop/masko/felix-');
    expect(existsSync(join(root, 'masko.lock.json'))).toBe(true);
  }, 60_000);

  test("makes <masko-mascot> a custom element for Vue, keeping the app's own rule", async () => {
    const root = project();
    const nuxt = fakeNuxt(root, { vue: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('x-') } } });
    await maskoNuxt(options(root), nuxt);
    const isCustomElement = nuxt.options.vue!.compilerOptions!.isCustomElement!;
    expect([isCustomElement('masko-mascot'), isCustomElement('x-foo'), isCustomElement('my-button')]).toEqual([true, true, false]);
  }, 60_000);
});

describe('unplugin-masko/astro', () => {
  const config = (root: string, base?: string) => ({
    root: pathToFileURL(`${root}/`),
    srcDir: pathToFileURL(`${root}/src/`),
    publicDir: pathToFileURL(`${root}/public/`),
    ...(base ? { base } : {}),
  });

  test("astro:config:setup syncs into the config's publicDir and srcDir/masko, URLs under base", async () => {
    const root = project({ 'unplugin-masko': '^0.1.0' });
    await maskoAstro(options(root)).hooks['astro:config:setup']({ config: config(root, '/blog'), command: 'build' });
    const out = written(join(root, 'public'), join(root, 'src/masko'));
    expect(out.js).toContain('"/blog/masko/felix-');
    // Only unplugin-masko is a direct dependency here: the types come from it.
    expect(out.dts).toContain(`import type { MascotManifest } from 'unplugin-masko';`);
  }, 60_000);

  test('astro preview serves what the build wrote: no sync', async () => {
    const root = project();
    await maskoAstro(options(root)).hooks['astro:config:setup']({ config: config(root), command: 'preview' });
    expect(existsSync(join(root, 'src/masko'))).toBe(false);
  });
});
