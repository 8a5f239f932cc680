// The shape of media/demo.json is declared once, by the emulator that reads it (src/media/media.ts). What
// this script writes is stricter than what the emulator accepts: every clip lists its files' facts,
// and every file has its digest.
import type { FileMeta as ReadFileMeta, MediaClip, MediaIndex } from '../../src/media/media.js';

export type { AssetType } from 'masko-wire';
export type FileMeta = Required<ReadFileMeta>;
export interface DemoClip extends MediaClip { meta: Record<string, FileMeta> }
export interface DemoIndex extends MediaIndex { clips: DemoClip[] }

/** Sorts an object's keys so the JSON diff stays small between runs. */
export function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
