/**
 * `unplugin-masko/astro`: an Astro integration that runs the framework-agnostic route (`syncPublic`)
 * before `astro dev`, `astro build` and `astro sync`: the media go into `public/masko/` (copied to the
 * output as-is, once) and the typed manifest modules into `src/masko/`.
 *
 * ```js
 * // astro.config.mjs
 * import { defineConfig } from 'astro/config';
 * import masko from 'unplugin-masko/astro';
 * export default defineConfig({ integrations: [masko()] });
 * ```
 */
import { fileURLToPath } from 'node:url';
import { join } from 'pathe';
import { type PublicOptions, syncPublic } from './public/sync-public.js';
import type { MaskoOptions } from './types.js';

/** Options: every host option, plus where files go (defaults from the Astro config). */
export type MaskoAstroOptions = MaskoOptions & Partial<PublicOptions>;

/** The part of Astro's config this reads (URLs, as Astro resolves them). */
interface AstroConfigLike {
  root: URL;
  srcDir: URL;
  publicDir: URL;
  base?: string;
}

/**
 * The part of Astro's integration API this uses, typed here so `astro` stays out of our dependencies.
 * The hook is a method so Astro's richer setup object fits it.
 */
export interface MaskoAstroIntegration {
  name: 'unplugin-masko';
  hooks: {
    'astro:config:setup'(setup: { config: AstroConfigLike; command: string }): Promise<void>;
  };
}

/** Astro integration: `integrations: [masko(options)]`; options as for every other host. */
export default function maskoAstro(options: MaskoAstroOptions = {}): MaskoAstroIntegration {
  return {
    name: 'unplugin-masko',
    hooks: {
      async 'astro:config:setup'({ config, command }) {
        if (command === 'preview') return; // serves what the build wrote
        await syncPublic(
          {
            root: fileURLToPath(config.root),
            ...options,
            publicDir: options.publicDir ?? fileURLToPath(config.publicDir),
            modulesDir: options.modulesDir ?? join(fileURLToPath(config.srcDir), 'masko'),
            base: options.base ?? config.base ?? '/',
          },
          command === 'dev' ? 'dev' : 'build',
        );
      },
    },
  };
}
