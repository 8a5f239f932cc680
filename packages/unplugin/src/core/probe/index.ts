/**
 * Pixel size of a downloaded file, read from the file itself: PNG (its checked head), WebM (EBML) and
 * MP4/MOV (ISO-BMFF). For a stacked video the height is the whole frame.
 */
import { type FileHandle, open } from 'node:fs/promises';
import { MaskoError } from '../errors.js';
import type { SourceFormat } from '../plan.js';
import { type Dims, ebmlDims } from './ebml.js';
import { isobmffDims } from './isobmff.js';
import { PngHeadError, pngDims } from './png.js';

export type { Dims };
export { PngHeadError };

/** Tracks and the visual sample entry sit well inside the first 256 KiB of a WebM. */
const EBML_HEAD = 256 * 1024;
/** A PNG's chunks before its image data (IHDR, palette, colour profile, text) usually fit in 64 KiB. */
const PNG_HEAD = 64 * 1024;

async function readHead(file: FileHandle, length: number): Promise<Buffer> {
  const head = Buffer.alloc(length);
  const { bytesRead } = await file.read(head, 0, length, 0);
  return head.subarray(0, bytesRead);
}

/** A PNG's size from its head (read further when the chunks before the image data are longer); throws `PngHeadError`. */
export async function pngFileDims(path: string): Promise<Dims> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const dims = pngDims(await readHead(file, Math.min(size, PNG_HEAD))) ?? (size > PNG_HEAD ? pngDims(await readHead(file, size)) : undefined);
    if (!dims) throw new PngHeadError('the file ends before its image data');
    return dims;
  } finally {
    await file.close();
  }
}

async function videoDims(path: string, format: Exclude<SourceFormat, 'png'>): Promise<Dims | undefined> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    if (format === 'webm') return ebmlDims(await readHead(file, Math.min(size, EBML_HEAD)));
    return await isobmffDims(file, size);
  } finally {
    await file.close();
  }
}

/** The file's width and height; a file whose header gives none fails naming the file and what was expected. */
export async function probeDims(path: string, format: SourceFormat, what: string): Promise<Dims> {
  const dims = await (format === 'png' ? pngFileDims(path) : videoDims(path, format)).catch(() => undefined);
  if (!dims?.width || !dims.height) {
    const expected = format === 'png' ? 'a PNG image' : format === 'webm' ? 'a WebM video with a video track' : 'an MP4/MOV video with a video track';
    throw new MaskoError('probe_failed', `${what}: expected ${expected}, but its header gives no frame size`);
  }
  return dims;
}
