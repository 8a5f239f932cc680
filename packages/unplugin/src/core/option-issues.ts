/**
 * The one formatter for option errors: every valibot issue reads `<path>: expected <what>, received <value>`,
 * whether it came from our own messages ("expected a width in pixels …"), from valibot's defaults
 * ("Invalid type: Expected number but received …") or from a missing key.
 */
import * as v from 'valibot';

type AnySchema = v.GenericSchema & { entries?: Record<string, AnySchema>; value?: AnySchema; item?: AnySchema; wrapped?: AnySchema };

/** The schema itself, seen through `optional` (a `pipe` already carries its first schema's entries). */
function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let s = schema;
  while (s?.wrapped) s = s.wrapped;
  return s;
}

/** The (unwrapped) schema of the value at `issue.path` and of its parent, when the path can be followed. */
function schemasAt(root: AnySchema, issue: v.BaseIssue<unknown>): { parent: AnySchema | undefined; own: AnySchema | undefined } {
  let parent: AnySchema | undefined;
  let own = unwrap(root);
  for (const step of issue.path ?? []) {
    parent = own;
    const key = (step as { key: unknown }).key;
    own = unwrap(own?.entries ? own.entries[String(key)] : (own?.value ?? own?.item));
  }
  return { parent, own };
}

/** `expected …`: our message when it says so, else valibot's `expected` value in words. */
function expectation(root: AnySchema, issue: v.BaseIssue<unknown>): string {
  if (issue.message.startsWith('expected ')) return issue.message;
  const { parent, own } = schemasAt(root, issue);
  // (A named record re-reports its values' issues as its own: `raw_transform`, same input and path.)
  if ((issue.kind === 'schema' || issue.type === 'raw_transform') && issue.input === undefined && own) {
    // A missing key: say what the key wants (its own message for `undefined`), not `"collection"`.
    const inner = v.safeParse(own, undefined);
    const said = inner.success ? undefined : inner.issues[0].message;
    if (said?.startsWith('expected ')) return said;
  }
  if (issue.expected === 'never' && parent?.entries) {
    return `expected a known option (one of ${Object.keys(parent.entries).join(', ')})`;
  }
  return `expected ${issue.expected === 'Object' ? 'an object' : (issue.expected ?? 'a valid value')}`;
}

/** One line per issue; `hideReceived` paths (the API key) never echo their value. */
export function formatOptionIssues(root: v.GenericSchema, issues: readonly v.BaseIssue<unknown>[], hideReceived: readonly string[] = []): string[] {
  return issues.map((issue) => {
    const path = v.getDotPath(issue) ?? '(options)';
    const received = hideReceived.includes(path) ? '' : `, received ${issue.received}`;
    return `${path}: ${expectation(root as AnySchema, issue)}${received}`;
  });
}
