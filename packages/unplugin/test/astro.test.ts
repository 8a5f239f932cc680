// unplugin-masko/astro against Astro's documented hook shape: the integration hands Astro a Vite config
// holding our plugin, built from the options it was given.
import { describe, expect, test } from 'vitest';
import maskoAstro from '../src/astro.js';

describe('unplugin-masko/astro', () => {
  test('astro:config:setup adds the Vite plugin through updateConfig', () => {
    const updates: { vite: { plugins: any[] } }[] = [];
    const integration = maskoAstro({ configFile: false, mascots: { felix: { collection: 'c1' } } });
    expect(integration.name).toBe('unplugin-masko');
    integration.hooks['astro:config:setup']({ updateConfig: (config) => updates.push(config) });
    expect(updates).toHaveLength(1);
    const plugins = updates[0]!.vite.plugins.flat();
    expect(plugins.map((plugin) => plugin.name)).toEqual(['unplugin-masko']);
    // A Vite plugin: it resolves the virtual modules.
    expect(plugins[0]).toHaveProperty('resolveId');
  });

  test('each setup gets a fresh plugin (Astro restarts the dev server on config changes)', () => {
    const integration = maskoAstro();
    const seen: any[] = [];
    for (let i = 0; i < 2; i++) integration.hooks['astro:config:setup']({ updateConfig: (config) => seen.push(config.vite.plugins[0]) });
    expect(seen[0]).not.toBe(seen[1]);
  });
});
