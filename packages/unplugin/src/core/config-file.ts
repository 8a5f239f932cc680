/**
 * The config files we read without c12: none at all, or one plain JSON object. Anything c12 would treat
 * differently (another extension, a `.config/` folder, `extends`, `$env` layers, several candidates)
 * returns undefined, and the caller lets c12 decide, so the result is the same either way.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'pathe';
import { MaskoError } from './errors.js';

/** c12 3.x's SUPPORTED_EXTENSIONS. */
const EXTENSIONS = ['.js', '.ts', '.mjs', '.cjs', '.mts', '.cts', '.json', '.jsonc', '.json5', '.yaml', '.yml', '.toml'];

/**
 * Whether a path exists, from one listing per folder (not one failed stat per candidate: there are ~100).
 * `root` is assumed to exist; a folder below it is listed only when its parent's listing has it.
 */
function existence(root: string): (path: string) => Promise<boolean> {
  const listings = new Map<string, Promise<Set<string>>>();
  const list = (dir: string) => {
    let names = listings.get(dir);
    if (!names)
      listings.set(
        dir,
        (names = readdir(dir).then(
          (n) => new Set(n),
          () => new Set<string>(),
        )),
      );
    return names;
  };
  const exists = async (path: string): Promise<boolean> => {
    const dir = dirname(path);
    if (dir !== root && dir.length > root.length && !(await exists(dir))) return false;
    return (await list(dir)).has(basename(path));
  };
  return exists;
}

/** Every path c12's resolver could pick for `configFile` (with and without an extension, `/index`, `.config/`). */
function candidates(cwd: string, configFile: string): string[] {
  const base = resolve(cwd, configFile);
  const name = configFile.split('/').pop()!;
  const bases = [base, join(dirname(base), '.config', name.replace(/\.config$/, '')), join(dirname(base), '.config', name)];
  return bases.flatMap((b) => [b, ...EXTENSIONS.map((e) => b + e), ...EXTENSIONS.map((e) => `${b}/index${e}`)]);
}

/**
 * What is there for `configFile`: nothing (`file` undefined), one plain JSON object (`config` set), or a
 * file c12 must load (`config` undefined; `file` is the candidate c12 would pick first, for messages).
 */
export type FoundConfig = { file: string | undefined; config: Record<string, unknown> | undefined };

export async function findConfig(cwd: string, configFile: string): Promise<FoundConfig> {
  const paths = [...new Set(candidates(cwd, configFile))];
  const exists = existence(cwd);
  const present = (await Promise.all(paths.map(async (p) => ((await exists(p)) ? p : undefined)))).filter((p): p is string => !!p);
  if (present.length === 0) return { file: undefined, config: {} };
  const file = present[0]!;
  if (present.length > 1 || !file.endsWith('.json') || (await stat(file)).isDirectory()) return { file, config: undefined };
  let config: unknown;
  try {
    config = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new MaskoError(
      'config_syntax',
      `config file ${file} is not valid JSON: ${(error as Error).message}`,
      'Fix the JSON (no comments or trailing commas in .json; use masko.config.ts for those).',
    );
  }
  if (!config || typeof config !== 'object' || Array.isArray(config)) {
    throw new MaskoError(
      'config_invalid',
      `config file ${file}: expected a JSON object of options, received ${Array.isArray(config) ? 'an array' : JSON.stringify(config)}`,
      'See the options table in the unplugin-masko README.',
    );
  }
  if (Object.keys(config).some((k) => k === 'extends' || k.startsWith('$'))) return { file, config: undefined };
  return { file, config: config as Record<string, unknown> };
}
