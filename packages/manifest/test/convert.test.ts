import { describe, expect, it } from 'vitest';
import { checkManifest, convertCanvasExport, EXPORT_ASSUMED_SIZE, ManifestError, MIME } from '../src/index.js';
import { loadExport } from './load-fixtures.js';

/** The issues `fn` throws as a ManifestError (fails the test if it does not throw one). */
function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    return (error as ManifestError).issues;
  }
  throw new Error('expected a ManifestError');
}

describe('convertCanvasExport on real exports', () => {
  it.each(['maya', 'masko', 'otto'] as const)('converts %s.json into a valid manifest with four poses', (name) => {
    const ex = loadExport(name);
    const manifest = convertCanvasExport(ex);
    expect(checkManifest(manifest)).toEqual([]);
    expect(Object.keys(manifest.poses)).toEqual(['Idle', 'Working', 'Needs Attention', 'Thinking']);
    expect(manifest.initial).toBe('Idle');
    expect(manifest.name).toBe(ex.name);
    expect(manifest.autoplay).toBe(true);
    // Every non-loop edge becomes a transition, in edge order.
    const nonLoop = ex.edges.filter((e: { isLoop: boolean }) => !e.isLoop);
    expect(manifest.transitions.map((t) => t.id)).toEqual(nonLoop.map((e: { id: string }) => e.id));
  });

  it("matches the snapshot of maya's manifest", () => {
    expect(convertCanvasExport(loadExport('maya'))).toMatchSnapshot();
  });

  it('turns loop edges into looping pose media with both encodings and the duration', () => {
    const { poses } = convertCanvasExport(loadExport('maya'));
    expect(poses.Idle).toEqual({
      id: '3c8dbe97-18db-4eaf-a351-737aa8715b26',
      loop: true,
      duration: 4,
      aspect: 1,
      poster: [
        { url: 'https://assets.masko.ai/7fced6/maya-fdd3/idle-thinking-374ae16c.png', type: MIME.png, width: EXPORT_ASSUMED_SIZE, height: EXPORT_ASSUMED_SIZE },
      ],
      media: {
        webm: [
          { url: 'https://assets.masko.ai/7fced6/maya-fdd3/idle-c49b491b.webm', type: MIME.webm, width: EXPORT_ASSUMED_SIZE, height: EXPORT_ASSUMED_SIZE },
        ],
        hevc: [{ url: 'https://assets.masko.ai/7fced6/maya-fdd3/idle-2b3dfd28.mov', type: MIME.hevc, width: EXPORT_ASSUMED_SIZE, height: EXPORT_ASSUMED_SIZE }],
      },
    });
  });

  it('keeps speed and reverse, and maps node ids to pose names', () => {
    const t = convertCanvasExport(loadExport('maya')).transitions.find((t) => t.id === '365e3d67-1492-403c-af01-ddaf3adb9c02')!;
    expect(t).toMatchObject({ from: 'Working', to: 'Idle', speed: 2, reverse: true, duration: 4 });
    expect(t.media?.webm?.[0]?.url).toMatch(/working-idle-0085dbb2\.webm$/);
  });

  it("turns any-state edges into from '*' transitions with priority and no media", () => {
    const anyState = convertCanvasExport(loadExport('maya')).transitions.filter((t) => t.from === '*');
    expect(anyState.map((t) => [t.to, t.priority, t.media])).toEqual([
      ['Needs Attention', 3, undefined],
      ['Thinking', 2, undefined],
      ['Working', 1, undefined],
    ]);
  });

  it('keeps inputs with their defaults and the system flag; exports without inputs get none', () => {
    expect(convertCanvasExport(loadExport('maya')).inputs[1]).toEqual({ name: 'claudeCode::isIdle', type: 'boolean', default: true, system: true });
    expect(convertCanvasExport(loadExport('otto')).inputs).toEqual([]);
  });
});

