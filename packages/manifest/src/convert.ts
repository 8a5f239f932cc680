import type { CanvasExport } from './export-types.js';
import { IssueList, indexPath, isRecord, keyPath, show, typeOf } from './issues.js';
import { MIME } from './mime.js';
import { MANIFEST_VERSION, type Condition, type ConditionOp, type InputDef, type MascotManifest, type Media, type Pose, type Transition, type Variant } from './types.js';
import { isSafeUrl, URL_EXPECTED } from './url.js';
import { CONDITION_OPS, INPUT_TYPES, validateManifest } from './validate.js';

export interface ConvertOptions {
  /** Relative URLs in the export are resolved against this absolute URL. Default: left relative. */
  baseUrl?: string;
}

/**
 * Exports do not say how large their files are. Every variant converted from an export gets this
 * width and height (pixels) and every pose an aspect of 1: Masko renders mascots square, and the
 * player only needs a size to choose between variants — an export has one per format.
 */
export const EXPORT_ASSUMED_SIZE = 720;

/** Legacy `condition` strings of the documentation example, as condition lists. */
const LEGACY_CONDITIONS: Record<string, Condition[]> = {
  default: [],
  on_click: [{ input: 'clicked', op: '==', value: true }],
  on_complete: [{ input: 'loopCount', op: '>=', value: 1 }],
};
const LEGACY_OPS: Record<string, ConditionOp> = { eq: '==', neq: '!=', gt: '>', lt: '<', gte: '>=', lte: '<=' };
const OPS_EXPECTED = 'one of == != > < >= <= (or eq neq gt lt gte lte)';

/** Whether `value` has the shape of a Masko canvas export (nodes and edges); `convertCanvasExport` checks the rest. */
export function isCanvasExport(value: unknown): value is CanvasExport {
  return isRecord(value) && Array.isArray(value.nodes) && Array.isArray(value.edges);
}

/**
 * Converts a Masko canvas export (`version: "2.0"`) to a manifest: nodes become poses keyed by
 * name, loop edges the poses' clips, other edges transitions (any-state edges have `from: '*'`).
 * Throws a `ManifestError` whose paths start at `export`.
 */
