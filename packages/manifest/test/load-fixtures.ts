import { readFileSync } from 'node:fs';
import type { MascotManifest } from '../src/index.js';

/** A real Masko canvas export from test/fixtures (parsed fresh each call, so tests may mutate it). */
export function loadExport(name: 'maya' | 'masko' | 'otto'): Record<string, any> {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));
}

/** A small valid manifest with two poses and one transition. */
export function sampleManifest(): MascotManifest {
  const variant = (url: string, width: number) => ({ url, type: 'video/webm; codecs="vp09.00.10.08"', width, height: width });
  return {
    version: 1,
    name: 'Felix',
    initial: 'Idle',
    poses: {
      Idle: {
        loop: true,
        duration: 4,
        aspect: 1,
        poster: [{ url: '/idle.png', type: 'image/png', width: 360, height: 360 }],
        media: { webm: [variant('/idle-360.webm', 360), variant('https://cdn.example/idle-720.webm', 720)] },
      },
      Wave: { loop: false, aspect: 1, poster: [], media: {} },
    },
    transitions: [{ from: 'Idle', to: 'Wave', media: { webm: [variant('idle-wave.webm', 360)] }, conditions: [{ input: 'wave', op: '==', value: true }] }],
    inputs: [{ name: 'wave', type: 'trigger' }],
  };
}