describe('convertCanvasExport field rules', () => {
  const tiny = () => ({
    version: '2.0',
    name: 'Tiny',
    initialNode: 'b',
    autoPlay: false,
    nodes: [
      { id: 'a', name: 'A', transparentThumbnailUrl: 'a.webp' },
      { id: 'b', name: 'B' },
    ],
    edges: [] as Record<string, unknown>[],
  });

  it('maps initialNode, autoPlay, a missing thumbnail and a still node', () => {
    const m = convertCanvasExport(tiny());
    expect(m.initial).toBe('B');
    expect(m.autoplay).toBe(false);
    expect(m.poses.A!.poster[0]!.type).toBe(MIME.webp);
    expect(m.poses.B).toEqual({ id: 'b', loop: false, aspect: 1, poster: [], media: {} });
  });

  it('starts at the first node when initialNode is absent', () => {
    const ex = { ...tiny(), initialNode: undefined };
    expect(convertCanvasExport(ex).initial).toBe('A');
  });

  it('defaults a missing op to == and a missing value to true, and maps the old ops', () => {
    const ex = tiny();
    ex.edges.push({ source: 'a', target: 'b', conditions: [{ input: 'x' }, { input: 'n', op: 'gte', value: 3 }, { input: 'n', op: 'neq', value: 9 }] });
    expect(convertCanvasExport(ex).transitions[0]!.conditions).toEqual([
      { input: 'x', op: '==', value: true },
      { input: 'n', op: '>=', value: 3 },
      { input: 'n', op: '!=', value: 9 },
    ]);
  });

  it('makes empty video strings an instant jump and .mp4 hevc an MP4 variant', () => {
    const ex = tiny();
    ex.edges.push({ source: 'a', target: 'b', videos: { webm: '', hevc: '' } }, { source: 'b', target: 'a', videos: { hevc: 'clip/video_hevc.mp4' } });
    const [jump, clip] = convertCanvasExport(ex).transitions;
    expect(jump!.media).toBeUndefined();
    expect(clip!.media).toEqual({ hevc: [{ url: 'clip/video_hevc.mp4', type: MIME.hevcMp4, width: EXPORT_ASSUMED_SIZE, height: EXPORT_ASSUMED_SIZE }] });
  });

  it('resolves relative URLs against baseUrl', () => {
    const m = convertCanvasExport(tiny(), { baseUrl: 'https://example.com/mascots/tiny.json' });
    expect(m.poses.A!.poster[0]!.url).toBe('https://example.com/mascots/a.webp');
    expect(m.source).toEqual({ kind: 'canvas', url: 'https://example.com/mascots/tiny.json' });
  });

  it('keeps a node named "__proto__" as a pose of its own', () => {
    const ex = { ...tiny(), initialNode: 'a', nodes: [{ id: 'a', name: '__proto__' }] };
    const m = convertCanvasExport(ex);
    expect(Object.keys(m.poses)).toEqual(['__proto__']);
    expect(Object.hasOwn(m.poses, '__proto__')).toBe(true);
    expect(m.initial).toBe('__proto__');
  });

  it('uses only the first loop edge of a node, like Masko', () => {
    const ex = tiny();
    ex.edges.push(
      { source: 'a', target: 'a', isLoop: true, videos: { webm: 'first.webm' } },
      { source: 'a', target: 'a', isLoop: true, videos: { webm: 'second.webm' } },
    );
    expect(convertCanvasExport(ex).poses.A!.media.webm![0]!.url).toBe('first.webm');
  });
});

