// unplugin-masko/nuxt against Nuxt's documented hook shapes (a fake Nuxt records the hooks; we call
// them as Nuxt's Vite, webpack and Rspack builders do).
import { describe, expect, test } from 'vitest';
import maskoNuxt, { type NuxtLike } from '../src/nuxt.js';

function fakeNuxt(options: Partial<NuxtLike['options']> = {}) {
  const hooks = new Map<string, (arg: any) => void>();
  const nuxt: NuxtLike = { options: { rootDir: '/app', ...options }, hook: (name: string, fn: (arg: any) => void) => hooks.set(name, fn) };
  return { nuxt, call: (name: string, arg: unknown) => hooks.get(name)!(arg) };
}

describe('unplugin-masko/nuxt', () => {
  test('has the meta defineNuxtModule would give it', async () => {
    expect(await maskoNuxt.getMeta()).toEqual({ name: 'unplugin-masko', configKey: 'masko' });
  });

  test('adds the plugin to the Vite, webpack and Rspack configs Nuxt builds', () => {
    const { nuxt, call } = fakeNuxt();
    maskoNuxt({ configFile: false }, nuxt);
    const vite: { plugins?: any[] } = {};
    call('vite:extendConfig', vite);
    expect(vite.plugins!.flat().map((plugin) => plugin.name)).toEqual(['unplugin-masko']);
    for (const hook of ['webpack:config', 'rspack:config']) {
      const client: { plugins: any[] } = { plugins: [{ name: 'other' }] };
      const server = {} as { plugins?: any[] };
      call(hook, [client, server]);
      expect(client.plugins).toHaveLength(2);
      expect(client.plugins[1].apply, hook).toBeTypeOf('function'); // a webpack/Rspack plugin instance
      expect(server.plugins).toHaveLength(1);
    }
  });

  test('makes <masko-mascot> a custom element for Vue, keeping the app\'s own rule', () => {
    const { nuxt } = fakeNuxt({ vue: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('x-') } } });
    maskoNuxt(undefined, nuxt);
    const isCustomElement = nuxt.options.vue!.compilerOptions!.isCustomElement!;
    expect([isCustomElement('masko-mascot'), isCustomElement('x-foo'), isCustomElement('my-button')]).toEqual([true, true, false]);
  });

  test('adds the virtual:masko fallback types to the generated tsconfig', () => {
    const { nuxt, call } = fakeNuxt();
    maskoNuxt(undefined, nuxt);
    const references: unknown[] = [];
    call('prepare:types', { references });
    expect(references).toEqual([{ types: 'unplugin-masko/types' }]);
  });

  test('options: nuxt.config `masko` key, inline module options win; root defaults to the project root', async () => {
    const { nuxt } = fakeNuxt({ masko: { lockfile: 'from-config.json', cacheDir: '.cache/masko' } });
    expect(await maskoNuxt.getOptions({ lockfile: 'inline.json' }, nuxt)).toEqual({ lockfile: 'inline.json', cacheDir: '.cache/masko' });
  });
});
