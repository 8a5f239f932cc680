// Frame sizes read from files by our small EBML, ISO-BMFF and PNG readers, against files ffmpeg makes here
// (odd, non-square sizes; moov at the end and at the front; WebM and Matroska; MOV; PNG with a long chunk
// before its image data), and files that are none or are damaged.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { crc32 } from 'node:zlib';
import { join } from 'pathe';
import { afterAll, describe, expect, it } from 'vitest';
import { pngFileDims, probeDims } from '../src/core/probe/index.js';

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

  describe('PNG', () => {
    const png = encode('f.png', '90x34', ['-frames:v', '1', '-pix_fmt', 'rgba']);
    const bytes = readFileSync(png);
    /** A copy of the PNG with `chunk` (type + data, its CRC computed) inserted after IHDR (8 + 25 bytes). */
    const withChunk = (type: string, data: Buffer): Buffer => {
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const head = Buffer.alloc(4);
      head.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(body));
      return Buffer.concat([bytes.subarray(0, 33), head, body, crc, bytes.subarray(33)]);
    };
    const file = (name: string, content: Buffer): string => {
      writeFileSync(join(dir, name), content);
      return join(dir, name);
    };

    it('reads the size IHDR gives, also past a chunk longer than the first read before the image data', async () => {
      expect(await probeDims(png, 'png', 'f.png')).toEqual({ width: 90, height: 34 });
      expect(await pngFileDims(file('long.png', withChunk('tEXt', Buffer.alloc(100_000, 0x61))))).toEqual({ width: 90, height: 34 });
    });

    it('refuses a file that is not a PNG, a damaged chunk before the image data, and a file cut short, saying which', async () => {
      await expect(pngFileDims(file('webm.png', readFileSync(encode('g.webm', '16x16', ['-c:v', 'libvpx-vp9']))))).rejects.toThrow(/^no PNG signature$/);
      const damaged = withChunk('tEXt', Buffer.from('Comment\0hello'));
      damaged.writeUInt8(damaged.readUInt8(45) ^ 1, 45); // a byte of the tEXt data: its CRC no longer matches
      await expect(pngFileDims(file('crc.png', damaged))).rejects.toThrow(/^chunk "tEXt" fails its CRC$/);
      await expect(pngFileDims(file('cut.png', bytes.subarray(0, 30)))).rejects.toThrow(/^the file ends before its image data$/);
      await expect(probeDims(join(dir, 'cut.png'), 'png', 'asset a3 (transparent_image)')).rejects.toThrow(
        /^\[masko\] asset a3 \(transparent_image\): expected a PNG image, but its header gives no frame size$/,
      );
    });
  });
});