describe('convertCanvasExport rejects broken exports', () => {
  const cases: [string, (ex: Record<string, any>) => void, string, string][] = [
    ['version "9"', (ex) => (ex.version = '9'), 'export.version', '"2.0" (a Masko canvas export)'],
    ['missing nodes', (ex) => delete ex.nodes, 'export.nodes', 'an array of nodes'],
    ['empty nodes', (ex) => (ex.nodes = []), 'export.nodes', 'at least one node'],
    ['an edge to an unknown node', (ex) => (ex.edges[4].target = 'nope'), 'export.edges[4].target', 'the id of a node in export.nodes'],
    ['a non-string URL', (ex) => (ex.edges[4].videos.webm = 42), 'export.edges[4].videos.webm', 'an http(s) or relative URL string'],
    [
      'a javascript: thumbnail',
      (ex) => (ex.nodes[2].transparentThumbnailUrl = 'javascript:alert(1)'),
      'export.nodes[2].transparentThumbnailUrl',
      'an http(s) or relative URL string',
    ],
    ['an unknown initialNode', (ex) => (ex.initialNode = 'gone'), 'export.initialNode', 'the id of a node in export.nodes'],
    ['an unknown op', (ex) => (ex.edges[4].conditions[0].op = '=~'), 'export.edges[4].conditions[0].op', 'one of == != > < >= <= (or eq neq gt lt gte lte)'],
    ['a string condition value', (ex) => (ex.edges[4].conditions[0].value = 'yes'), 'export.edges[4].conditions[0].value', 'true, false or a finite number'],
    ['a bad input type', (ex) => (ex.inputs[0].type = 'string'), 'export.inputs[0].type', '"boolean", "number" or "trigger"'],
    [
      'an op named like an Object method',
      (ex) => (ex.edges[4].conditions[0].op = 'toString'),
      'export.edges[4].conditions[0].op',
      'one of == != > < >= <= (or eq neq gt lt gte lte)',
    ],
    [
      'a legacy condition named like an Object method',
      (ex) => {
        delete ex.edges[4].conditions;
        ex.edges[4].condition = 'constructor';
      },
      'export.edges[4].condition',
      '"default", "on_click" or "on_complete"',
    ],
    ['a negative speed', (ex) => (ex.edges[4].speed = -1), 'export.edges[4].speed', 'a number > 0'],
  ];

  it.each(cases)('%s', (_, breakIt, path, expected) => {
    const ex = loadExport('maya');
    breakIt(ex);
    const issues = issuesOf(() => convertCanvasExport(ex));
    expect(issues).toContainEqual(expect.objectContaining({ path, expected }));
    expect(() => convertCanvasExport(ex)).toThrow(`${path}: expected ${expected}`);
  });

  it('names both node ids when two nodes share a name', () => {
    const ex = loadExport('maya');
    ex.nodes[1].name = 'Idle';
    expect(() => convertCanvasExport(ex)).toThrow(
      'export.nodes[1].name: expected a name no other node has (node "3c8dbe97-18db-4eaf-a351-737aa8715b26" is named so too), received "Idle" on node "1d7cd860-4c62-439b-9094-4382d67abde9"',
    );
  });

  it('reports a non-string URL as the message format promises', () => {
    const ex = loadExport('maya');
    ex.edges[0].videos.webm = 7;
    expect(() => convertCanvasExport(ex)).toThrow('[masko] export.edges[0].videos.webm: expected an http(s) or relative URL string, received number');
  });

  it('collects every issue, not only the first', () => {
    const ex = loadExport('maya');
    ex.version = '9';
    ex.edges[4].target = 'nope';
    ex.edges[5].videos.hevc = 'data:video/mp4;base64,AAAA';
    expect(issuesOf(() => convertCanvasExport(ex)).map((i) => i.path)).toEqual(['export.version', 'export.edges[4].target', 'export.edges[5].videos.hevc']);
  });

  it('rejects a non-object and a bad baseUrl', () => {
    expect(() => convertCanvasExport('nope')).toThrow('[masko] export: expected a Masko canvas export object, received string');
    expect(() => convertCanvasExport(loadExport('otto'), { baseUrl: 'javascript:x' })).toThrow('options.baseUrl: expected an absolute http(s) URL');
  });
});

describe('the old documentation shape', () => {
  const legacy = () => ({
    version: '2.0',
    name: 'Legacy',
    initialNode: 'n1',
    autoPlay: true,
    clickEffect: 'next_state',
    nodes: [
      { id: 'n1', label: 'Idle', imageUrl: 'https://cdn.example/idle.png', loop: true },
      { id: 'n2', label: 'Wave', imageUrl: 'https://cdn.example/wave.png', loop: false },
    ],
    edges: [
      {
        id: 'e0',
        source: 'n1',
        target: 'n1',
        videos: { webm: 'https://cdn.example/idle.webm', hevc: 'https://cdn.example/idle_hevc.mp4' },
        condition: 'default',
      },
      { id: 'e1', source: 'n1', target: 'n2', videos: { webm: 'https://cdn.example/wave.webm' }, condition: 'on_click' },
      { id: 'e2', source: 'n2', target: 'n1', videos: { webm: '' }, condition: 'on_complete' },
      { id: 'e3', source: 'n2', target: 'n1', condition: 'default' },
    ] as Record<string, unknown>[],
  });

  it('maps label, imageUrl, loop and the condition strings', () => {
    const m = convertCanvasExport(legacy());
    expect(Object.keys(m.poses)).toEqual(['Idle', 'Wave']);
    expect(m.poses.Idle!.poster[0]!.url).toBe('https://cdn.example/idle.png');
    expect(m.poses.Idle!.loop).toBe(true);
    expect(m.poses.Idle!.media.hevc![0]!.type).toBe(MIME.hevcMp4);
    expect(m.poses.Wave!.loop).toBe(false);
    expect(m.transitions.map((t) => [t.id, t.conditions])).toEqual([
      ['e1', [{ input: 'clicked', op: '==', value: true }]],
      ['e2', [{ input: 'loopCount', op: '>=', value: 1 }]],
      ['e3', []],
    ]);
  });

  it('rejects an unknown condition string and legacy input buttons with a clear message', () => {
    const bad = legacy();
    bad.edges[1]!.condition = 'on_hover';
    expect(() => convertCanvasExport(bad)).toThrow('export.edges[1].condition: expected "default", "on_click" or "on_complete", received "on_hover"');
    const buttons = { ...legacy(), inputs: [{ id: 'i1', label: 'Wave!', targetNode: 'n2' }] };
    expect(() => convertCanvasExport(buttons)).toThrow('legacy input buttons {label, targetNode} are not supported: call goTo() instead');
  });
});
