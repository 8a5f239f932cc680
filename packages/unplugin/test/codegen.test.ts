import type { MascotManifest } from 'masko-manifest';
import { describe, expect, it } from 'vitest';
import { indexModule, mascotModule, parseLoadedId, parseVirtualId } from '../src/core/codegen.js';
import { renderDts } from '../src/core/dts.js';
import { assetFileName, prefixedUrl, webpackUrl } from '../src/core/emit.js';
import type { LockedMascot } from '../src/core/lockfile.js';

const manifest: MascotManifest = {
  version: 1,
  name: 'Felix the Fox',
  initial: 'Idle',
  transitions: [],
  inputs: [],
  poses: {
    Idle: { loop: true, aspect: 1, poster: [{ url: 'assets/felix-idle-png-360.0123abcd.png', type: 'image/png', width: 360, height: 360 }], media: {} },
  },
};

const locked = (poses: string[]): LockedMascot => ({
  collection: 'c',
  name: 'n',
  optionsHash: 'h',
  transitions: [],
  poses: Object.fromEntries(poses.map((p) => [p, { item: p, loop: true, files: [], posters: [] }])),
});

describe('codegen', () => {
  it('recognises only our ids', () => {
    expect(parseVirtualId('virtual:masko/felix')).toBe('felix');
    expect(parseVirtualId('\0virtual:masko/felix')).toBe('felix');
    expect(parseVirtualId('virtual:masko')).toBe('');
    expect(parseVirtualId('virtual:maskot')).toBeUndefined();
    expect(parseVirtualId('./felix')).toBeUndefined();
    expect(parseLoadedId('\0virtual:masko/felix')).toBe('felix');
    expect(parseLoadedId(`/app/node_modules/.virtual/${encodeURIComponent('\0virtual:masko/felix')}`)).toBe('felix');
    expect(parseLoadedId('/app/src/virtual:masko.js')).toBeUndefined();
  });

  it('writes import-free modules whose URLs use the host expression', async () => {
    const code = mascotModule(manifest, prefixedUrl('/base'));
    expect(code).not.toMatch(/\bimport\b/);
    expect(code).toMatchSnapshot();
    const mod = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: MascotManifest };
    expect(mod.default.poses.Idle!.poster[0]!.url).toBe('/base/assets/felix-idle-png-360.0123abcd.png');
    expect(mascotModule(manifest, webpackUrl)).toContain('"url": __webpack_public_path__ + "assets/felix-idle-png-360.0123abcd.png"');
  });

  it('exports each mascot by name from the index module', async () => {
    const code = indexModule({ felix: manifest, 'odd-key': manifest }, prefixedUrl('/'));
    const mod = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as Record<string, unknown> & { default: Record<string, unknown> };
    expect(Object.keys(mod.default)).toEqual(['felix', 'odd-key']);
    expect(mod.felix).toBe(mod.default.felix);
  });

  it('names files by key, pose, format, width and content hash', () => {
    expect(assetFileName('felix', 'Thumbs Up', 'stacked', 360, 'deadbeef'.repeat(8))).toBe('assets/felix-thumbs-up-stacked-360.deadbeef.mp4');
  });

  it('declares sorted literal pose unions', () => {
    const dts = renderDts({ zed: { locked: locked(['b']) }, felix: { locked: locked(['Wave', 'Idle', 'Thumbs Up']) } });
    expect(dts).toContain(`export type Pose = "Idle" | "Thumbs Up" | "Wave"`);
    expect(dts.indexOf("virtual:masko/felix'")).toBeLessThan(dts.indexOf("virtual:masko/zed'"));
    expect(dts).toMatchSnapshot();
  });
});
