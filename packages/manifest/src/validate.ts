import { IssueList, indexPath, isRecord, keyPath, type ManifestIssue, show, typeOf } from './issues.js';
import { type ConditionOp, type InputType, MANIFEST_VERSION, type MascotManifest } from './types.js';
import { isSafeUrl, URL_EXPECTED } from './url.js';

export const CONDITION_OPS: readonly ConditionOp[] = ['==', '!=', '>', '<', '>=', '<='];
export const INPUT_TYPES: readonly InputType[] = ['boolean', 'number', 'trigger'];
const MEDIA_FORMATS = ['webm', 'hevc', 'stacked'] as const;
const SOURCE_KINDS = ['collection', 'canvas'];

const oneOf = (values: readonly string[]) => `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;

/**
 * Every problem in `value` as a manifest (up to `MAX_ISSUES`), without throwing.
 * An empty list means `value` is a valid `MascotManifest`.
 */
export function checkManifest(value: unknown): ManifestIssue[] {
  const list = new IssueList();
  checkInto(list, value);
  return list.issues;
}

/**
 * Returns `value` typed as a manifest, or throws a `ManifestError` listing every problem
 * (path, what was expected, what was received).
 */
export function validateManifest<M extends MascotManifest = MascotManifest>(value: unknown): M {
  const list = new IssueList();
  checkInto(list, value);
  list.throwIfAny();
  return value as M;
}

/** Adds the issues of `value` as a manifest to `list`; paths start at `root`. */
export function checkInto(list: IssueList, value: unknown, root = 'manifest'): void {
  if (!isRecord(value)) return list.add(root, 'a manifest object', typeOf(value));
  const c = new Checker(list);
  if (value.version !== MANIFEST_VERSION) {
    list.add(keyPath(root, 'version'), String(MANIFEST_VERSION), show(value.version));
  }
  c.string(keyPath(root, 'name'), value.name);
  const poses = isRecord(value.poses) ? value.poses : undefined;
  const posesPath = keyPath(root, 'poses');
  if (!poses) list.add(posesPath, 'an object of poses keyed by name', typeOf(value.poses));
  else if (Object.keys(poses).length === 0) list.add(posesPath, 'at least one pose', 'an empty object');
  else for (const [name, pose] of Object.entries(poses)) c.pose(keyPath(posesPath, name), pose);

  const isPose = (name: unknown) => typeof name === 'string' && !!poses && Object.hasOwn(poses, name);
  // With no poses to point at, references cannot be judged (and would only repeat the poses issue).
  const poseRef = (path: string, name: unknown, allowAny = false) => {
    if ((allowAny && name === '*') || !poses || Object.keys(poses).length === 0) return;
    if (!isPose(name)) {
      const what = `the name of a pose in ${posesPath}${allowAny ? " or '*'" : ''}`;
      list.add(path, what, typeof name === 'string' ? show(name) : typeOf(name));
    }
  };
  poseRef(keyPath(root, 'initial'), value.initial);

  c.array(keyPath(root, 'transitions'), value.transitions, (path, t) => {
    if (!isRecord(t)) return list.add(path, 'a transition object', typeOf(t));
    c.optional(keyPath(path, 'id'), t.id, c.string);
    poseRef(keyPath(path, 'from'), t.from, true);
    poseRef(keyPath(path, 'to'), t.to);
    c.optional(keyPath(path, 'media'), t.media, c.media);
    c.optional(keyPath(path, 'duration'), t.duration, c.nonNegative);
    c.optional(keyPath(path, 'speed'), t.speed, c.positive);
    c.optional(keyPath(path, 'priority'), t.priority, c.finite);
    c.optional(keyPath(path, 'reverse'), t.reverse, c.boolean);
    c.array(keyPath(path, 'conditions'), t.conditions, c.condition);
  });

  const inputNames = new Set<string>();
  c.array(keyPath(root, 'inputs'), value.inputs, (path, input) => {
    if (!isRecord(input)) return list.add(path, 'an input object', typeOf(input));
    const name = keyPath(path, 'name');
    if (c.string(name, input.name) && inputNames.has(input.name as string)) {
      list.add(name, 'a name no other input has', show(input.name));
    }
    inputNames.add(input.name as string);
    if (!INPUT_TYPES.includes(input.type as InputType)) list.add(keyPath(path, 'type'), oneOf(INPUT_TYPES), show(input.type));
    const numeric = input.type === 'number';
    c.optional(keyPath(path, 'default'), input.default, numeric ? c.finite : c.boolean);
    c.optional(keyPath(path, 'system'), input.system, c.boolean);
  });

  c.optional(keyPath(root, 'autoplay'), value.autoplay, c.boolean);
  c.optional(keyPath(root, 'source'), value.source, (path, source) => {
    if (!isRecord(source)) return list.add(path, 'an object', typeOf(source));
    if (!SOURCE_KINDS.includes(source.kind as string)) list.add(keyPath(path, 'kind'), oneOf(SOURCE_KINDS), show(source.kind));
    c.optional(keyPath(path, 'id'), source.id, c.string);
    c.optional(keyPath(path, 'url'), source.url, c.string);
  });
}

type Check = (path: string, value: unknown) => unknown;

/** Field checkers bound to one issue list; arrow properties so they can be passed around. */
class Checker {
  constructor(private readonly list: IssueList) {}

  private expect(ok: boolean, path: string, expected: string, value: unknown, sameType: boolean): boolean {
    if (!ok) this.list.add(path, expected, sameType ? show(value) : typeOf(value));
    return ok;
  }

  optional = (path: string, value: unknown, check: Check): void => {
    if (value !== undefined) check(path, value);
  };

  array = (path: string, value: unknown, each: (path: string, item: unknown) => unknown): void => {
    if (!Array.isArray(value)) return void this.list.add(path, 'an array', typeOf(value));
    value.forEach((item, i) => each(indexPath(path, i), item));
  };

  string = (path: string, value: unknown): boolean => this.expect(typeof value === 'string', path, 'a string', value, false);

  boolean = (path: string, value: unknown): boolean => this.expect(typeof value === 'boolean', path, 'true or false', value, false);

  private number(path: string, value: unknown, expected: string, ok: (n: number) => boolean): boolean {
    if (typeof value !== 'number') return this.expect(false, path, expected, value, false);
    return this.expect(Number.isFinite(value) && ok(value), path, expected, value, true);
  }

  finite = (path: string, value: unknown) => this.number(path, value, 'a finite number', () => true);
  positive = (path: string, value: unknown) => this.number(path, value, 'a number > 0', (n) => n > 0);
  nonNegative = (path: string, value: unknown) => this.number(path, value, 'a number ≥ 0', (n) => n >= 0);
  positiveInteger = (path: string, value: unknown) => this.number(path, value, 'a positive integer', (n) => Number.isInteger(n) && n > 0);

  url = (path: string, value: unknown): boolean => this.expect(isSafeUrl(value), path, URL_EXPECTED, value, typeof value === 'string');

  variant = (path: string, v: unknown): void => {
    if (!isRecord(v)) return void this.list.add(path, 'a variant object {url, type, width, height}', typeOf(v));
    this.url(keyPath(path, 'url'), v.url);
    if (this.string(keyPath(path, 'type'), v.type) && v.type === '') {
      this.list.add(keyPath(path, 'type'), 'a MIME type', '""');
    }
    this.positiveInteger(keyPath(path, 'width'), v.width);
    this.positiveInteger(keyPath(path, 'height'), v.height);
    this.optional(keyPath(path, 'bytes'), v.bytes, (p, b) => this.number(p, b, 'a whole number of bytes', (n) => Number.isInteger(n) && n >= 0));
    this.optional(keyPath(path, 'integrity'), v.integrity, this.string);
  };

  media = (path: string, media: unknown): void => {
    if (!isRecord(media)) return void this.list.add(path, 'a media object {webm?, hevc?, stacked?}', typeOf(media));
    for (const format of MEDIA_FORMATS) {
      this.optional(keyPath(path, format), media[format], (p, list) => this.array(p, list, this.variant));
    }
  };

  pose = (path: string, pose: unknown): void => {
    if (!isRecord(pose)) return void this.list.add(path, 'a pose object', typeOf(pose));
    this.optional(keyPath(path, 'id'), pose.id, this.string);
    this.boolean(keyPath(path, 'loop'), pose.loop);
    this.optional(keyPath(path, 'duration'), pose.duration, this.nonNegative);
    this.positive(keyPath(path, 'aspect'), pose.aspect);
    this.array(keyPath(path, 'poster'), pose.poster, this.variant);
    this.media(keyPath(path, 'media'), pose.media);
  };

  condition = (path: string, condition: unknown): void => {
    if (!isRecord(condition)) return void this.list.add(path, 'a condition object {input, op, value}', typeOf(condition));
    if (this.string(keyPath(path, 'input'), condition.input) && condition.input === '') {
      this.list.add(keyPath(path, 'input'), 'an input name', '""');
    }
    if (!CONDITION_OPS.includes(condition.op as ConditionOp)) {
      this.list.add(keyPath(path, 'op'), oneOf(CONDITION_OPS), show(condition.op));
    }
    const value = condition.value;
    const ok = typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
    this.expect(ok, keyPath(path, 'value'), 'true, false or a finite number', value, typeof value === 'number');
  };
}
