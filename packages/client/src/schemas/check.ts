// Checking a value against a schema, with messages that name the field's path.
import * as v from 'valibot';

/** Validates `value`; on failure returns a readable `path: expected …, got …` list, else the typed value. */
export function check<S extends v.GenericSchema>(schema: S, value: unknown): { ok: true; value: v.InferOutput<S> } | { ok: false; problem: string } {
  const result = v.safeParse(schema, value);
  if (result.success) return { ok: true, value: result.output };
  const problem = result.issues
    .slice(0, 3)
    .map((issue) => `${issuePath(issue)}: ${issue.message}`)
    .join('; ');
  return { ok: false, problem };
}

/** `assets[0].type`, the way the other messages spell paths (valibot's dot path says `assets.0.type`). */
function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  }
  return out || '(root)';
}

/** `true` when every `W` passes `S` (masko-wire's shape of an answer against the client's schema of it). */
export type Accepts<W, S extends v.GenericSchema> = [W] extends [Declared<v.InferInput<S>>] ? true : false;

/** A loose object's input without its `[key: string]: unknown` (an interface has none, so could never match). */
type Declared<T> = T extends readonly (infer E)[] ? Declared<E>[] : T extends object ? { [K in keyof T as string extends K ? never : K]: Declared<T[K]> } : T;
/** Compiles only when every entry is `true`. */
export type Proven<T extends true[]> = T;
