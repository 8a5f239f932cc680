import type { Variant } from 'masko-manifest';

/** Default cap on devicePixelRatio: sharper than 2x is rarely visible on a mascot and costs bytes. */
export const DEFAULT_DPR_CAP = 2;

/**
 * Size choice: the smallest variant at least `cssWidth × min(dpr, dprCap)` pixels wide, else the
 * largest there is. With `atLeast` (the width already playing) it never picks a narrower
 * variant: a resize may upgrade, never downgrade mid-play. Pure; the list need not be sorted.
 *
 * The loop repeats masko-manifest's `pickVariant` on purpose: importing it statically makes the
 * standalone build move the whole masko-manifest module (validator, converter) into a chunk the
 * core loads at once (measured: +0.2 KB on the core, and 4.9 KB gzipped fetched up front).
 */
export function chooseVariant<V extends Variant>(
  variants: readonly V[] | undefined,
  cssWidth: number,
  dpr: number,
  { dprCap = DEFAULT_DPR_CAP, atLeast = 0 }: { dprCap?: number; atLeast?: number } = {},
): V | undefined {
  const needed = Math.max(Math.ceil(cssWidth * Math.min(dpr || 1, dprCap)), atLeast);
  let fit: V | undefined;
  let largest: V | undefined;
  for (const variant of variants ?? []) {
    if (!largest || variant.width > largest.width) largest = variant;
    if (variant.width >= needed && (!fit || variant.width < fit.width)) fit = variant;
  }
  return fit ?? largest;
}
