import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'pathe';
import { tempTag } from './temp-files.js';

/**
 * Temp file in the same directory, then rename: a torn write never looks like a finished file. The
 * temp name carries our pid, so a killed writer's leftovers can be told from a live one's (temp-files.ts).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${tempTag()}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

export async function readTextOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Writes only when the content differs, so watchers, editors and mtimes stay quiet. Returns whether it wrote. */
export async function writeIfChanged(path: string, content: string): Promise<boolean> {
  if ((await readTextOrUndefined(path)) === content) return false;
  await writeFileAtomic(path, content);
  return true;
}

/** JSON with object keys sorted at every level: the same data always gives the same bytes. */
export function stableStringify(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    // No prototype: a key `__proto__` (an item name) stays a key instead of becoming the prototype.
    const out = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}
