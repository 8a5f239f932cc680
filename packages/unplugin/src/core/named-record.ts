/**
 * A record keyed by names that come from users or the API (pose names, mascot keys). valibot's `record`
 * silently drops `__proto__`, `constructor` and `prototype` keys, and a plain `{}` turns `__proto__` into
 * a prototype: here every key is kept, in an object with a null prototype, and each value is checked
 * with its issues' paths intact.
 */
import * as v from 'valibot';

export type Dict<T> = Record<string, T>;

/** An empty object without a prototype: any string, `__proto__` included, is an ordinary key in it. */
export function dict<T>(entries?: Iterable<readonly [string, T]>): Dict<T> {
  const out = Object.create(null) as Dict<T>;
  for (const [key, value] of entries ?? []) out[key] = value;
  return out;
}

/** `value` is exposed like valibot's record does, so option-issues.ts can find what a missing key wants. */
export function namedRecord<S extends v.GenericSchema>(value: S, key: v.GenericSchema<string, string>, message: string) {
  return Object.assign(namedRecordSchema(value, key, message), { value });
}

function namedRecordSchema<S extends v.GenericSchema>(value: S, key: v.GenericSchema<string, string>, message: string) {
  return v.pipe(
    v.custom<Record<string, unknown>>((input) => !!input && typeof input === 'object' && !Array.isArray(input), message),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const input = dataset.value;
      const out = dict<v.InferOutput<S>>();
      let failed = false;
      for (const name of Object.keys(input)) {
        const item = { type: 'object' as const, origin: 'value' as const, input, key: name, value: input[name] };
        const checkedKey = v.safeParse(key, name);
        if (!checkedKey.success) {
          addIssue({ message: checkedKey.issues[0].message, received: JSON.stringify(name), path: [{ ...item, origin: 'key' as const }] });
          failed = true;
          continue;
        }
        const checked = v.safeParse(value, input[name]);
        if (!checked.success) {
          for (const issue of checked.issues) {
            addIssue({
              message: issue.message,
              input: issue.input,
              received: issue.received,
              ...(issue.expected !== null ? { expected: issue.expected } : {}),
              path: [item, ...(issue.path ?? [])],
            });
          }
          failed = true;
          continue;
        }
        out[name] = checked.output as v.InferOutput<S>;
      }
      return failed ? NEVER : out;
    }),
  );
}
