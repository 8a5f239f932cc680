// Checks the encoded media the way a browser will see it. ffmpeg's native VP9 decoder drops
// the alpha side channel, so the WebM is decoded with libvpx-vp9 explicitly.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** First frame of a VP9+alpha WebM as straight RGBA bytes. */
export async function decodeWebmFrame(file: string): Promise<Buffer> {
  const { stdout } = await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-c:v', 'libvpx-vp9', '-i', file,
    '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'], { encoding: 'buffer', maxBuffer: 64 << 20 });
  return stdout;
}

/** A point in artwork space (0..1 of width/height) and the alpha expected there. */
export interface AlphaProbe { name: string; x: number; y: number; alpha: 0 | 255 }

/** Throws unless every probe's alpha is within `tolerance` of what it expects. */
export async function verifyWebmAlpha(file: string, width: number, height: number, probes: AlphaProbe[], tolerance = 2): Promise<void> {
  const rgba = await decodeWebmFrame(file);
  if (rgba.length !== width * height * 4) {
    throw new Error(`${file}: decoded ${rgba.length} bytes, expected ${width}x${height} RGBA (${width * height * 4})`);
  }
  for (const p of probes) {
    const x = Math.round(p.x * (width - 1));
    const y = Math.round(p.y * (height - 1));
    const alpha = rgba[(y * width + x) * 4 + 3]!;
    if (Math.abs(alpha - p.alpha) > tolerance) {
      throw new Error(`${file}: alpha at ${p.name} (${x},${y}) is ${alpha}, expected ${p.alpha}; was the alpha channel lost?`);
    }
  }
}
