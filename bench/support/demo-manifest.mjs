// The emulator's demo mascot (packages/emulator/media/demo.json) as a player manifest whose URLs point
// at the repo-root static server, so browser benchmarks play the real demo media without a build.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const MEDIA_DIR = fileURLToPath(new URL('../../packages/emulator/media/', import.meta.url));
export const MEDIA_URL = '/packages/emulator/media/';
export const demoIndex = () => JSON.parse(readFileSync(`${MEDIA_DIR}demo.json`, 'utf8'));

const FORMATS = { webm: 'webm', hevc: 'hevc', stacked: 'stacked_video' };

function variants(clip, type, query) {
  return Object.values(clip.files[type] ?? {})
    .map((file) => {
      const meta = clip.meta[file];
      return { url: `${MEDIA_URL}${file}${query}`, type: meta.mime, width: meta.width, height: meta.height, bytes: meta.bytes };
    })
    .sort((a, b) => a.width - b.width);
}

function media(clip, query) {
  return Object.fromEntries(Object.entries(FORMATS).map(([format, type]) => [format, variants(clip, type, query)]));
}

/**
 * The manifest. `transitions: false` drops the transition clips (goTo then cuts straight to the
 * pose); `query` is appended to every URL (a unique one defeats the HTTP cache).
 */
export function demoManifest({ transitions = true, query = '' } = {}) {
  const index = demoIndex();
  const poses = {};
  for (const clip of index.clips.filter((c) => c.kind === 'pose')) {
    poses[clip.pose] = {
      loop: clip.loop,
      duration: clip.duration,
      aspect: index.width / index.height,
      poster: variants(clip, 'transparent_image', query),
      media: media(clip, query),
    };
  }
  const clips = transitions ? index.clips.filter((c) => c.kind === 'transition') : [];
  return {
    version: 1,
    name: index.character,
    initial: 'Idle',
    poses,
    inputs: [],
    transitions: clips.map((clip) => ({ from: clip.from, to: clip.to, duration: clip.duration, media: media(clip, query), conditions: [] })),
  };
}
