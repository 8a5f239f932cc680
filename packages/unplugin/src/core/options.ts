import { API_ID_PATTERN, API_ID_SHAPE, API_KEY_PATTERN, API_KEY_SHAPE, DEFAULT_API_URL, rememberSecret } from 'masko-wire';
import { isAbsolute, resolve } from 'pathe';
import * as v from 'valibot';
import type { MascotOptions, MaskoFormat, MaskoOptions, PoseOptions } from '../types.js';
import { MaskoError } from './errors.js';
import { dict, namedRecord } from './named-record.js';
import { formatOptionIssues } from './option-issues.js';

export { DEFAULT_API_URL };
export const DEFAULT_FORMATS: MaskoFormat[] = ['webm', 'hevc', 'stacked', 'png'];
const FORMATS = ['webm', 'hevc', 'stacked', 'png', 'webp', 'avif'] as const;

const positiveInt = (what: string) => v.pipe(v.number(`expected ${what}`), v.integer(`expected ${what}`), v.minValue(1, `expected ${what}`));

const PoseSchema = v.strictObject({
  image: v.optional(v.string('expected a prompt string')),
  animation: v.optional(v.string('expected a prompt string')),
  duration: v.optional(
    v.pipe(v.number('expected seconds (a number)'), v.minValue(1, 'expected at least 1 second'), v.maxValue(10, 'expected at most 10 seconds')),
  ),
  loop: v.optional(v.boolean('expected true or false')),
  edit: v.optional(
    v.strictObject(
      {
        from: v.pipe(v.string('expected the name of the pose to edit'), v.minLength(1, 'expected the name of the pose to edit')),
        instructions: v.pipe(v.string('expected edit instructions (string)'), v.minLength(1, 'expected edit instructions')),
      },
      'expected { from: <pose name>, instructions: <what to change> }',
    ),
  ),
});

const MascotSchema = v.strictObject({
  // Ids go into API paths: `..` or `a/b` would reach other endpoints with the key (masko-wire's rule).
  collection: v.pipe(v.string(`expected a collection id (${API_ID_SHAPE})`), v.regex(API_ID_PATTERN, `expected a collection id (${API_ID_SHAPE})`)),
  poses: v.optional(namedRecord(PoseSchema, v.string(), 'expected an object of { <pose name>: { image?, animation?, duration?, loop? } }')),
  include: v.optional(v.union([v.literal('all'), v.array(v.string())], "expected 'all' or an array of item names")),
  initial: v.optional(v.string('expected a pose name')),
  canvas: v.optional(v.pipe(v.string(`expected a canvas id (${API_ID_SHAPE})`), v.regex(API_ID_PATTERN, `expected a canvas id (${API_ID_SHAPE})`))),
  sizes: v.optional(v.array(positiveInt('a width in pixels (positive integer)'), 'expected an array of widths')),
  formats: v.optional(
    v.pipe(
      v.array(v.picklist(FORMATS, `expected one of ${FORMATS.map((f) => `'${f}'`).join(', ')}`), 'expected an array of formats'),
      v.minLength(1, 'expected at least one format'),
    ),
  ),
});

/** Mascot keys name files (`<key>.json`, `assets/<key>-…`) and modules: short, and safe in both. */
const KEY_RE = /^[A-Za-z0-9_-]{1,64}$/;

/** Only http(s): `javascript:`, `ftp:` or `file:` are valid URLs but nothing we can send a key to. */
const ApiUrlSchema = v.pipe(
  v.string('expected an absolute http(s) URL'),
  v.check((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), 'expected an absolute http(s) URL (http: or https:)'),
);

