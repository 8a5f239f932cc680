import { describe, expect, it } from 'vitest';
import { isCanvasExport, pickVariant, poseNames, resolveManifestUrls, toManifest, type Variant } from '../src/index.js';
import { loadExport, sampleManifest } from './load-fixtures.js';

describe('pickVariant', () => {
  const v = (width: number): Variant => ({ url: `${width}.webm`, type: 'video/webm', width, height: width });
  const variants = [v(720), v(360), v(480)];

  it('picks the smallest variant at least as wide as asked, whatever the list order', () => {
    expect(pickVariant(variants, 400)?.width).toBe(480);
    expect(pickVariant(variants, 360)?.width).toBe(360);
    expect(pickVariant(variants, 1)?.width).toBe(360);
  });

  it('falls back to the largest when none is wide enough, and to undefined for no variants', () => {
    expect(pickVariant(variants, 2000)?.width).toBe(720);
    expect(pickVariant([], 100)).toBeUndefined();
    expect(pickVariant(undefined, 100)).toBeUndefined();
  });
});

describe('poseNames', () => {
  it('lists the poses in key order', () => {
    expect(poseNames(sampleManifest())).toEqual(['Idle', 'Wave']);
  });
});

describe('isCanvasExport and toManifest', () => {
  it('tells exports from manifests', () => {
    expect(isCanvasExport(loadExport('otto'))).toBe(true);
    expect(isCanvasExport(sampleManifest())).toBe(false);
    expect(isCanvasExport(null)).toBe(false);
  });

  it('validates a manifest and converts an export', () => {
    const manifest = sampleManifest();
    expect(toManifest(manifest)).toBe(manifest);
    expect(toManifest(loadExport('masko')).source).toEqual({ kind: 'canvas' });
  });

  it('routes an export with a wrong version to the converter, so the message speaks of the export', () => {
    expect(() => toManifest({ ...loadExport('maya'), version: '9' })).toThrow('[masko] export.version: expected "2.0" (a Masko canvas export), received "9"');
    expect(() => toManifest({ ...sampleManifest(), version: 9 })).toThrow('[masko] manifest.version: expected 1, received 9');
  });

  it('rejects anything else with a message naming both accepted shapes', () => {
    expect(() => toManifest('hello')).toThrow(/^\[masko\] value: expected a mascot manifest .* or a Masko canvas export .*received string$/);
    expect(() => toManifest({ hello: 1 })).toThrow('received object');
  });

  it('resolves relative manifest URLs against baseUrl and leaves absolute ones', () => {
    const m = toManifest(sampleManifest(), { baseUrl: 'https://site.example/mascots/felix.json' });
    expect(m.poses.Idle!.poster[0]!.url).toBe('https://site.example/idle.png');
    expect(m.poses.Idle!.media.webm!.map((x) => x.url)).toEqual(['https://site.example/idle-360.webm', 'https://cdn.example/idle-720.webm']);
    expect(m.transitions[0]!.media!.webm![0]!.url).toBe('https://site.example/mascots/idle-wave.webm');
    // The input is not modified.
    expect(sampleManifest().poses.Idle!.poster[0]!.url).toBe('/idle.png');
    expect(resolveManifestUrls(sampleManifest(), 'https://x.example/').poses.Wave).toEqual(sampleManifest().poses.Wave);
  });
});
