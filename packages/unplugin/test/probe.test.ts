// Frame sizes read from files by our small EBML and ISO-BMFF readers, against files ffmpeg makes here
// (odd, non-square sizes; moov at the end and at the front; WebM and Matroska; MOV), and a file that is none.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'pathe';
import { afterAll, describe, expect, it } from 'vitest';
import { probeDims } from '../src/core/probe/index.js';

const dir = mkdtempSync(join(tmpdir(), 'masko-probe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function encode(name: string, size: string, args: string[]): string {
  const out = join(dir, name);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `color=c=red:s=${size}:d=0.2:r=10`, ...args, out]);
  return out;
}

describe('probeDims', () => {
  it('reads WebM (VP9) and Matroska frame sizes', async () => {
    expect(await probeDims(encode('a.webm', '130x74', ['-c:v', 'libvpx-vp9', '-b:v', '50k']), 'webm', 'a.webm')).toEqual({ width: 130, height: 74 });
    expect(await probeDims(encode('b.mkv', '66x202', ['-c:v', 'libvpx-vp9', '-b:v', '50k']), 'webm', 'b.mkv')).toEqual({ width: 66, height: 202 });
  });

  it('reads MP4 with moov after mdat and with moov first, and MOV', async () => {
    expect(await probeDims(encode('c.mp4', '98x54', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p']), 'stacked', 'c.mp4')).toEqual({ width: 98, height: 54 });
    expect(await probeDims(encode('d.mp4', '200x112', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart']), 'stacked', 'd.mp4')).toEqual({
      width: 200,
      height: 112,
    });
    expect(await probeDims(encode('e.mov', '64x96', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p']), 'hevc', 'e.mov')).toEqual({ width: 64, height: 96 });
  });

  it('fails naming the file when its header gives no frame size', async () => {
    const junk = join(dir, 'junk.webm');
    writeFileSync(junk, Buffer.alloc(4096, 7));
    await expect(probeDims(junk, 'webm', 'asset a1 (webm)')).rejects.toThrow(
      /^\[masko\] asset a1 \(webm\): expected a WebM video with a video track, but its header gives no frame size$/,
    );
    await expect(probeDims(junk, 'hevc', 'asset a2 (hevc)')).rejects.toThrow(/asset a2 \(hevc\): expected an MP4\/MOV video/);
  });
});
