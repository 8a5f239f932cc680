import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Emulator, startEmulator } from 'masko-emulator';
import { afterAll, beforeAll } from 'vitest';
import type { ApiAsset, ApiCollection, ApiItem } from '../src/core/api-types.js';
import type { ResolvedMascot } from '../src/core/options.js';

let n = 0;
const id = (p: string) => `${p}-${String(++n).padStart(4, '0')}`;

export function asset(type: ApiAsset['type'], width: number, size: number | null, extra: Partial<ApiAsset> = {}): ApiAsset {
  const height = type === 'stacked_video' ? width * 2 : width;
  return {
    id: id('asset'),
    type,
    status: 'completed',
    url: `https://assets.test/c/${type}-${size ?? 'orig'}.bin`,
    size,
    width,
    height,
    bytes: 1000,
    sha256: null,
    ...extra,
  };
}

export function item(name: string, extra: Partial<ApiItem> = {}): ApiItem {
  return {
    id: id('item'),
    name,
    type: 'animation',
    status: 'completed',
    loop: true,
    duration: 4,
    transition: null,
    created_at: '2026-01-01T00:00:00Z',
    assets: [
      asset('transparent_image', 720, null),
      asset('webm', 720, null),
      asset('webm', 360, 360),
      asset('webm', 480, 480),
      asset('hevc', 720, null),
      asset('stacked_video', 720, null),
      asset('stacked_video', 360, 360),
      asset('video', 720, null),
    ],
    ...extra,
  };
}

export const collection: ApiCollection = { id: 'col-1', name: 'Felix the Fox', config: { animation_sizes: [360, 480] } };

export function mascot(extra: Partial<ResolvedMascot> = {}): ResolvedMascot {
  return {
    key: 'felix',
    collection: 'col-1',
    poses: {},
    include: 'all',
    initial: undefined,
    canvas: undefined,
    sizes: undefined,
    formats: ['hevc', 'png', 'stacked', 'webm'],
    ...extra,
  };
}

/**
 * An emulator for one test file: started before its tests and closed after them, together with the
 * temp folders `tempDir` made.
 */
export function fileEmulator(): { readonly emulator: Emulator; tempDir(prefix: string): string } {
  let emulator: Emulator | undefined;
  const dirs: string[] = [];
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(async () => {
    await emulator?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get emulator() {
      if (!emulator) throw new Error('the emulator starts in beforeAll: use it inside a test');
      return emulator;
    },
    tempDir(prefix) {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
  };
}
