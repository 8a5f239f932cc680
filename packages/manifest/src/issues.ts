/** One problem found in a manifest or a canvas export. */
export interface ManifestIssue {
  /** Where, e.g. `manifest.poses.Wave.media.webm[0].url` or `export.edges[3].target`. */
  path: string;
  /** What the field should have been, e.g. `an http(s) or relative URL string`. */
  expected: string;
  /** What it was: a type (`number`, `nothing`) or, when the type was right, the value (`"9"`, `-3`). */
  received: string;
}

/** At most this many issues are collected; the rest are counted but not listed. */
export const MAX_ISSUES = 20;

/** Thrown by `validateManifest()` and `convertCanvasExport()`; lists every issue found (up to `MAX_ISSUES`). */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
  readonly issues: ManifestIssue[];

  constructor(issues: ManifestIssue[], omitted = 0) {
    super(formatIssues(issues, omitted));
    this.issues = issues;
  }
}

const formatIssue = (issue: ManifestIssue) => `${issue.path}: expected ${issue.expected}, received ${issue.received}`;

function formatIssues(issues: ManifestIssue[], omitted: number): string {
  const [first, ...rest] = issues;
  if (!first) return '[masko] invalid manifest';
  const lines = [`[masko] ${formatIssue(first)}`, ...rest.map((issue) => `  ${formatIssue(issue)}`)];
  if (omitted > 0) lines.push(`  … and ${omitted} more issue${omitted === 1 ? '' : 's'}`);
  return lines.join('\n');
}

/** Collects issues up to `MAX_ISSUES`, counting the ones past the cap. */
export class IssueList {
  readonly issues: ManifestIssue[] = [];
  omitted = 0;

  add(path: string, expected: string, received: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ path, expected, received });
    else this.omitted++;
  }

  get ok(): boolean {
    return this.issues.length === 0;
  }

  throwIfAny(): void {
    if (!this.ok) throw new ManifestError(this.issues, this.omitted);
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `path` + object key: `a.b` for identifiers, `a["Needs Attention"]` otherwise. */
export const keyPath = (path: string, key: string): string => (IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);

/** `path` + array index: `a[3]`. */
export const indexPath = (path: string, index: number): string => `${path}[${index}]`;

/** The JSON type of a value, for type mismatches: `number`, `string`, `array`, `null`, `nothing`. */
export function typeOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A short rendering of a value of the right type but wrong content: `"9"`, `-3`, `true`. */
export function show(value: unknown): string {
  if (typeof value === 'string') {
    const cut = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return JSON.stringify(cut);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeOf(value);
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
