// The asset's `sha256` (an emulator assumption, API.md): the digest of what its URL serves once completed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MEDIA_DIR, Media, type MediaIndex } from '../src/media/media.js';
import type { AssetRec } from '../src/model/records.js';
import { Store } from '../src/model/store.js';
import { asset, type WireContext } from '../src/wire/resources.js';
import { sha256 } from './helpers.js';

const index = JSON.parse(readFileSync(new URL('../media/demo.json', import.meta.url), 'utf8')) as MediaIndex;
const media = Media.load(DEFAULT_MEDIA_DIR);

function rec(extra: Partial<AssetRec>): AssetRec {
  return {
    id: 'a1',
    itemId: 'i1',
    collectionId: 'c1',
    type: 'webm',
    status: 'completed',
    path: '/p/c/idle-0123abcd-160.webm',
    externalUrl: null,
    size: 160,
    parentAssetId: 'a0',
    width: 160,
    height: 160,
    bytes: 1,
    mime: 'video/webm',
    file: 'idle-160.webm',
    jobId: null,
    createdAt: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

describe('asset sha256', () => {
  const ctx: WireContext = { store: new Store(), assetsOrigin: 'http://127.0.0.1:1', media };

  it('is the sha256 of the served file, matching the digest demo.json records', () => {
    const recorded = index.clips.find((c) => c.slug === 'idle')!.meta!['idle-160.webm']!.sha256;
    const a = asset(ctx, rec({}));
    expect(a.sha256).toBe(sha256(media.bytes('idle-160.webm')));
    expect(a.sha256).toBe(recorded);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is null while the URL serves the placeholder, for uploads by URL, and without media', () => {
    expect(asset(ctx, rec({ status: 'pending' })).sha256).toBeNull();
    expect(asset(ctx, rec({ status: 'failed' })).sha256).toBeNull();
    expect(asset(ctx, rec({ file: null, path: null, externalUrl: 'https://example.com/otter.png', itemId: null, collectionId: null })).sha256).toBeNull();
    expect(asset({ store: ctx.store, assetsOrigin: ctx.assetsOrigin }, rec({})).sha256).toBeNull();
  });
});
