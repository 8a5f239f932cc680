import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type Emulator, type MediaIndex, startEmulator } from '../src/index.js';
import { UNLISTED_TYPES } from '../src/media/media.js';
import { call, sha256 } from './helpers.js';

// The bundled media (packages/emulator/media, drawn by scripts/): the default when no mediaDir is given.
const index = JSON.parse(readFileSync(new URL('../media/demo.json', import.meta.url), 'utf8')) as MediaIndex;

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(() => emu.close());

describe('bundled demo mascot', () => {
  it('serves every listed file of every demo item with the bytes, type and size demo.json records', async () => {
    const byName = new Map(index.clips.flatMap((c) => Object.entries(c.meta ?? {})));
    const listed = (c: MediaIndex['clips'][number]) => Object.entries(c.files).filter(([type]) => !UNLISTED_TYPES.includes(type as never));
    const fileOf = new Map(index.clips.flatMap((c) => listed(c).flatMap(([, w]) => Object.values(w!).map((f) => [f, c.slug] as const))));
    const assets = [];
    for (let offset = 0; ; offset += 100) {
      const page = await call(emu, 'GET', `/collections/${DEMO.collectionId}/assets?limit=100&offset=${offset}`);
      assets.push(...page.body.data);
      if (!page.body.meta.pagination.has_more) break;
    }
    expect(assets.length).toBe(fileOf.size);
    for (const a of assets) {
      const res = await fetch(a.url);
      const body = Buffer.from(await res.arrayBuffer());
      const name = [...fileOf.keys()].find((f) => byName.get(f)?.sha256 === sha256(body));
      expect(name, a.url).toBeTruthy();
      const meta = byName.get(name!)!;
      expect(res.headers.get('content-type')).toBe(meta.mime);
      expect(a).toMatchObject({ width: meta.width, height: meta.height, bytes: meta.bytes, mime: meta.mime });
      expect(a.sha256, `${a.url} publishes the digest of what it serves`).toBe(sha256(body));
    }
  });

  it('preloads the 4 poses and the transitions from Idle and back', async () => {
    const items = (await call(emu, 'GET', `/collections/${DEMO.collectionId}/items?limit=100`)).body.data;
    expect(items.filter((i: any) => !i.transition).map((i: any) => i.name)).toEqual(['Idle', 'Wave', 'Thumbs Up', 'Thinking']);
    expect(
      items
        .filter((i: any) => i.transition)
        .map((i: any) => i.slug)
        .sort(),
    ).toEqual(['idle-thinking', 'idle-thumbs-up', 'idle-wave', 'thinking-idle', 'thumbs-up-idle', 'wave-idle']);
  });
});
