/**
 * Frame size of a WebM/Matroska file from its EBML header: Segment > Tracks > TrackEntry > Video >
 * PixelWidth/PixelHeight. Only the head of the file is read (Tracks precede the Clusters).
 * Hand-written (about 50 lines): npm's `ebml` is a streaming decoder on the unmaintained `buffers@0.1`,
 * and the media parsers that know Matroska (music-metadata, @remotion/media-parser) are far larger than
 * the two numbers we need.
 */
export type Dims = { width: number; height: number };

const SEGMENT = 0x18538067;
const TRACKS = 0x1654ae6b;
const TRACK_ENTRY = 0xae;
const VIDEO = 0xe0;
const PIXEL_WIDTH = 0xb0;
const PIXEL_HEIGHT = 0xba;
const CLUSTER = 0x1f43b675;

/** A variable-length integer at `at`: its length, its value with the marker bit (ids) or without (sizes). */
function vint(buf: Uint8Array, at: number, keepMarker: boolean): { length: number; value: number } | undefined {
  const first = buf[at];
  if (first === undefined || first === 0) return undefined;
  const length = Math.clz32(first) - 23;
  if (at + length > buf.length) return undefined;
  let value = keepMarker ? first : first & (0xff >> length);
  let unknown = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + buf[at + i]!;
    if (buf[at + i] !== 0xff) unknown = false;
  }
  return { length, value: !keepMarker && unknown ? Infinity : value };
}

const uint = (buf: Uint8Array, at: number, size: number): number => {
  let v = 0;
  for (let i = 0; i < size; i++) v = v * 256 + buf[at + i]!;
  return v;
};

/** Walks the elements in [start, end); descends into the masters we need. */
function walk(buf: Uint8Array, start: number, end: number, found: Partial<Dims>): void {
  for (let at = start; at < end && found.height === undefined; ) {
    const id = vint(buf, at, true);
    const size = id && vint(buf, at + id.length, false);
    if (!id || !size) return;
    const body = at + id.length + size.length;
    const stop = Math.min(end, size.value === Infinity ? buf.length : body + size.value);
    if (id.value === CLUSTER) return;
    if (id.value === SEGMENT || id.value === TRACKS || id.value === TRACK_ENTRY || id.value === VIDEO) walk(buf, body, stop, found);
    else if (id.value === PIXEL_WIDTH) found.width = uint(buf, body, size.value);
    else if (id.value === PIXEL_HEIGHT) found.height = uint(buf, body, size.value);
    at = stop;
  }
}

/** The first video track's pixel size, or undefined when the head holds none. */
export function ebmlDims(head: Uint8Array): Dims | undefined {
  const found: Partial<Dims> = {};
  walk(head, 0, head.length, found);
  return found.width && found.height ? { width: found.width, height: found.height } : undefined;
}
