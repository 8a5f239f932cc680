/**
 * Options from `masko.config.{ts,js,mjs,json}` (c12) merged under the inline ones, then resolved once.
 * c12 (and jiti, which it uses even for JSON) is loaded only when a file needs it: a project without a
 * config file, or with a plain `masko.config.json`, starts without them (see config-file.ts).
 */
import { existsSync } from 'node:fs';
import { createDefu } from 'defu';
import { resolve } from 'pathe';
import type { MaskoOptions } from '../types.js';
import { findPlainConfig } from './config-file.js';
import { resolveOptions, type ResolvedOptions } from './options.js';

/** Deep merge where the higher layer's arrays replace the lower ones (defu would concatenate `formats`). */
const mergeLayers = createDefu((lower: Record<string, unknown>, key, value) => {
  if (!Array.isArray(value)) return false;
  lower[key as string] = value;
  return true;
});

export interface LoadedOptions { options: ResolvedOptions; configFile: string | undefined }

export async function loadOptions(inline: MaskoOptions = {}, root?: string): Promise<LoadedOptions> {
  const cwd = resolve(inline.root ?? root ?? process.cwd());
  if (inline.configFile === false) return { options: resolveOptions({ ...inline, root: cwd }), configFile: undefined };
  const plain = await findPlainConfig(cwd, inline.configFile ?? 'masko.config');
  if (plain) {
    // The same layering c12 does for these files: inline over the file, arrays replaced.
    const { configFile: _ignored, ...config } = mergeLayers({}, inline, plain.config) as MaskoOptions;
    return { options: resolveOptions({ ...config, root: cwd }), configFile: plain.file };
  }
  const { loadConfig } = await import('c12');
  const loaded = await loadConfig<MaskoOptions>({
    name: 'masko',
    cwd,
    configFile: inline.configFile ?? 'masko.config',
    rcFile: false,
    globalRc: false,
    dotenv: false,
    packageJson: false,
    overrides: inline,
    merger: (...layers) => mergeLayers({}, ...(layers.filter(Boolean) as MaskoOptions[])),
  });
  const { configFile: _ignored, ...config } = loaded.config ?? {};
  const file = loaded._configFile && existsSync(loaded._configFile) ? loaded._configFile : undefined;
  return { options: resolveOptions({ ...config, root: cwd }), configFile: file };
}
