import { type IssueList, indexPath, isRecord, keyPath, show, typeOf } from './issues.js';
import { MIME } from './mime.js';
import type { Condition, ConditionOp, InputDef, Media, Variant } from './types.js';
import { CONDITION_OPS, INPUT_TYPES } from './validate.js';

/**
 * Exports do not say how large their files are. Every variant converted from an export gets this
 * width and height (pixels) and every pose an aspect of 1: Masko renders mascots square, and the
 * player only needs a size to choose between variants — an export has one per format.
 */
export const EXPORT_ASSUMED_SIZE = 720;

/** What the converter's helpers share: where issues go, and the URL checker/resolver. */
export interface ConvertContext {
  list: IssueList;
  /** The checked, resolved URL; `undefined` for none (absent or `""`) or when it was refused. */
  url: (path: string, raw: unknown) => string | undefined;
}

/** Legacy `condition` strings of the documentation example, as condition lists. */
const LEGACY_CONDITIONS: Record<string, Condition[]> = {
  default: [],
  on_click: [{ input: 'clicked', op: '==', value: true }],
  on_complete: [{ input: 'loopCount', op: '>=', value: 1 }],
};
const LEGACY_OPS: Record<string, ConditionOp> = { eq: '==', neq: '!=', gt: '>', lt: '<', gte: '>=', lte: '<=' };
const OPS_EXPECTED = 'one of == != > < >= <= (or eq neq gt lt gte lte)';

const own = <T>(table: Record<string, T>, key: unknown): T | undefined => (typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined);

const sized = (url: string, type: string): Variant => ({ url, type, width: EXPORT_ASSUMED_SIZE, height: EXPORT_ASSUMED_SIZE });
const hasExtension = (url: string, ext: string) => new RegExp(`\\.${ext}(?:[?#]|$)`, 'i').test(url);

/** A node thumbnail as a poster variant (PNG unless the name says WebP or AVIF). */
export function posterVariant(url: string): Variant {
  return sized(url, hasExtension(url, 'webp') ? MIME.webp : hasExtension(url, 'avif') ? MIME.avif : MIME.png);
}

/** An edge's `videos` as media; `undefined` when it has no clip (absent or empty strings). */
export function edgeMedia({ list, url }: ConvertContext, path: string, videos: unknown): Media | undefined {
  if (videos === undefined) return undefined;
  if (!isRecord(videos)) {
    list.add(path, 'an object {webm?, hevc?}', typeOf(videos));
    return undefined;
  }
  const media: Media = {};
  const webm = url(keyPath(path, 'webm'), videos.webm);
  const hevc = url(keyPath(path, 'hevc'), videos.hevc);
  if (webm) media.webm = [sized(webm, MIME.webm)];
  if (hevc) media.hevc = [sized(hevc, hasExtension(hevc, 'mp4') ? MIME.hevcMp4 : MIME.hevc)];
  return media.webm || media.hevc ? media : undefined;
}

/** An edge's conditions, with Masko's defaults (`op` ==, `value` true), old ops and the legacy `condition` string. */
export function edgeConditions({ list }: ConvertContext, path: string, edge: Record<string, unknown>): Condition[] {
  if (edge.conditions === undefined && edge.condition !== undefined) {
    const legacy = own(LEGACY_CONDITIONS, edge.condition);
    if (!legacy) list.add(keyPath(path, 'condition'), '"default", "on_click" or "on_complete"', show(edge.condition));
    return legacy ? legacy.map((c) => ({ ...c })) : [];
  }
  if (edge.conditions === undefined) return [];
  const conditionsPath = keyPath(path, 'conditions');
  if (!Array.isArray(edge.conditions)) {
    list.add(conditionsPath, 'an array of conditions', typeOf(edge.conditions));
    return [];
  }
  const out: Condition[] = [];
  edge.conditions.forEach((c, i) => {
    const cPath = indexPath(conditionsPath, i);
    if (!isRecord(c)) return list.add(cPath, 'a condition object {input, op?, value?}', typeOf(c));
    const op = c.op === undefined ? '==' : CONDITION_OPS.includes(c.op as ConditionOp) ? (c.op as ConditionOp) : own(LEGACY_OPS, c.op);
    const value = c.value === undefined ? true : c.value;
    const inputOk = typeof c.input === 'string' && c.input !== '';
    const valueOk = typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
    if (!inputOk) list.add(keyPath(cPath, 'input'), 'an input name', show(c.input));
    if (!op) list.add(keyPath(cPath, 'op'), OPS_EXPECTED, show(c.op));
    if (!valueOk) list.add(keyPath(cPath, 'value'), 'true, false or a finite number', show(value));
    if (inputOk && op && valueOk) out.push({ input: c.input as string, op, value });
  });
  return out;
}

/** The export's optional `inputs`, `default` and `system` kept. */
export function convertInputs(list: IssueList, raw: unknown): InputDef[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    list.add('export.inputs', 'an array of inputs', typeOf(raw));
    return [];
  }
  const out: InputDef[] = [];
  raw.forEach((input, i) => {
    const path = indexPath('export.inputs', i);
    if (isRecord(input) && input.name === undefined && input.targetNode !== undefined) {
      return list.add(path, 'an input {name, type} (legacy input buttons {label, targetNode} are not supported: call goTo() instead)', 'a legacy input button');
    }
    if (!isRecord(input)) return list.add(path, 'an input object {name, type}', typeOf(input));
    if (typeof input.name !== 'string' || input.name === '') return list.add(keyPath(path, 'name'), 'an input name', show(input.name));
    if (!INPUT_TYPES.includes(input.type as InputDef['type'])) return list.add(keyPath(path, 'type'), '"boolean", "number" or "trigger"', show(input.type));
    const def: InputDef = { name: input.name, type: input.type as InputDef['type'] };
    const numeric = input.type === 'number';
    if (input.default !== undefined) {
      const ok = numeric ? typeof input.default === 'number' && Number.isFinite(input.default) : typeof input.default === 'boolean';
      if (ok) def.default = input.default as boolean | number;
      else list.add(keyPath(path, 'default'), numeric ? 'a finite number' : 'true or false', show(input.default));
    }
    if (input.system !== undefined) {
      if (typeof input.system === 'boolean') def.system = input.system;
      else list.add(keyPath(path, 'system'), 'true or false', show(input.system));
    }
    out.push(def);
  });
  return out;
}
