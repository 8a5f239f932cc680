import type { MascotManifest } from 'masko-manifest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManifestLoader } from '../../src/features/manifest-loading.js';

const manifest = (name: string): MascotManifest => ({
  version: 1,
  name,
  initial: 'A',
  transitions: [],
  inputs: [],
  poses: { A: { loop: true, aspect: 1, poster: [{ url: 'a.png', type: 'image/png', width: 1, height: 1 }], media: {} } },
});

describe('ManifestLoader (latest wins)', () => {
  const saved = globalThis.document;
  beforeAll(() => void ((globalThis as { document?: unknown }).document = { baseURI: 'https://example.test/app/' }));
  afterAll(() => void ((globalThis as { document?: unknown }).document = saved));

  it('should land a typed manifest at once, with its URLs resolved against the page', () => {
    const landed: MascotManifest[] = [];
    new ManifestLoader(
      (m) => landed.push(m),
      (e) => expect.fail(e.message),
    ).useObject(manifest('one'));
    expect(landed.map((m) => m.name)).toEqual(['one']);
    expect(landed[0]!.poses.A!.poster[0]!.url).toBe('https://example.test/app/a.png');
  });

  it('should not fetch src before allow(), and drop a src superseded by .manifest', () => {
    const landed: string[] = [];
    const loader = new ManifestLoader(
      (m) => landed.push(m.name),
      (e) => expect.fail(e.message),
    );
    loader.useSrc('felix.json');
    loader.useObject(manifest('typed')); // wins over the src
    loader.allow(); // nothing left to fetch
    expect(landed).toEqual(['typed']);
  });

  it('should report an object that is not a manifest through the validator, naming the field', async () => {
    const error = await new Promise<Error & { reason?: string }>((resolve) =>
      new ManifestLoader(() => expect.fail('landed'), resolve).useObject({ version: 1, poses: { A: { loop: 'yes' } } }),
    );
    expect(error.reason).toBe('manifest-invalid');
    expect(error.message).toContain('.manifest');
  });
});
