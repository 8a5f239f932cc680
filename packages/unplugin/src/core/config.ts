/**
 * Options from `masko.config.{ts,js,mjs,json}` (c12) merged under the inline ones, then resolved once.
 * c12 (and jiti, which it uses even for JSON) is loaded only when a file needs it: a project without a
 * config file, or with a plain `masko.config.json`, starts without them (see config-file.ts).
 */
import { existsSync } from 'node:fs';
import { createDefu } from 'defu';
import { resolve } from 'pathe';
import type { MaskoOptions } from '../types.js';
import { c12File, findConfig } from './config-file.js';
import { MaskoError } from './errors.js';
import { type ResolvedOptions, resolveOptions } from './options.js';

/** Deep merge where the higher layer's arrays replace the lower ones (defu would concatenate `formats`). */
const mergeLayers = createDefu((lower: Record<string, unknown>, key, value) => {
  if (!Array.isArray(value)) return false;
  lower[key as string] = value;
  return true;
});

export interface LoadedOptions {
  options: ResolvedOptions;
  configFile: string | undefined;
}

export async function loadOptions(inline: MaskoOptions = {}, root?: string): Promise<LoadedOptions> {
  const cwd = resolve(inline.root ?? root ?? process.cwd());
  if (inline.configFile === false) return { options: resolveOptions({ ...inline, root: cwd }), configFile: undefined };
  const configFile = inline.configFile || 'masko.config';
  const found = await findConfig(cwd, configFile);
  const missing = () =>
    // Asked for by name (`--config`, the `configFile` option): running without it would sync nothing.
    new MaskoError(
      'config_missing',
      `config file ${inline.configFile} was not found in ${cwd} (also tried the extensions .ts, .mjs, .js, .json, …)`,
      'Check the path given to --config (relative to --root or the current directory), or leave it out to use masko.config.*.',
    );
  if (found.kind !== 'c12') {
    if (found.kind === 'none' && inline.configFile !== undefined) throw missing();
    // The same layering c12 does for these files: inline over the file, arrays replaced.
    const { configFile: _ignored, ...config } = mergeLayers({}, inline, found.kind === 'json' ? found.config : {}) as MaskoOptions;
    return { options: resolveOptions({ ...config, root: cwd }), configFile: found.kind === 'json' ? found.file : undefined };
  }
  const loaded = await loadWithC12(cwd, inline, configFile, found.present);
  const file = loaded._configFile && existsSync(loaded._configFile) ? loaded._configFile : undefined;
  if (!file && inline.configFile !== undefined) throw missing();
  const { configFile: _ignored, ...config } = loaded.config ?? {};
  return { options: resolveOptions({ ...config, root: cwd }), configFile: file };
}

/** c12 (and jiti) for everything but plain JSON; their failures (syntax, a throwing config) become one line naming the file. */
async function loadWithC12(cwd: string, inline: MaskoOptions, configFile: string, present: string[]) {
  const { loadConfig, SUPPORTED_EXTENSIONS } = await import('c12');
  try {
    return await loadConfig<MaskoOptions>({
      name: 'masko',
      cwd,
      configFile,
      rcFile: false,
      globalRc: false,
      dotenv: false,
      packageJson: false,
      overrides: inline,
      merger: (...layers) => mergeLayers({}, ...(layers.filter(Boolean) as MaskoOptions[])),
    });
  } catch (error) {
    // jiti says e.g. "ParseError: Unexpected token \n /abs/masko.config.ts:2:0": keep the words and the position.
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ').trim();
    const file = c12File(cwd, configFile, present, SUPPORTED_EXTENSIONS) ?? resolve(cwd, configFile);
    throw Object.assign(
      new MaskoError(
        'config_load',
        `config file ${file} could not be loaded: ${message}`,
        'Fix the error at the position shown (run with --debug for the stack).',
      ),
      { cause: error },
    );
  }
}
