// How different two decoded frames look: mean absolute difference of premultiplied RGBA
// (premultiplied, so the colour of fully transparent pixels does not count).
import type { Frame } from './video-frames.js';

export function meanDifference(a: Frame, b: Frame): number {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`frames differ in size: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  }
  let sum = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const alphaA = a.data[i + 3]! / 255;
    const alphaB = b.data[i + 3]! / 255;
    for (let c = 0; c < 3; c++) sum += Math.abs(a.data[i + c]! * alphaA - b.data[i + c]! * alphaB);
    sum += Math.abs(a.data[i + 3]! - b.data[i + 3]!);
  }
  return sum / a.data.length;
}
