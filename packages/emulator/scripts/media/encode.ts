// ffmpeg recipes for the demo media; each recipe says why its flags.
// Metadata is stripped and muxers run bit-exact, so reruns differ only if the encoders changed.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { FRAME_PATTERN } from './render.js';

const run = promisify(execFile);

/** BT.709, limited range, tagged: Chromium and Firefox then agree on the colours. */
const BT709_TAGS = ['-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv'];
const TO_BT709 = 'scale=out_color_matrix=bt709:out_range=tv,format=yuv420p';

export interface EncodeQuality {
  /** libvpx-vp9 CRF (lower = better, bigger). */
  webmCrf: number;
  /** libx264 CRF for stacked and opaque MP4s. */
  h264Crf: number;
  /** libx265 CRF for the HEVC .mov. */
  hevcCrf: number;
}

async function ffmpeg(fps: number, framesDir: string, out: string, args: string[]): Promise<void> {
  const input = ['-hide_banner', '-loglevel', 'error', '-y', '-framerate', String(fps), '-i', join(framesDir, FRAME_PATTERN)];
  const common = ['-an', '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact'];
  try {
    await run('ffmpeg', [...input, ...args, ...common, out], { maxBuffer: 16 << 20 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`ffmpeg failed writing ${out}: ${stderr.trim() || String(error)}`);
  }
}

/** VP9 with an alpha side channel (`alpha_mode=1`); no alt-ref frames, which break alpha. */
export const encodeWebm = (fps: number, frames: string, out: string, q: EncodeQuality): Promise<void> =>
  ffmpeg(fps, frames, out, ['-c:v', 'libvpx-vp9', '-pix_fmt', 'yuva420p', '-b:v', '0', '-crf', String(q.webmCrf),
    '-row-mt', '1', '-deadline', 'good', '-cpu-used', '2', '-auto-alt-ref', '0', '-g', String(fps * 2)]);

/** H.264 twice as tall: colour on top, alpha (as luma) below; small GOP so seeks are cheap. */
export const encodeStacked = (fps: number, frames: string, out: string, q: EncodeQuality): Promise<void> =>
  ffmpeg(fps, frames, out, ['-filter_complex', `[0:v]format=rgba,split[c][a];[a]alphaextract[al];[c][al]vstack,${TO_BT709}`,
    '-c:v', 'libx264', '-preset', 'slow', '-profile:v', 'high', '-crf', String(q.h264Crf), '-g', '12',
    ...BT709_TAGS, '-movflags', '+faststart']);

/** Where a clip without alpha puts the fox: on a plain background of this size. */
export interface Backdrop { color: string; width: number; height: number }

const overBackdrop = (fps: number, b: Backdrop): string =>
  `color=c=${b.color}:s=${b.width}x${b.height}:r=${fps}[bg];[bg][0:v]overlay=shortest=1:format=auto,${TO_BT709}`;

/**
 * HEVC (hvc1) in QuickTime, flattened on the background colour: NO alpha. x265 3.5 (Debian 12's)
 * has no alpha layer support and ffmpeg silently drops yuva to yuv420p; Apple's HEVC-with-alpha
 * needs x265 >= 4.0 or VideoToolbox, neither of which is on our machines.
 */
export const encodeHevc = (fps: number, frames: string, out: string, backdrop: Backdrop, q: EncodeQuality): Promise<void> =>
  ffmpeg(fps, frames, out, ['-filter_complex', overBackdrop(fps, backdrop), '-c:v', 'libx265', '-tag:v', 'hvc1',
    '-preset', 'medium', '-crf', String(q.hevcCrf), '-x265-params', `log-level=error:keyint=${fps * 2}`, ...BT709_TAGS]);

/** Plain H.264 on the background colour, for players without any alpha path. */
export const encodeOpaqueMp4 = (fps: number, frames: string, out: string, backdrop: Backdrop, q: EncodeQuality): Promise<void> =>
  ffmpeg(fps, frames, out, ['-filter_complex', overBackdrop(fps, backdrop), '-c:v', 'libx264', '-preset', 'slow',
    '-profile:v', 'high', '-crf', String(q.h264Crf), '-g', String(fps), ...BT709_TAGS, '-movflags', '+faststart']);