const OptionsSchema = v.strictObject({
  mascots: v.optional(
    namedRecord(
      MascotSchema,
      v.pipe(v.string(), v.regex(KEY_RE, 'expected keys of letters, digits, "-" and "_" only (at most 64 characters)')),
      'expected an object of { <key>: { collection, … } }',
    ),
  ),
  generate: v.optional(
    v.union(
      [
        v.literal(false),
        v.strictObject({
          maxCredits: v.pipe(
            v.number('expected a non-negative integer'),
            v.integer('expected a non-negative integer'),
            v.minValue(0, 'expected a non-negative integer'),
          ),
        }),
      ],
      'expected false or { maxCredits: <non-negative integer> }',
    ),
  ),
  cacheDir: v.optional(v.string('expected a directory path')),
  lockfile: v.optional(v.string('expected a file path')),
  dts: v.optional(v.union([v.boolean(), v.string()], 'expected true, false or a file path')),
  offline: v.optional(v.boolean('expected true or false')),
  frozen: v.optional(v.boolean('expected true or false')),
  apiKey: v.optional(v.pipe(v.string('expected a string'), v.regex(API_KEY_PATTERN, `expected ${API_KEY_SHAPE}`))),
  apiUrl: v.optional(ApiUrlSchema),
  root: v.optional(v.string('expected a directory path')),
  configFile: v.optional(v.union([v.string(), v.literal(false)], 'expected a path or false')),
  concurrency: v.optional(positiveInt('a positive integer')),
});

export interface ResolvedMascot extends Required<Pick<MascotOptions, 'collection' | 'formats'>> {
  key: string;
  poses: Record<string, PoseOptions>;
  include: 'all' | string[] | undefined;
  initial: string | undefined;
  canvas: string | undefined;
  sizes: number[] | undefined;
}

export interface ResolvedOptions {
  root: string;
  mascots: ResolvedMascot[];
  generate: false | { maxCredits: number };
  cacheDir: string;
  lockfile: string;
  dts: string | false;
  offline: boolean;
  frozen: boolean;
  /** Never printed; redacted from every message by `redact()`. */
  apiKey: string | undefined;
  apiUrl: string;
  concurrency: number;
}

/** Validates raw options and applies every default, once. Throws a `MaskoError` naming the bad option. */
export function resolveOptions(raw: unknown, env: Record<string, string | undefined> = process.env): ResolvedOptions {
  const parsed = v.safeParse(OptionsSchema, raw ?? {});
  if (!parsed.success) throw invalidOptions(formatOptionIssues(OptionsSchema, parsed.issues, ['apiKey']));
  const o: MaskoOptions = parsed.output as MaskoOptions;
  const root = resolve(o.root ?? process.cwd());
  const abs = (p: string) => (isAbsolute(p) ? resolve(p) : resolve(root, p));
  const mascots = Object.keys(o.mascots ?? {})
    .sort()
    .map((key): ResolvedMascot => {
      const m = o.mascots![key]!;
      return {
        key,
        collection: m.collection,
        poses: m.poses ?? dict(),
        include: m.include,
        initial: m.initial,
        canvas: m.canvas,
        sizes: m.sizes ? [...new Set(m.sizes)].sort((a, b) => a - b) : undefined,
        formats: [...new Set(m.formats ?? DEFAULT_FORMATS)].sort(),
      };
    });
  const dts = o.dts === false ? false : abs(typeof o.dts === 'string' ? o.dts : 'masko.d.ts');
  return {
    root,
    mascots,
    generate: o.generate ?? false,
    cacheDir: abs(o.cacheDir ?? 'node_modules/.cache/masko'),
    lockfile: abs(o.lockfile ?? 'masko.lock.json'),
    dts,
    offline: o.offline ?? env.MASKO_OFFLINE === '1',
    frozen: o.frozen ?? env.MASKO_FROZEN === '1',
    apiKey: remembered(o.apiKey ?? env.MASKO_API_KEY),
    apiUrl: o.apiUrl ?? envApiUrl(env.MASKO_API_URL) ?? DEFAULT_API_URL,
    concurrency: o.concurrency ?? 16,
  };
}

/** The key, remembered by the one redaction so that no message can carry it, whatever its shape. */
function remembered(key: string | undefined): string | undefined {
  if (key) rememberSecret(key);
  return key;
}

function invalidOptions(lines: string[]): MaskoError {
  return new MaskoError('invalid_options', lines.join('\n  '), 'See the options table in the unplugin-masko README.');
}

/** MASKO_API_URL is held to the same rule as the `apiUrl` option. */
function envApiUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = v.safeParse(ApiUrlSchema, value);
  if (!parsed.success) throw invalidOptions(formatOptionIssues(ApiUrlSchema, parsed.issues).map((line) => line.replace(/^\(options\)/, 'MASKO_API_URL')));
  return parsed.output;
}
