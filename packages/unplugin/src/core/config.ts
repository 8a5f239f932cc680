/** Options from `masko.config.{ts,js,mjs,json}` (c12) merged under the inline ones, then resolved once. */
import { loadConfig } from 'c12';
import { resolve } from 'pathe';
import type { MaskoOptions } from '../types.js';
import { resolveOptions, type ResolvedOptions } from './options.js';

export interface LoadedOptions { options: ResolvedOptions; configFile: string | undefined }

export async function loadOptions(inline: MaskoOptions = {}, root?: string): Promise<LoadedOptions> {
  const cwd = resolve(inline.root ?? root ?? process.cwd());
  if (inline.configFile === false) return { options: resolveOptions({ ...inline, root: cwd }), configFile: undefined };
  const loaded = await loadConfig<MaskoOptions>({
    name: 'masko',
    cwd,
    configFile: inline.configFile ?? 'masko.config',
    rcFile: false,
    globalRc: false,
    dotenv: false,
    packageJson: false,
    overrides: inline,
  });
  const { configFile: _ignored, ...config } = loaded.config ?? {};
  const file = loaded._configFile && loaded.layers?.some((l) => l.configFile === loaded._configFile && l.config) ? loaded._configFile : undefined;
  return { options: resolveOptions({ ...config, root: cwd }), configFile: file };
}
