// Rasterises clip frames with sharp (librsvg): straight-alpha RGBA PNGs, transparent background,
// antialiased edges. Each size is drawn from the vector art, never resampled from a bigger frame.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { foxSvg } from '../fox/svg.js';
import type { FoxPose } from '../fox/pose.js';

/** Frame file pattern for ffmpeg's image2 demuxer. */
export const FRAME_PATTERN = 'f%03d.png';
const frameName = (i: number): string => `f${String(i).padStart(3, '0')}.png`;

/** Renders `frames` at `size` px into `dir`; returns the path of the first frame. */
export async function renderFrames(frames: FoxPose[], size: number, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  // A few at a time: sharp already uses every core for each image.
  for (let i = 0; i < frames.length; i += 4) {
    await Promise.all(frames.slice(i, i + 4).map((pose, k) =>
      sharp(Buffer.from(foxSvg(pose, size))).ensureAlpha().png({ compressionLevel: 1 }).toFile(join(dir, frameName(i + k)))));
  }
  return join(dir, frameName(0));
}

/** A transparent PNG poster from a rendered frame, compressed hard (it is committed). */
export async function writePoster(frame: string, out: string): Promise<void> {
  await sharp(frame).png({ compressionLevel: 9, adaptiveFiltering: true }).toFile(out);
}

/** An opaque PNG: the frame over the demo background colour. */
export async function writeOpaqueImage(frame: string, background: string, out: string): Promise<void> {
  await sharp(frame).flatten({ background }).png({ compressionLevel: 9, adaptiveFiltering: true }).toFile(out);
}
