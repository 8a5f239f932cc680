// The shape of media/demo.json: the contract between this script and the emulator.
import type { FileMeta } from './probe.js';

export type AssetType = 'image' | 'transparent_image' | 'video' | 'webm' | 'hevc' | 'stacked_video';

export interface DemoClip {
  slug: string;
  kind: 'pose' | 'transition';
  pose?: string;
  from?: string;
  to?: string;
  loop: boolean;
  /** Seconds. */
  duration: number;
  /** Asset type -> width as a string ("480" = the original) -> file name under media/. */
  files: Partial<Record<AssetType, Record<string, string>>>;
  /** File name -> facts about the file. */
  meta: Record<string, FileMeta>;
}

export interface DemoIndex {
  character: string;
  prompt: string;
  width: number;
  height: number;
  /** Size-variant widths, smaller than the original. */
  sizes: number[];
  fps: number;
  clips: DemoClip[];
}

/** Sorts an object's keys so the JSON diff stays small between runs. */
export function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
