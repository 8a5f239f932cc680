import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ASSET_FILES, type AssetType } from 'masko-wire';

/** `media/demo.json`, written by `scripts/` (see the package README for the format). */
export interface MediaIndex {
  character: string;
  prompt: string;
  width: number;
  height: number;
  /** Size-variant widths, smaller than the original. */
  sizes: number[];
  fps: number;
  clips: MediaClip[];
}

export interface MediaClip {
  slug: string;
  kind: 'pose' | 'transition';
  pose?: string;
  from?: string;
  to?: string;
  loop: boolean;
  /** Seconds. */
  duration: number;
  /** Asset type -> width as a string ("480" = the original) -> file name under media/. */
  files: Partial<Record<AssetType, Record<string, string>>>;
  /** File name -> facts about the file. */
  meta?: Record<string, FileMeta>;
}

export interface FileMeta {
  width: number;
  height: number;
  bytes: number;
  sha256?: string;
  mime: string;
}

/**
 * Asset types the emulator never lists, though `media/` has their files. The demo's HEVC `.mov` has
 * no alpha (no encoder here makes HEVC with alpha), and an `hevc` asset is what Safari and every iOS
 * browser take as their alpha format: listing it would show Felix in an opaque box there. Without
 * it, Apple WebKit plays the stacked MP4, transparent, like every other engine.
 */
export const UNLISTED_TYPES: readonly AssetType[] = ['hevc'];

export const DEFAULT_MEDIA_DIR = fileURLToPath(new URL('../../media/', import.meta.url));

/** The media index plus a byte cache for the files it names. */
export class Media {
  private readonly cache = new Map<string, Buffer>();

  constructor(
    readonly dir: string,
    readonly index: MediaIndex,
  ) {}

  static load(dir: string): Media {
    const file = join(dir, 'demo.json');
    if (!existsSync(file)) {
      throw new Error(`[masko-emulator] media index not found: ${file} (pass mediaDir / --media-dir pointing at a directory with demo.json)`);
    }
    const index = JSON.parse(readFileSync(file, 'utf8')) as MediaIndex;
    if (!Array.isArray(index.clips) || index.clips.length === 0) {
      throw new Error(`[masko-emulator] ${file}: "clips" must be a non-empty array`);
    }
    return new Media(dir, index);
  }

  clip(slug: string): MediaClip | undefined {
    return this.index.clips.find((c) => c.slug === slug);
  }

  poses(): MediaClip[] {
    return this.index.clips.filter((c) => c.kind === 'pose');
  }

  transitions(): MediaClip[] {
    return this.index.clips.filter((c) => c.kind === 'transition');
  }

  bytes(fileName: string): Buffer {
    let buf = this.cache.get(fileName);
    if (!buf) {
      buf = readFileSync(join(this.dir, fileName));
      this.cache.set(fileName, buf);
    }
    return buf;
  }

  /** Width/height/bytes/mime of a file: from the index's meta, else derived. */
  meta(clip: MediaClip, type: AssetType, width: string, fileName: string): FileMeta {
    const known = clip.meta?.[fileName];
    if (known) return known;
    const w = Number(width);
    const h = Math.round((w * this.index.height) / this.index.width) * (type === 'stacked_video' ? 2 : 1);
    return { width: w, height: h, bytes: this.bytes(fileName).length, mime: ASSET_FILES[type].contentType };
  }
}
