/**
 * Whether there is a config file, found without c12: c12 and jiti cost ~250 ms to import, and most
 * projects have no config file or one plain `masko.config.json`, which need neither. Which file wins is
 * left to c12's own rules: whenever a name c12 could pick is present (the config's name with any
 * extension, a folder of that name, or the same in `.config/`) and it is not one plain JSON file, the
 * caller loads it with c12, and names the file c12 picks by c12's `SUPPORTED_EXTENSIONS` (`c12File`).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'pathe';
import { MaskoError } from './errors.js';

/**
 * What is there for `configFile`: nothing, one plain JSON object of options, or names that c12 must
 * resolve and load (`present`: every path that c12 could pick, in no particular order).
 */
export type FoundConfig = { kind: 'none' } | { kind: 'json'; file: string; config: Record<string, unknown> } | { kind: 'c12'; present: string[] };

async function list(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

/** `masko.config` → the folders c12 looks in and the names it tries there (with or without an extension). */
function places(cwd: string, configFile: string): { dir: string; name: string }[] {
  const base = resolve(cwd, configFile);
  const dir = dirname(base);
  const name = basename(base);
  return [
    { dir, name },
    { dir: join(dir, '.config'), name: name.replace(/\.config$/, '') },
    { dir: join(dir, '.config'), name },
  ];
}

export async function findConfig(cwd: string, configFile: string): Promise<FoundConfig> {
  const where = places(cwd, configFile);
  const listings = new Map<string, Promise<string[]>>();
  const present = new Set<string>();
  for (const { dir, name } of where) {
    if (!listings.has(dir)) listings.set(dir, list(dir));
    for (const entry of await listings.get(dir)!) if (entry === name || entry.startsWith(`${name}.`)) present.add(join(dir, entry));
  }
  if (present.size === 0) return { kind: 'none' };
  // The one case we read ourselves: a single `<name>.json` (or the `.json` file named) beside nothing c12 could prefer.
  const { dir, name } = where[0]!;
  const json = join(dir, name.endsWith('.json') ? name : `${name}.json`);
  if (present.size > 1 || !present.has(json) || (await stat(json)).isDirectory()) return { kind: 'c12', present: [...present] };
  let config: unknown;
  try {
    config = JSON.parse(await readFile(json, 'utf8'));
  } catch (error) {
    throw new MaskoError(
      'config_syntax',
      `config file ${json} is not valid JSON: ${(error as Error).message}`,
      'Fix the JSON (no comments or trailing commas in .json; use masko.config.ts for those).',
    );
  }
  if (!config || typeof config !== 'object' || Array.isArray(config)) {
    throw new MaskoError(
      'config_invalid',
      `config file ${json}: expected a JSON object of options, received ${Array.isArray(config) ? 'an array' : JSON.stringify(config)}`,
      'See the options table in the unplugin-masko README.',
    );
  }
  // c12 gives these keys a meaning (layers, environments): let it read the file.
  if (Object.keys(config).some((k) => k === 'extends' || k.startsWith('$'))) return { kind: 'c12', present: [json] };
  return { kind: 'json', file: json, config: config as Record<string, unknown> };
}

/**
 * For messages: the file among `present` that c12 loads for `configFile`, in its order (the name as given,
 * then each of its `extensions`, in the folder first, then in `.config/`); a folder stands for its index file.
 */
export function c12File(cwd: string, configFile: string, present: string[], extensions: readonly string[]): string | undefined {
  const found = new Set(present);
  for (const { dir, name } of places(cwd, configFile)) {
    for (const ext of ['', ...extensions]) if (found.has(join(dir, name + ext))) return join(dir, name + ext);
  }
  return undefined;
}
