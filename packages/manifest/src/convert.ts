import { convertInputs, edgeConditions, edgeMedia, posterVariant } from './convert-parts.js';
import type { CanvasExport } from './export-types.js';
import { IssueList, indexPath, isRecord, keyPath, show, typeOf } from './issues.js';
import { MANIFEST_VERSION, type MascotManifest, type Media, type Pose, type Transition } from './types.js';
import { isSafeUrl, URL_EXPECTED } from './url.js';
import { validateManifest } from './validate.js';

export { EXPORT_ASSUMED_SIZE } from './convert-parts.js';

export interface ConvertOptions {
  /** Relative URLs in the export are resolved against this absolute URL. Default: left relative. */
  baseUrl?: string;
}

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
  const parts = { list, url };
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
      return list.add(
        keyPath(path, 'name'),
        `a name no other node has (node ${JSON.stringify(owner)} is named so too)`,
        `${show(label)} on node ${JSON.stringify(node.id)}`,
      );
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
    const media = edgeMedia(parts, keyPath(path, 'videos'), edge.videos);
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
    const priority = optionalField(keyPath(path, 'priority'), edge.priority, 'a finite number', (v) => typeof v === 'number' && Number.isFinite(v)) as
      | number
      | undefined;
    const reverse = optionalField(keyPath(path, 'reverse'), edge.reverse, 'true or false', (v) => typeof v === 'boolean') as boolean | undefined;
    const conditions = edgeConditions(parts, path, edge);
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

  const inputs = convertInputs(list, ex.inputs);

  let initial: string | undefined;
  if (ex.initialNode === undefined) initial = nodeName.values().next().value;
  else initial = nodeRef('export.initialNode', ex.initialNode, false);
  const autoplay = optionalField('export.autoPlay', ex.autoPlay, 'true or false', (v) => typeof v === 'boolean') as boolean | undefined;

  list.throwIfAny();

  // Entries, not assignment: a node named "__proto__" must become a pose, not a prototype.
  const poseEntries: [string, Pose][] = [];
  for (const node of nodes as Record<string, unknown>[]) {
    const poseName = nodeName.get(node.id as string)!;
    const loop = loops.get(poseName);
    const poster = posters.get(node.id as string);
    const pose: Pose = {
      id: node.id as string,
      loop: typeof node.loop === 'boolean' ? node.loop : !!loop?.media,
      aspect: 1,
      poster: poster ? [posterVariant(poster)] : [],
      media: loop?.media ?? {},
    };
    if (loop?.media && loop.duration !== undefined) pose.duration = loop.duration;
    poseEntries.push([poseName, pose]);
  }

  const poses: Record<string, Pose> = Object.fromEntries(poseEntries);
  const manifest: MascotManifest = { version: MANIFEST_VERSION, name: name!, initial: initial!, poses, transitions, inputs };
  if (autoplay !== undefined) manifest.autoplay = autoplay;
  manifest.source = options.baseUrl ? { kind: 'canvas', url: options.baseUrl } : { kind: 'canvas' };
  return validateManifest(manifest);
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