export function convertCanvasExport(value: unknown, options: ConvertOptions = {}): MascotManifest {
  const list = new IssueList();
  if (!isRecord(value)) {
    list.add('export', 'a Masko canvas export object', typeOf(value));
    list.throwIfAny();
  }
  const ex = value as Record<string, unknown>;
  const base = resolverFor(list, options.baseUrl);
  const url = (path: string, raw: unknown): string | undefined => {
    if (raw === undefined || raw === '') return undefined;
    if (!isSafeUrl(raw)) return void list.add(path, URL_EXPECTED, typeof raw === 'string' ? show(raw) : typeOf(raw));
    return base(raw);
  };
  const optionalField = (path: string, raw: unknown, expected: string, ok: (v: unknown) => boolean) => {
    if (raw === undefined) return undefined;
    if (ok(raw)) return raw;
    list.add(path, expected, show(raw));
    return undefined;
  };

  if (ex.version !== '2.0') list.add('export.version', '"2.0" (a Masko canvas export)', show(ex.version));
  const name = typeof ex.name === 'string' ? ex.name : typeof ex.canvasName === 'string' ? ex.canvasName : undefined;
  if (name === undefined) list.add('export.name', 'a string', typeOf(ex.name));

  // Nodes → pose names.
  const nodeName = new Map<string, string>();
  const nameOwner = new Map<string, string>();
  const posters = new Map<string, string | undefined>();
  const nodes = Array.isArray(ex.nodes) ? ex.nodes : [];
  if (!Array.isArray(ex.nodes)) list.add('export.nodes', 'an array of nodes', typeOf(ex.nodes));
  else if (nodes.length === 0) list.add('export.nodes', 'at least one node', 'an empty array');
  nodes.forEach((node, i) => {
    const path = indexPath('export.nodes', i);
    if (!isRecord(node)) return list.add(path, 'a node object {id, name}', typeOf(node));
    const label = node.name ?? node.label;
    if (typeof node.id !== 'string' || node.id === '') return list.add(keyPath(path, 'id'), 'a node id string', show(node.id));
    if (nodeName.has(node.id)) return list.add(keyPath(path, 'id'), 'an id no other node has', show(node.id));
    if (typeof label !== 'string' || label === '') return list.add(keyPath(path, 'name'), 'a non-empty string', show(label));
    const owner = nameOwner.get(label);
    if (owner !== undefined) {
      return list.add(keyPath(path, 'name'), `a name no other node has (node ${JSON.stringify(owner)} is named so too)`, `${show(label)} on node ${JSON.stringify(node.id)}`);
    }
    nodeName.set(node.id, label);
    nameOwner.set(label, node.id);
    const thumbnail = node.transparentThumbnailUrl !== undefined ? 'transparentThumbnailUrl' : 'imageUrl';
    posters.set(node.id, url(keyPath(path, thumbnail), node[thumbnail]));
  });
  const nodeRef = (path: string, id: unknown, allowAny: boolean): string | undefined => {
    if (allowAny && id === '*') return '*';
    const found = typeof id === 'string' ? nodeName.get(id) : undefined;
    if (found === undefined) list.add(path, `the id of a node in export.nodes${allowAny ? " or '*'" : ''}`, typeof id === 'string' ? show(id) : typeOf(id));
    return found;
  };

  // Edges → loop clips and transitions.
  const loops = new Map<string, { media?: Media; duration?: number }>();
  const transitions: Transition[] = [];
  const edges = Array.isArray(ex.edges) ? ex.edges : [];
  if (!Array.isArray(ex.edges)) list.add('export.edges', 'an array of edges', typeOf(ex.edges));
  edges.forEach((edge, i) => {
    const path = indexPath('export.edges', i);
    if (!isRecord(edge)) return list.add(path, 'an edge object {source, target}', typeOf(edge));
    const from = nodeRef(keyPath(path, 'source'), edge.source, true);
    const to = nodeRef(keyPath(path, 'target'), edge.target, false);
    const isLoop = optionalField(keyPath(path, 'isLoop'), edge.isLoop, 'true or false', (v) => typeof v === 'boolean') ?? edge.source === edge.target;
    const media = edgeMedia(keyPath(path, 'videos'), edge.videos);
    const duration = optionalField(keyPath(path, 'duration'), edge.duration, 'a number ≥ 0', (v) => typeof v === 'number' && v >= 0) as number | undefined;
    const id = optionalField(keyPath(path, 'id'), edge.id, 'a string', (v) => typeof v === 'string') as string | undefined;
    if (isLoop) {
      if (edge.source !== edge.target || edge.source === '*') {
        return list.add(keyPath(path, 'target'), `the source node (${show(edge.source)}) for a loop edge`, show(edge.target));
      }
      // Like Masko's runtimes, the first loop edge of a node is its clip.
      if (from && from !== '*' && !loops.has(from)) loops.set(from, { media, duration });
      return;
    }
    const speed = optionalField(keyPath(path, 'speed'), edge.speed, 'a number > 0', (v) => typeof v === 'number' && v > 0) as number | undefined;
    const priority = optionalField(keyPath(path, 'priority'), edge.priority, 'a finite number', (v) => typeof v === 'number' && Number.isFinite(v)) as number | undefined;
    const reverse = optionalField(keyPath(path, 'reverse'), edge.reverse, 'true or false', (v) => typeof v === 'boolean') as boolean | undefined;
    const conditions = edgeConditions(path, edge);
    if (from === undefined || to === undefined) return;
    transitions.push({
      ...(id !== undefined && { id }),
      from,
      to,
      ...(media && { media }),
      ...(duration !== undefined && { duration }),
      ...(speed !== undefined && { speed }),
      ...(priority !== undefined && { priority }),
      ...(reverse !== undefined && { reverse }),
      conditions,
    });
  });

  function edgeMedia(path: string, videos: unknown): Media | undefined {
    if (videos === undefined) return undefined;
    if (!isRecord(videos)) return void list.add(path, 'an object {webm?, hevc?}', typeOf(videos));
    const media: Media = {};
    const webm = url(keyPath(path, 'webm'), videos.webm);
    const hevc = url(keyPath(path, 'hevc'), videos.hevc);
    if (webm) media.webm = [sized(webm, MIME.webm)];
    if (hevc) media.hevc = [sized(hevc, /\.mp4(?:[?#]|$)/i.test(hevc) ? MIME.hevcMp4 : MIME.hevc)];
    return media.webm || media.hevc ? media : undefined;
  }

  function edgeConditions(path: string, edge: Record<string, unknown>): Condition[] {
    if (edge.conditions === undefined && edge.condition !== undefined) {
      const legacy = typeof edge.condition === 'string' ? LEGACY_CONDITIONS[edge.condition] : undefined;
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
      const op = c.op === undefined ? '==' : CONDITION_OPS.includes(c.op as ConditionOp) ? (c.op as ConditionOp) : LEGACY_OPS[c.op as string];
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

  const inputs = convertInputs(list, ex.inputs);

  let initial: string | undefined;
  if (ex.initialNode === undefined) initial = nodeName.values().next().value;
  else initial = nodeRef('export.initialNode', ex.initialNode, false);
  const autoplay = optionalField('export.autoPlay', ex.autoPlay, 'true or false', (v) => typeof v === 'boolean') as boolean | undefined;

  list.throwIfAny();

  const poses: Record<string, Pose> = {};
  for (const node of nodes as Record<string, unknown>[]) {
    const poseName = nodeName.get(node.id as string)!;
    const loop = loops.get(poseName);
    const poster = posters.get(node.id as string);
    const pose: Pose = {
      id: node.id as string,
      loop: typeof node.loop === 'boolean' ? node.loop : !!loop?.media,
      aspect: 1,
      poster: poster ? [sized(poster, posterType(poster))] : [],
      media: loop?.media ?? {},
    };
    if (loop?.media && loop.duration !== undefined) pose.duration = loop.duration;
    poses[poseName] = pose;
  }

  const manifest: MascotManifest = { version: MANIFEST_VERSION, name: name!, initial: initial!, poses, transitions, inputs };
  if (autoplay !== undefined) manifest.autoplay = autoplay;
  manifest.source = options.baseUrl ? { kind: 'canvas', url: options.baseUrl } : { kind: 'canvas' };
  return validateManifest(manifest);
}

function convertInputs(list: IssueList, raw: unknown): InputDef[] {
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

/** A function that resolves URLs against `baseUrl` (identity without one). */
function resolverFor(list: IssueList, baseUrl: string | undefined): (url: string) => string {
  if (baseUrl === undefined) return (url) => url;
  let base: URL | undefined;
  try {
    base = new URL(baseUrl);
  } catch {
    /* reported below */
  }
  if (!base || !isSafeUrl(baseUrl)) {
    list.add('options.baseUrl', 'an absolute http(s) URL', show(baseUrl));
    return (url) => url;
  }
  return (url) => new URL(url, base).href;
}

const sized = (url: string, type: string): Variant => ({ url, type, width: EXPORT_ASSUMED_SIZE, height: EXPORT_ASSUMED_SIZE });

function posterType(url: string): string {
  if (/\.webp(?:[?#]|$)/i.test(url)) return MIME.webp;
  if (/\.avif(?:[?#]|$)/i.test(url)) return MIME.avif;
  return MIME.png;
}
