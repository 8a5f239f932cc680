// Checks a media directory against its demo.json without re-encoding anything: the clips and
// asset types the contract promises, every listed file present with its recorded bytes and
// sha256, nothing unlisted, and alpha where it belongs in every WebM.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AssetType, DemoClip, DemoIndex } from './demo-index.js';
import { verifyWebmAlpha, type AlphaProbe } from './verify.js';

export const CLIP_SLUGS = ['idle', 'wave', 'thumbs-up', 'thinking',
  'idle-wave', 'wave-idle', 'idle-thumbs-up', 'thumbs-up-idle', 'idle-thinking', 'thinking-idle'];
const ALL_SIZES: AssetType[] = ['transparent_image', 'webm', 'hevc', 'stacked_video'];
const ORIGINAL_ONLY: Record<DemoClip['kind'], AssetType[]> = { pose: ['image', 'video'], transition: ['video'] };

function checkClipFiles(clip: DemoClip, index: DemoIndex, problems: string[]): void {
  const widths = [index.width, ...index.sizes].map(String).sort();
  const expected = new Map<AssetType, string[]>();
  for (const type of ALL_SIZES) expected.set(type, widths);
  for (const type of ORIGINAL_ONLY[clip.kind]) expected.set(type, [String(index.width)]);
  const types = Object.keys(clip.files).sort();
  if (types.join() !== [...expected.keys()].sort().join()) problems.push(`${clip.slug}: asset types ${types.join(', ')}`);
  for (const [type, want] of expected) {
    const got = Object.keys(clip.files[type] ?? {}).sort();
    if (got.join() !== want.join()) problems.push(`${clip.slug}: ${type} widths ${got.join(', ')}, expected ${want.join(', ')}`);
    for (const [width, name] of Object.entries(clip.files[type] ?? {})) {
      const meta = clip.meta[name];
      if (!meta) { problems.push(`${clip.slug}: no meta for ${name}`); continue; }
      const height = type === 'stacked_video' ? Number(width) * 2 : Number(width);
      if (meta.width !== Number(width) || meta.height !== height) {
        problems.push(`${name}: meta says ${meta.width}x${meta.height}, expected ${width}x${height}`);
      }
    }
  }
}

/** Problems found, in words; an empty list means the directory is consistent. */
export async function checkMediaDir(dir: string, probes: AlphaProbe[], handWritten: Set<string>): Promise<string[]> {
  const problems: string[] = [];
  const index = JSON.parse(await readFile(join(dir, 'demo.json'), 'utf8')) as DemoIndex;
  const slugs = index.clips.map((c) => c.slug);
  if (slugs.join() !== CLIP_SLUGS.join()) problems.push(`clips are ${slugs.join(', ')}; expected ${CLIP_SLUGS.join(', ')}`);
  const listed = new Set(['demo.json', ...handWritten]);
  for (const clip of index.clips) {
    checkClipFiles(clip, index, problems);
    for (const [name, meta] of Object.entries(clip.meta)) {
      listed.add(name);
      let data: Buffer;
      try {
        data = await readFile(join(dir, name));
      } catch {
        problems.push(`${name}: listed in demo.json but missing`);
        continue;
      }
      if (data.length !== meta.bytes) problems.push(`${name}: ${data.length} bytes, demo.json says ${meta.bytes}`);
      if (createHash('sha256').update(data).digest('hex') !== meta.sha256) problems.push(`${name}: sha256 differs from demo.json`);
    }
    for (const [width, name] of Object.entries(clip.files.webm ?? {})) {
      await verifyWebmAlpha(join(dir, name), Number(width), Number(width), probes).catch((e: Error) => problems.push(e.message));
    }
  }
  for (const name of await readdir(dir)) if (!listed.has(name)) problems.push(`${name}: in media/ but not in demo.json`);
  return problems;
}
