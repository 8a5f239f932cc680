/**
 * Pixel size of a downloaded file, read from the file itself: PNG (sharp, which the posters already
 * use), WebM (EBML) and MP4/MOV (ISO-BMFF). For a stacked video the height is the whole frame.
 */
import { open } from 'node:fs/promises';
import { MaskoError } from '../errors.js';
import type { SourceFormat } from '../plan.js';
import { imageSize } from '../posters.js';
import { type Dims, ebmlDims } from './ebml.js';
import { isobmffDims } from './isobmff.js';

export type { Dims };

/** Tracks and the visual sample entry sit well inside the first 256 KiB of a WebM. */
const EBML_HEAD = 256 * 1024;

async function videoDims(path: string, format: Exclude<SourceFormat, 'png'>): Promise<Dims | undefined> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    if (format === 'webm') {
      const head = Buffer.alloc(Math.min(size, EBML_HEAD));
      await file.read(head, 0, head.length, 0);
      return ebmlDims(head);
    }
    return await isobmffDims(file, size);
  } finally {
    await file.close();
  }
}

/** The file's width and height; a file whose header gives none fails naming the file and what was expected. */
export async function probeDims(path: string, format: SourceFormat, what: string): Promise<Dims> {
  const dims = format === 'png' ? await imageSize(path) : await videoDims(path, format).catch(() => undefined);
  if (!dims?.width || !dims.height) {
    const expected = format === 'png' ? 'a PNG image' : format === 'webm' ? 'a WebM video with a video track' : 'an MP4/MOV video with a video track';
    throw new MaskoError('probe_failed', `${what}: expected ${expected}, but its header gives no frame size`);
  }
  return dims;
}
