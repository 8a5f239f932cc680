import type { MascotManifest, Media, Pose, Transition } from 'masko-manifest';

/** The committed test clips (test/fixtures/make-fixtures.sh), served from the repo root. */
export const FIXTURES = '/packages/player/test/fixtures/';

const WEBM = 'video/webm; codecs="vp09.00.10.08"';
const STACKED = 'video/mp4; codecs="avc1.64000a"';
const HEVC = 'video/quicktime; codecs="hvc1.1.6.L93.B0"';

const media = (name: string, q: string): Media => ({
  webm: [64, 128].map((w) => ({ url: `${FIXTURES}${name}-${w}.webm${q}`, type: WEBM, width: w, height: w })),
  stacked: [64, 128].map((w) => ({ url: `${FIXTURES}${name}-stacked-${w}.mp4${q}`, type: STACKED, width: w, height: w * 2 })),
  // No decoder here makes HEVC alpha; present so that the choice has to skip it on non-Apple engines.
  hevc: [{ url: `${FIXTURES}missing.mov`, type: HEVC, width: 64, height: 64 }],
});

const pose = (name: string, q: string): Pose => ({
  loop: true,
  duration: 0.5,
  aspect: 1,
  poster: [64, 128].map((w) => ({ url: `${FIXTURES}${name}-${w}.png${q}`, type: 'image/png', width: w, height: w })),
  media: media(name, q),
});

const transition = (from: string, to: string, clip: string, q: string): Transition => ({ from, to, media: media(clip, q), conditions: [] });

/**
 * Two poses, Red and Blue, with a yellow Red→Blue and a magenta Blue→Red clip (or none).
 * `query` is appended to every URL so a test can tell its own requests apart.
 */
export function testManifest({ transitions = true, query = '' } = {}): MascotManifest {
  return {
    version: 1,
    name: 'Test Square',
    initial: 'Red',
    poses: { Red: pose('red', query), Blue: pose('blue', query) },
    transitions: transitions ? [transition('Red', 'Blue', 'red-blue', query), transition('Blue', 'Red', 'blue-red', query)] : [],
    inputs: [],
  };
}

/** Pose colours as RGB, for pixel asserts. */
export const COLOURS = { Red: [255, 0, 0], Blue: [0, 0, 255], yellow: [255, 255, 0], magenta: [255, 0, 255] } as const;
