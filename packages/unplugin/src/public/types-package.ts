/**
 * Which package generated types import `MascotManifest` from. It must be one the app depends on
 * directly: under pnpm (and Yarn PnP) a package only reaches its own dependencies, so
 * `masko-manifest` (our transitive dependency) would not resolve, and the poses would silently turn
 * into `any` under `skipLibCheck` or fail with TS2307.
 */
import { readFileSync } from 'node:fs';
import { join } from 'pathe';

/** In order of preference; each re-exports the manifest types. */
const CANDIDATES = ['masko-mascot', 'unplugin-masko', 'masko-manifest'] as const;
export type TypesPackage = (typeof CANDIDATES)[number];

/**
 * The first candidate listed in `<root>/package.json` (any dependency field). When none is (no
 * package.json, e.g. a bare folder synced by the CLI), `masko-manifest`, as before.
 */
export function typesPackage(root: string): TypesPackage {
  let pkg: Record<string, Record<string, string> | undefined> = {};
  try {
    pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as typeof pkg;
  } catch {
    // no package.json: nothing to prefer
  }
  const direct = new Set(['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((f) => Object.keys(pkg[f] ?? {})));
  return CANDIDATES.find((name) => direct.has(name)) ?? 'masko-manifest';
}
