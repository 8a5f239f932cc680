/**
 * `unplugin-masko/astro`: an Astro integration that adds the Vite plugin.
 *
 * ```js
 * // astro.config.mjs
 * import { defineConfig } from 'astro/config';
 * import masko from 'unplugin-masko/astro';
 * export default defineConfig({ integrations: [masko()] });
 * ```
 */
import unplugin from './index.js';
import type { MaskoOptions } from './types.js';

/**
 * The part of Astro's integration API this uses, typed here so `astro` stays out of our dependencies.
 * The hook is a method so Astro's richer `updateConfig` (deep-partial AstroConfig) fits it.
 */
export interface MaskoAstroIntegration {
  name: 'unplugin-masko';
  hooks: {
    'astro:config:setup'(setup: { updateConfig(config: { vite: { plugins: any[] } }): unknown }): void;
  };
}

/** Astro integration: `integrations: [masko(options)]`; options as for every other host. */
export default function maskoAstro(options: MaskoOptions = {}): MaskoAstroIntegration {
  return {
    name: 'unplugin-masko',
    hooks: {
      'astro:config:setup'({ updateConfig }) {
        // Astro merges this into its Vite config; Vite's root is the Astro project root.
        updateConfig({ vite: { plugins: [unplugin.vite(options)] } });
      },
    },
  };
}
