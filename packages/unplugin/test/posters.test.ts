import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'pathe';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from '../src/core/cache.js';
import { makePoster } from '../src/core/posters.js';

let dir: string;
let source: { path: string; sha256: string };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'masko-posters-'));
  // 720×540, transparent, with an opaque orange disc in the middle.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="540"><circle cx="360" cy="270" r="200" fill="#f80"/></svg>`;
  const path = join(dir, 'source.png');
  await sharp(Buffer.from(svg)).png().toFile(path);
  source = { path, sha256: await sha256File(path) };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function alphaAt(path: string, x: number, y: number): Promise<number> {
  const { data, info } = await sharp(path).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return data[(y * info.width + x) * info.channels + 3]!;
}

describe('makePoster', () => {
  it.each(['png', 'webp', 'avif'] as const)('resizes to %s with real dimensions and alpha kept', async (format) => {
    const poster = await makePoster(dir, source, 360, format);
    expect(poster).toMatchObject({ format, width: 360, height: 270 });
    expect(poster.sha256).toBe(await sha256File(poster.path));
    expect(await alphaAt(poster.path, 0, 0)).toBe(0);
    expect(await alphaAt(poster.path, 180, 135)).toBeGreaterThan(250);
  });

  it('never enlarges, and reuses the cached file on the next call', async () => {
    const big = await makePoster(dir, source, 2000, 'png');
    expect([big.width, big.height]).toEqual([720, 540]);
    const before = (await stat(big.path)).mtimeMs;
    const again = await makePoster(dir, source, 2000, 'png');
    expect(again).toEqual(big);
    expect((await stat(again.path)).mtimeMs).toBe(before);
  });
});
