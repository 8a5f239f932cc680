/**
 * Frame size of a PNG from its head: the signature, then every chunk before the first IDAT (IHDR first),
 * each with a matching CRC — what libvips (libspng) checks when sharp reads a PNG's metadata. Pure JS, so a
 * sync checks each downloaded PNG without loading sharp: only the posters need sharp.
 * Hand-written (about 40 lines): `image-size` reads IHDR's two numbers without checking a CRC, and a
 * decoder would read the whole image.
 */
import { crc32 } from 'node:zlib';
import type { Dims } from './ebml.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** IHDR's data: width, height, bit depth, colour type, compression, filter, interlace. */
const IHDR_LENGTH = 13;
/** Bit depths each colour type allows (PNG spec, 11.2.2). */
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
/** PNG's limit for lengths and dimensions. */
const MAX = 2 ** 31 - 1;

/** A PNG that is not a readable image: the message says what is wrong with it. */
export class PngHeadError extends Error {}

/**
 * The size IHDR gives, once every chunk before the first IDAT checks out; `undefined` when `head` ends
 * before that IDAT (read more of the file). Throws a `PngHeadError` naming the problem.
 */
export function pngDims(head: Buffer): Dims | undefined {
  if (!head.subarray(0, SIGNATURE.length).equals(SIGNATURE.subarray(0, head.length))) throw new PngHeadError('no PNG signature');
  let dims: Dims | undefined;
  for (let at = SIGNATURE.length; ; ) {
    if (at + 8 > head.length) return undefined;
    const length = head.readUInt32BE(at);
    const type = head.toString('latin1', at + 4, at + 8);
    if (!dims && type !== 'IHDR') throw new PngHeadError(`the first chunk is ${JSON.stringify(type)}, not IHDR`);
    if (type === 'IDAT') return dims; // the image data: what precedes it is the header
    if (type === 'IEND' || length > MAX) throw new PngHeadError(type === 'IEND' ? 'no image data' : `chunk ${JSON.stringify(type)} claims ${length} bytes`);
    const end = at + 8 + length + 4;
    if (end > head.length) return undefined;
    if (crc32(head.subarray(at + 4, end - 4)) !== head.readUInt32BE(end - 4)) throw new PngHeadError(`chunk ${JSON.stringify(type)} fails its CRC`);
    if (type === 'IHDR') {
      if (dims || length !== IHDR_LENGTH) throw new PngHeadError('a malformed IHDR');
      const width = head.readUInt32BE(at + 8);
      const height = head.readUInt32BE(at + 12);
      const [depth, colour, compression, filter, interlace] = head.subarray(at + 16, at + 21);
      if (!width || !height || width > MAX || height > MAX || !DEPTHS[colour!]?.includes(depth!) || compression || filter || interlace! > 1)
        throw new PngHeadError(`IHDR gives ${width}x${height}, bit depth ${depth}, colour type ${colour}, methods ${compression}/${filter}/${interlace}`);
      dims = { width, height };
    }
    at = end;
  }
}
