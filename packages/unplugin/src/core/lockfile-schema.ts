/**
 * The shape of `masko.lock.json`, checked whenever it is read: the lockfile is user-editable (and
 * reviewable in a pull request), and its values become cache paths, download URLs and generated code.
 * The `Locked*` types are inferred from here. To add a per-file field (e.g. probed dimensions), add an
 * entry to `lockedFileEntries`; per-clip fields go to `lockedClipEntries`.
 */
import { API_ID_PATTERN, API_ID_SHAPE } from 'masko-wire';
import * as v from 'valibot';
import { namedRecord } from './named-record.js';

export const LOCKFILE_VERSION = 1;

/** The file kinds downloaded from the API: the three videos and the transparent PNG posters are made from. */
export const SOURCE_FORMATS = ['webm', 'hevc', 'stacked', 'png'] as const;
/** Item and pose names are data (never paths), but a lockfile holding a megabyte name is not one we wrote. */
export const MAX_NAME_LENGTH = 1000;

const id = (what: string) => v.pipe(v.string(`expected ${what} (${API_ID_SHAPE})`), v.regex(API_ID_PATTERN, `expected ${what} (${API_ID_SHAPE})`));
const name = (what: string) =>
  v.pipe(
    v.string(`expected ${what} (a string)`),
    v.minLength(1, `expected ${what} (not empty)`),
    v.maxLength(MAX_NAME_LENGTH, `expected ${what} of at most ${MAX_NAME_LENGTH} characters`),
  );
const count = (what: string) =>
  v.pipe(
    v.number(`expected ${what} (a non-negative integer)`),
    v.integer(`expected ${what} (a non-negative integer)`),
    v.minValue(0, `expected ${what} (a non-negative integer)`),
  );
const pixels = v.nullable(count('a size in pixels or null'));

/** The sha256 names a cache file: exactly 64 lower-case hex digits, so no path can be spelled with it. */
export const Sha256Schema = v.pipe(
  v.string('expected a sha256 (64 lower-case hex digits)'),
  v.regex(/^[0-9a-f]{64}$/, 'expected a sha256 (64 lower-case hex digits)'),
);

/** Where a file is downloaded from: http(s) only (`file:`, `data:`, `javascript:` are refused). */
export const HttpUrlSchema = v.pipe(
  v.string('expected an http(s) URL'),
  v.check((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), 'expected an absolute http(s) URL'),
);

/** One downloaded file. Extra per-file fields go here. */
export const lockedFileEntries = {
  format: v.picklist(SOURCE_FORMATS, `expected one of ${SOURCE_FORMATS.map((f) => `'${f}'`).join(', ')}`),
  asset: id('an asset id'),
  url: HttpUrlSchema,
  width: pixels,
  height: pixels,
  bytes: count('a byte count'),
  sha256: Sha256Schema,
  /** The API served a signed URL; `url` keeps it without the (expiring) query: fetch a fresh one by `asset`. */
  signed: v.optional(v.literal(true, 'expected true (or no field): the URL was signed, ask the API for a fresh one by asset id')),
};
export const LockedFileSchema = v.object(lockedFileEntries, 'expected a file entry object');

/** One clip (a pose or a transition). Extra per-clip fields go here. */
export const lockedClipEntries = {
  item: id('an item id'),
  loop: v.boolean('expected true or false'),
  duration: v.optional(v.pipe(v.number('expected seconds (a number)'), v.minValue(0, 'expected seconds (a non-negative number)'))),
  files: v.array(LockedFileSchema, 'expected an array of file entries'),
  /** Poster widths resized locally from the PNG file. */
  posters: v.array(v.pipe(count('a width in pixels'), v.minValue(1, 'expected a width in pixels (positive)')), 'expected an array of widths'),
  /** An edit pose: made by Masko's `edit` from pose `from`'s image with `instructions` (pins.ts). */
  edit: v.optional(
    v.object(
      {
        from: name('a pose name'),
        instructions: name('edit instructions'),
      },
      'expected { from: <pose name>, instructions: <string> }',
    ),
  ),
};
export const LockedClipSchema = v.object(lockedClipEntries, 'expected a clip object');
export const LockedTransitionSchema = v.object(
  {
    ...lockedClipEntries,
    from: name('a pose name'),
    to: name('a pose name'),
    reverse: v.boolean('expected true or false'),
  },
  'expected a transition object',
);

