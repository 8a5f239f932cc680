// Draws Felix the Fox and encodes the emulator's demo mascot media into media/, with demo.json.
// Run: npm run draw:demo -w packages/emulator. Deterministic frames; everything is built in
// .cache/draw-demo first and moved into media/ only once all of it is encoded and verified.
// `-- --check` only verifies the committed media against demo.json (fast, for CI).
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type ClipSpec, demoClips, FPS } from './fox/clips.js';
import { ARTWORK, foxSvg } from './fox/svg.js';
import { checkMediaDir } from './media/check-index.js';
import { type AssetType, type DemoClip, type DemoIndex, sortedKeys } from './media/demo-index.js';
import { type EncodeQuality, encodeHevc, encodeOpaqueMp4, encodeStacked, encodeWebm } from './media/encode.js';
import { type Container, describeFile } from './media/probe.js';
import { renderFrames, writeOpaqueImage, writePoster } from './media/render.js';
import { sizeTable, totalBytes } from './media/size-table.js';
import type { AlphaProbe } from './media/verify.js';

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..');
const MEDIA = join(PACKAGE, 'media');
const STAGE = join(PACKAGE, '.cache', 'draw-demo');
/** Files in media/ written by hand, which a run keeps. */
const HAND_WRITTEN = new Set(['README.md']);

const SIZES = [360, 240, 160];
const BACKGROUND = '#e8f1fa';
const BUDGET_BYTES = 15 * 1024 * 1024;
const QUALITY: EncodeQuality = { webmCrf: 34, h264Crf: 26, hevcCrf: 30 };
/** Where the alpha must be: the top-left corner is always empty, the belly always fox. */
const ALPHA_PROBES: AlphaProbe[] = [
  { name: 'top-left corner', x: 0, y: 0, alpha: 0 },
  { name: 'belly', x: 0.5, y: 0.76, alpha: 255 },
];

const INDEX_HEAD = {
  character: 'Felix the Fox',
  prompt:
    'A friendly orange fox mascot with a white muzzle, big dark eyes, pointed ears with dark tips '
    + 'and a fluffy white-tipped tail; flat cartoon style with a thick brown outline, full body, transparent background',
  width: ARTWORK,
  height: ARTWORK,
  sizes: SIZES,
  fps: FPS,
};

/** Loops end where they start and transitions join them exactly; fail before encoding if not. */
function checkSeams(clips: ClipSpec[]): void {
  const svg = (c: ClipSpec, i: number): string => foxSvg(c.frames.at(i)!, ARTWORK);
  const poses = new Map(clips.filter((c) => c.kind === 'pose').map((c) => [c.pose!, c]));
  for (const c of clips) {
    if (c.kind === 'pose' && svg(c, 0) !== svg(c, -1)) throw new Error(`loop ${c.slug} does not end on its first frame`);
    if (c.kind !== 'transition') continue;
    if (svg(c, 0) !== svg(poses.get(c.from!)!, -1)) throw new Error(`${c.slug} does not start on the last frame of ${c.from}`);
    if (svg(c, -1) !== svg(poses.get(c.to!)!, 0)) throw new Error(`${c.slug} does not end on the first frame of ${c.to}`);
  }
}

async function buildClip(clip: ClipSpec, out: string): Promise<DemoClip> {
  const files: DemoClip['files'] = {};
  const meta: DemoClip['meta'] = {};
  const add = async (type: AssetType, width: number, name: string, container: Container, height = width): Promise<void> => {
    (files[type] ??= {})[String(width)] = name;
    meta[name] = await describeFile(join(out, name), container, width, height);
  };
  for (const size of [ARTWORK, ...SIZES]) {
    const suffix = size === ARTWORK ? '' : `-${size}`;
    const frames = join(STAGE, 'frames', clip.slug, String(size));
    const first = await renderFrames(clip.frames, size, frames);
    const backdrop = { color: BACKGROUND, width: size, height: size };
    if (size === ARTWORK) {
      if (clip.kind === 'pose') {
        await writeOpaqueImage(first, BACKGROUND, join(out, `${clip.slug}.png`));
        await add('image', size, `${clip.slug}.png`, 'png');
      }
      await encodeOpaqueMp4(FPS, frames, join(out, `${clip.slug}.mp4`), backdrop, QUALITY);
      await add('video', size, `${clip.slug}.mp4`, 'mp4');
    }
    await writePoster(first, join(out, `${clip.slug}-t${suffix}.png`));
    await add('transparent_image', size, `${clip.slug}-t${suffix}.png`, 'png');
    await encodeWebm(FPS, frames, join(out, `${clip.slug}${suffix}.webm`), QUALITY);
    await add('webm', size, `${clip.slug}${suffix}.webm`, 'webm');
    await encodeHevc(FPS, frames, join(out, `${clip.slug}${suffix}.mov`), backdrop, QUALITY);
    await add('hevc', size, `${clip.slug}${suffix}.mov`, 'mov');
    await encodeStacked(FPS, frames, join(out, `${clip.slug}-stacked${suffix}.mp4`), QUALITY);
    await add('stacked_video', size, `${clip.slug}-stacked${suffix}.mp4`, 'mp4', size * 2);
  }
  const where = clip.kind === 'pose' ? { pose: clip.pose! } : { from: clip.from!, to: clip.to! };
  return {
    slug: clip.slug,
    kind: clip.kind,
    ...where,
    loop: clip.loop,
    duration: clip.frames.length / FPS,
    files,
    meta: sortedKeys(meta),
  };
}

/** Replaces the generated files in media/ with the staged ones (hand-written files stay). */
async function publish(staged: string): Promise<void> {
  await mkdir(MEDIA, { recursive: true });
  for (const name of await readdir(MEDIA)) if (!HAND_WRITTEN.has(name)) await rm(join(MEDIA, name));
  for (const name of await readdir(staged)) await rename(join(staged, name), join(MEDIA, name));
}

async function check(dir: string): Promise<void> {
  const problems = await checkMediaDir(dir, ALPHA_PROBES, HAND_WRITTEN);
  if (problems.length > 0)
    throw new Error(`${dir} does not match its demo.json:\n  ${problems.join('\n  ')}\nRegenerate with: npm run draw:demo -w packages/emulator`);
  console.log(`${dir}: every file matches demo.json; VP9 alpha verified`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  if (values.check) return check(MEDIA);
  const clips = demoClips();
  checkSeams(clips);
  await rm(STAGE, { recursive: true, force: true });
  const out = join(STAGE, 'media');
  await mkdir(out, { recursive: true });
  const index: DemoIndex = { ...INDEX_HEAD, clips: [] };
  for (const clip of clips) {
    const started = performance.now();
    index.clips.push(await buildClip(clip, out));
    console.log(`${clip.slug}: ${clip.frames.length} frames, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const total = totalBytes(index);
  if (total > BUDGET_BYTES) throw new Error(`media total ${total} bytes is over the ${BUDGET_BYTES}-byte budget; raise the CRFs`);
  await writeFile(join(out, 'demo.json'), `${JSON.stringify(index, null, 2)}\n`);
  await check(out);
  await publish(out);
  await rm(STAGE, { recursive: true, force: true });
  console.log(`\n${sizeTable(index)}\n\nVP9 alpha verified in ${index.clips.length} clips; wrote ${MEDIA}`);
}

main().catch((error: unknown) => {
  console.error(`draw-demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
