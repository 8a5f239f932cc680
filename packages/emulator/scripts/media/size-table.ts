// A per-clip table of committed bytes by asset type, printed after every run.
import type { AssetType, DemoIndex } from './demo-index.js';

const COLUMNS: AssetType[] = ['webm', 'stacked_video', 'hevc', 'video', 'transparent_image', 'image'];
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

export function totalBytes(index: DemoIndex): number {
  return index.clips.reduce((sum, c) => sum + Object.values(c.meta).reduce((s, m) => s + m.bytes, 0), 0);
}

export function sizeTable(index: DemoIndex): string {
  const rows = [['clip', ...COLUMNS, 'total']];
  const sums = new Map<string, number>();
  for (const clip of index.clips) {
    const row = [clip.slug];
    let clipTotal = 0;
    for (const type of COLUMNS) {
      const bytes = Object.values(clip.files[type] ?? {}).reduce((s, f) => s + clip.meta[f]!.bytes, 0);
      sums.set(type, (sums.get(type) ?? 0) + bytes);
      clipTotal += bytes;
      row.push(bytes ? kb(bytes) : '-');
    }
    row.push(kb(clipTotal));
    rows.push(row);
  }
  rows.push(['all', ...COLUMNS.map((t) => kb(sums.get(t) ?? 0)), kb(totalBytes(index))]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}