const ConditionSchema = v.object({
  input: name('an input name'),
  op: v.picklist(['==', '!=', '>', '<', '>=', '<='], "expected one of '==', '!=', '>', '<', '>=', '<='"),
  value: v.union([v.boolean(), v.number()], 'expected true, false or a number'),
});
export const LockedEdgeSchema = v.object({
  id: v.optional(v.string('expected an edge id (string)')),
  from: name("a pose name or '*'"),
  to: name('a pose name'),
  /** The transition item whose clip this edge plays; absent = an instant jump. */
  item: v.optional(id('an item id')),
  conditions: v.array(ConditionSchema, 'expected an array of conditions'),
  duration: v.optional(v.number('expected seconds (a number)')),
  speed: v.optional(v.number('expected a number')),
  priority: v.optional(v.number('expected a number')),
  reverse: v.optional(v.boolean('expected true or false')),
});
export const LockedCanvasSchema = v.object({
  id: id('a canvas id'),
  initial: name('a pose name'),
  inputs: v.array(
    v.object({
      name: name('an input name'),
      type: v.picklist(['boolean', 'number', 'trigger'], "expected 'boolean', 'number' or 'trigger'"),
      default: v.optional(v.union([v.boolean(), v.number()], 'expected true, false or a number')),
    }),
    'expected an array of inputs',
  ),
  edges: v.array(LockedEdgeSchema, 'expected an array of edges'),
});

export const LockedMascotSchema = v.object(
  {
    collection: id('a collection id'),
    name: v.pipe(v.string('expected the collection name (a string)'), v.maxLength(MAX_NAME_LENGTH, `expected a name of at most ${MAX_NAME_LENGTH} characters`)),
    /** Hash of the options this entry answers; a different hash means the entry must be re-resolved. */
    optionsHash: v.pipe(v.string('expected the options hash (a string)'), v.maxLength(128, 'expected the options hash (at most 128 characters)')),
    poses: namedRecord(LockedClipSchema, name('a pose name'), 'expected an object of { <pose name>: <clip> }'),
    transitions: v.array(LockedTransitionSchema, 'expected an array of transitions'),
    /** Canvas mode: the state machine, its edges tied to the transition items above. */
    canvas: v.optional(LockedCanvasSchema),
  },
  'expected a mascot entry object',
);

export const LockfileSchema = v.object(
  {
    lockfileVersion: v.literal(LOCKFILE_VERSION, `expected ${LOCKFILE_VERSION}`),
    mascots: namedRecord(
      LockedMascotSchema,
      v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]+$/, 'expected a mascot key (letters, digits, "-" and "_")')),
      'expected an object of { <mascot key>: <entry> }',
    ),
  },
  'expected a lockfile object',
);

/**
 * Lockfiles written before the field was renamed call the options hash `inputs` (a name that read like a
 * canvas's inputs): such an entry is read as `optionsHash`, in place, before the schema sees it. The next
 * write spells it the new way; `frozen` compares content, so an old lockfile still passes there.
 */
export function readLegacyFields(data: unknown): unknown {
  const mascots = (data as { mascots?: unknown } | null)?.mascots;
  if (!mascots || typeof mascots !== 'object') return data;
  for (const entry of Object.values(mascots) as unknown[]) {
    if (!entry || typeof entry !== 'object' || !('inputs' in entry) || 'optionsHash' in entry) continue;
    const legacy = entry as { inputs?: unknown; optionsHash?: unknown };
    legacy.optionsHash = legacy.inputs;
    delete legacy.inputs;
  }
  return data;
}

export type SourceFormat = (typeof SOURCE_FORMATS)[number];
export type LockedFile = v.InferOutput<typeof LockedFileSchema>;
export type LockedClip = v.InferOutput<typeof LockedClipSchema>;
export type LockedTransition = v.InferOutput<typeof LockedTransitionSchema>;
export type LockedEdge = v.InferOutput<typeof LockedEdgeSchema>;
export type LockedCanvas = v.InferOutput<typeof LockedCanvasSchema>;
export type LockedMascot = v.InferOutput<typeof LockedMascotSchema>;
export type Lockfile = v.InferOutput<typeof LockfileSchema>;
