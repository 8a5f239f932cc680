import { type MascotManifest, toManifest } from 'masko-manifest';
import { demoManifest } from './demo.js';
import { FIXTURES } from './fixtures.js';

/**
 * The emulator's demo canvas (test/fixtures/demo-canvas.json, a real Masko canvas export) as the
 * element reads it, with each clip's stacked-alpha files added from the emulator's demo.json: a
 * canvas export carries WebM and HEVC only, and the stacked path is the one WebKit takes.
 */
export async function demoCanvas(): Promise<MascotManifest> {
  const url = new URL(`${FIXTURES}demo-canvas.json`, location.href).href;
  const canvas = toManifest(await (await fetch(url, { signal: AbortSignal.timeout(10_000) })).json(), { baseUrl: url });
  const demo = await demoManifest();
  for (const [name, pose] of Object.entries(canvas.poses)) pose.media.stacked = demo.poses[name]!.media.stacked;
  for (const t of canvas.transitions) {
    if (t.media) t.media.stacked = demo.transitions.find((d) => d.from === t.from && d.to === t.to)!.media!.stacked;
  }
  return canvas;
}
