// File facts for the index: size, sha256 and the exact MIME/codecs string, read from the
// decoder configuration record inside the MP4/MOV (avcC / hvcC) rather than guessed.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { MIME } from 'masko-wire';
import type { FileMeta } from './demo-index.js';

/** What the contract fixes for every VP9 WebM (profile 0, level 1.0, 8 bit): masko-wire's codec string. */
export const WEBM_MIME = MIME.webm;
export const PNG_MIME = MIME.png;

const hex2 = (b: number): string => b.toString(16).toUpperCase().padStart(2, '0');

function boxPayload(data: Buffer, type: 'avcC' | 'hvcC', file: string): Buffer {
  const at = data.indexOf(type, 0, 'latin1');
  if (at < 0) throw new Error(`${file}: no ${type} box found; is it really ${type === 'avcC' ? 'H.264' : 'HEVC'}?`);
  return data.subarray(at + 4);
}

/** RFC 6381 string for H.264, e.g. avc1.64001F (profile, constraint flags, level). */
export function avcCodec(data: Buffer, file: string): string {
  const c = boxPayload(data, 'avcC', file);
  return `avc1.${hex2(c[1]!)}${hex2(c[2]!)}${hex2(c[3]!)}`;
}

const reverseBits32 = (v: number): number => {
  let r = 0;
  for (let i = 0; i < 32; i++) r = (r << 1) | ((v >>> i) & 1);
  return r >>> 0;
};

/** ISO/IEC 14496-15 Annex E string for HEVC, e.g. hvc1.1.6.L93.B0. */
export function hevcCodec(data: Buffer, file: string): string {
  const c = boxPayload(data, 'hvcC', file);
  const space = ['', 'A', 'B', 'C'][c[1]! >> 6]!;
  const tier = (c[1]! >> 5) & 1 ? 'H' : 'L';
  const profile = c[1]! & 0x1f;
  const compat = reverseBits32(c.readUInt32BE(2)).toString(16).toUpperCase();
  const constraints = [...c.subarray(6, 12)];
  while (constraints.length > 0 && constraints[constraints.length - 1] === 0) constraints.pop();
  const level = c[12]!;
  return ['hvc1', `${space}${profile}`, compat, `${tier}${level}`, ...constraints.map((b) => b.toString(16).toUpperCase())].join('.');
}

export type Container = 'webm' | 'mp4' | 'mov' | 'png';

export async function describeFile(path: string, container: Container, width: number, height: number): Promise<FileMeta> {
  const data = await readFile(path);
  const mime = container === 'webm' ? WEBM_MIME
    : container === 'png' ? PNG_MIME
      : container === 'mp4' ? `video/mp4; codecs="${avcCodec(data, path)}"`
        : `video/quicktime; codecs="${hevcCodec(data, path)}"`;
  return { width, height, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex'), mime };
}
