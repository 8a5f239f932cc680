/**
 * Frame size of an MP4/MOV (ISO-BMFF / QuickTime) file: the first video track's visual sample entry
 * (moov > trak > mdia > minf > stbl > stsd), whose width and height are the coded frame size. Box headers
 * are read by seeking, so only `moov` is loaded, wherever it sits (front or back of the file).
 * Hand-written (about 50 lines): `mp4box` is GPAC's whole toolkit and `codem-isoboxer` an untyped
 * CommonJS parser of every box; we need two 16-bit numbers.
 */
import type { FileHandle } from 'node:fs/promises';
import type { Dims } from './ebml.js';

const CONTAINERS = new Set(['trak', 'mdia', 'minf', 'stbl']);

async function read(file: FileHandle, at: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await file.read(buf, 0, length, at);
  return buf.subarray(0, bytesRead);
}

/** Top-level `moov`, found by hopping over box headers. */
async function findMoov(file: FileHandle, fileSize: number): Promise<Buffer | undefined> {
  for (let at = 0; at + 8 <= fileSize; ) {
    const head = await read(file, at, 16);
    let size = head.readUInt32BE(0);
    let header = 8;
    if (size === 1 && head.length >= 16) {
      size = Number(head.readBigUInt64BE(8));
      header = 16;
    } else if (size === 0) size = fileSize - at;
    if (size < header) return undefined;
    if (head.toString('latin1', 4, 8) === 'moov') return read(file, at + header, size - header);
    at += size;
  }
  return undefined;
}

function* boxes(buf: Buffer, start: number, end: number): Generator<{ type: string; body: number; end: number }> {
  for (let at = start; at + 8 <= end; ) {
    const size = buf.readUInt32BE(at);
    if (size < 8 || at + size > end) return;
    yield { type: buf.toString('latin1', at + 4, at + 8), body: at + 8, end: at + size };
    at += size;
  }
}

/** In a `trak`: whether a handler says `vide`, and its first sample entry's width and height. */
function trackDims(moov: Buffer, start: number, end: number, seen: { video?: boolean; dims?: Dims }): void {
  for (const box of boxes(moov, start, end)) {
    // QuickTime also has a data-handler `hdlr` under `minf` ('alis'): only 'vide' decides.
    if (box.type === 'hdlr') seen.video ||= moov.toString('latin1', box.body + 8, box.body + 12) === 'vide';
    else if (box.type === 'stsd' && box.end - box.body >= 8 + 36) {
      const entry = box.body + 8; // version/flags, entry_count
      seen.dims = { width: moov.readUInt16BE(entry + 32), height: moov.readUInt16BE(entry + 34) };
    } else if (CONTAINERS.has(box.type)) trackDims(moov, box.body, box.end, seen);
  }
}

export async function isobmffDims(file: FileHandle, fileSize: number): Promise<Dims | undefined> {
  const moov = await findMoov(file, fileSize);
  if (!moov) return undefined;
  for (const box of boxes(moov, 0, moov.length)) {
    if (box.type !== 'trak') continue;
    const seen: { video?: boolean; dims?: Dims } = {};
    trackDims(moov, box.body, box.end, seen);
    if (seen.video && seen.dims?.width && seen.dims.height) return seen.dims;
  }
  return undefined;
}
