import type { MascotManifest, Variant } from './types.js';

/**
 * The variant to load for a rendered width: the smallest whose `width` ≥ `minWidth`, else the
 * largest there is (better a little blurry than nothing). `undefined` for an empty list.
 * The list need not be sorted.
 */
export function pickVariant<V extends Variant>(variants: readonly V[] | undefined, minWidth: number): V | undefined {
  let fit: V | undefined;
  let largest: V | undefined;
  for (const variant of variants ?? []) {
    if (!largest || variant.width > largest.width) largest = variant;
    if (variant.width >= minWidth && (!fit || variant.width < fit.width)) fit = variant;
  }
  return fit ?? largest;
}

/** The pose names of a manifest, in its key order. */
export function poseNames<P extends string>(manifest: MascotManifest<P, string>): P[] {
  return Object.keys(manifest.poses) as P[];
}
