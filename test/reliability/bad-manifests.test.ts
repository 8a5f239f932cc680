/**
 * Bad manifests and canvas exports: each is refused with a ManifestError whose issues name the field
 * (`export.edges[1].target`, …) — never a TypeError, never a hang — and unsafe URLs never pass.
 */
import { readFileSync } from 'node:fs';
import { ManifestError, type ManifestIssue, toManifest } from 'masko-manifest';
import { describe, expect, it } from 'vitest';
import { harness } from '../../packages/player/test/machine/harness.js';

const EXPORT = JSON.parse(readFileSync(new URL('../../packages/manifest/test/fixtures/masko.json', import.meta.url), 'utf8')) as {
  version: string;
  nodes: { id: string; name: string; transparentThumbnailUrl: string }[];
  edges: { id: string; source: string; target: string; isLoop?: boolean; duration: number; conditions: unknown[]; videos: { webm: string; hevc: string } }[];
};
const copy = () => structuredClone(EXPORT);
const GOOD = toManifest(copy());
const manifest = () => structuredClone(GOOD) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function issues(value: unknown): ManifestIssue[] {
  try {
    toManifest(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    return (error as ManifestError).issues;
  }
  throw new Error('accepted');
}

/** [what, input, a path the issues must name] */
const CASES: [string, () => unknown, RegExp][] = [
  ['export of another version', () => ({ ...copy(), version: '3.0' }), /^export\.version$/],
  [
    'export with a dangling edge target',
    () => {
      const e = copy();
      e.edges[1]!.target = 'no-such-node';
      return e;
    },
    /^export\.edges\[1\]\.target$/,
  ],
  [
    'export with a dangling edge source',
    () => {
      const e = copy();
      e.edges[2]!.source = 'ghost';
      return e;
    },
    /^export\.edges\[2\]\.source$/,
  ],
  [
    'export node thumbnail javascript:',
    () => {
      const e = copy();
      e.nodes[0]!.transparentThumbnailUrl = 'javascript:alert(1)';
      return e;
    },
    /^export\.nodes\[0\]\.transparentThumbnailUrl$/,
  ],
  [
    'export edge video data:',
    () => {
      const e = copy();
      e.edges[0]!.videos.webm = 'data:video/webm;base64,AAAA';
      return e;
    },
    /^export\.edges\[0\]\.videos\.webm$/,
  ],
  [
    'export edge video obfuscated java\\tscript:',
    () => {
      const e = copy();
      e.edges[0]!.videos.hevc = ' java\tscript:alert(1)';
      return e;
    },
    /^export\.edges\[0\]\.videos\.hevc$/,
  ],
  ['manifest of version 2', () => ({ ...manifest(), version: 2 }), /^manifest\.version$/],
  [
    'manifest without poses',
    () => {
      const m = manifest();
      delete m.poses;
      return m;
    },
    /^manifest\.poses$/,
  ],
  ['manifest initial not a pose', () => ({ ...manifest(), initial: 'Sleep' }), /^manifest\.initial$/],
  [
    'manifest variant width 0',
    () => {
      const m = manifest();
      const pose = Object.values(m.poses)[0] as any;
      pose.media.webm[0].width = 0;
      return m;
    },
    /^manifest\.poses\..+\.media\.webm\[0\]\.width$/,
  ],
  [
    'manifest variant URL blob:',
    () => {
      const m = manifest();
      const pose = Object.values(m.poses)[0] as any;
      pose.media.webm[0].url = 'blob:https://x/1';
      return m;
    },
    /^manifest\.poses\..+\.media\.webm\[0\]\.url$/,
  ],
  [
    'manifest poster URL data:',
    () => {
      const m = manifest();
      const pose = Object.values(m.poses)[0] as any;
      pose.poster[0].url = 'data:image/png;base64,iVBOR';
      return m;
    },
    /^manifest\.poses\..+\.poster\[0\]\.url$/,
  ],
  [
    'manifest transition to a missing pose',
    () => {
      const m = manifest();
      m.transitions[0].to = 'Nowhere';
      return m;
    },
    /^manifest\.transitions\[0\]\.to$/,
  ],
  ['not an object at all', () => 'felix', /^value$/],
  ['null', () => null, /^value$/],
];

describe('bad manifests and canvas exports', () => {
  for (const [what, make, path] of CASES) {
    it(`${what}: refused, naming ${path.source}`, () => {
      const found = issues(make());
      expect(
        found.map((i) => i.path).some((p) => path.test(p)),
        JSON.stringify(found),
      ).toBe(true);
      for (const issue of found) expect(issue.expected.length).toBeGreaterThan(0);
    });
  }

  it('a huge broken export (20,000 edges) gives at most 20 issues, each with a path', () => {
    const e = copy();
    const edge = e.edges[1]!;
    e.edges = Array.from({ length: 20_000 }, (_, i) => ({ ...edge, id: `e${i}`, target: `missing-${i}` }));
    const found = issues(e);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(20);
    expect(found[0]!.path).toMatch(/^export\.edges\[\d+\]\.target$/);
  });

  it('a huge valid export (5,000 nodes) converts without choking', () => {
    const e = copy();
    const loop = e.edges.find((x) => x.isLoop)!;
    e.nodes = Array.from({ length: 5_000 }, (_, i) => ({ id: `n${i}`, name: `Pose ${i}`, transparentThumbnailUrl: `https://assets.masko.ai/x/p${i}.png` }));
    e.edges = e.nodes.map((n, i) => ({ ...loop, id: `l${i}`, source: n.id, target: n.id }));
    (e as Record<string, unknown>).initialNode = 'n0';
    expect(Object.keys(toManifest(e).poses)).toHaveLength(5_000);
  });

  it('a cycle of clip-less, condition-less edges is accepted as data (goTo-only jumps): recorded, see report', () => {
    // Two instant jumps A→B, B→A with no conditions fire only through goTo() (README), so the cycle
    // cannot spin on its own; the converter keeps them without media.
    const e = copy();
    const [a, b] = e.nodes;
    e.edges = [
      ...e.edges.filter((x) => x.isLoop),
      { id: 'ab', source: a!.id, target: b!.id, duration: 0, conditions: [], videos: { webm: '', hevc: '' } },
      { id: 'ba', source: b!.id, target: a!.id, duration: 0, conditions: [], videos: { webm: '', hevc: '' } },
    ];
    const m = toManifest(e);
    const jumps = m.transitions.filter((t) => t.id === 'ab' || t.id === 'ba');
    expect(jumps).toHaveLength(2);
    expect(jumps.every((t) => t.media === undefined && t.conditions.length === 0)).toBe(true);
  });
});

describe('a cycle of clip-less edges that always fire', () => {
  it('converts, and the player machine cuts it short with a warning instead of spinning', () => {
    const e = copy();
    const [a, b] = e.nodes;
    const always = [{ input: 'nodeTime', op: '>=', value: 0 }];
    e.edges = [
      ...e.edges.filter((x) => x.isLoop),
      { id: 'ab', source: a!.id, target: b!.id, duration: 0, conditions: always, videos: { webm: '', hevc: '' } },
      { id: 'ba', source: b!.id, target: a!.id, duration: 0, conditions: always, videos: { webm: '', hevc: '' } },
    ];
    (e as Record<string, unknown>).initialNode = a!.id;
    const { machine, events } = harness(toManifest(e));
    machine.start();
    const warnings = events.filter((x) => x.type === 'warning');
    expect(warnings.length, JSON.stringify(events.slice(0, 5))).toBe(1);
    expect(JSON.stringify(warnings[0])).toMatch(/instant transitions keep firing in a cycle/);
    expect(events.length).toBeLessThan(200);
    machine.dispose();
  });
});
