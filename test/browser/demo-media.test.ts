// The demo mascot media plays with its transparency intact in real browsers: VP9+alpha WebM read
// through a 2D canvas and WebGL2, and the stacked-alpha MP4 composited in 2D and in a shader.
import { expect } from '@open-wc/testing';
import { compositeStacked, type Frame, grabFrame, loadVideo, pixel, type Rgba, release, seek } from './helpers/video-frames.js';
import { readThroughWebGL } from './helpers/webgl-frames.js';

const MEDIA = '/packages/emulator/media';
const CREAM: [number, number, number] = [0xff, 0xf6, 0xea]; // Felix's belly
const COLOUR_TOLERANCE = 16;
const SEEK_TO = 1; // seconds: mid-loop, away from the keyframe at 0

interface DemoIndex {
  width: number;
  sizes: number[];
  clips: { slug: string; files: Record<string, Record<string, string>> }[];
}

/** Probe points in artwork fractions, the same the draw script checks. */
const CORNER = { x: 0, y: 0 };
const BELLY = { x: 0.5, y: 0.76 };
const SHADOW = { x: 0.5, y: 0.948 }; // the soft ground shadow: alpha about 0.2

function at(frame: Frame, p: { x: number; y: number }): Rgba {
  return pixel(frame, Math.round(p.x * (frame.width - 1)), Math.round(p.y * (frame.height - 1)));
}

function expectNear(actual: number[], expected: number[], tolerance: number, what: string): void {
  const off = actual.some((v, i) => Math.abs(v - expected[i]!) > tolerance);
  expect(off, `${what}: got [${actual.join(',')}], expected [${expected.join(',')}] ±${tolerance}`).to.equal(false);
}

/** The alpha facts every decoded demo frame must show, whatever the path. */
function expectFelixAlpha(frame: Frame, what: string, checkColour = true): void {
  expect(at(frame, CORNER)[3], `${what}: alpha at the transparent corner`).to.be.at.most(2);
  const belly = at(frame, BELLY);
  expect(belly[3], `${what}: alpha on the belly`).to.be.at.least(253);
  if (checkColour) expectNear(belly.slice(0, 3), CREAM, COLOUR_TOLERANCE, `${what}: belly colour`);
  const shadow = at(frame, SHADOW)[3];
  expect(shadow, `${what}: partial alpha in the ground shadow`).to.be.within(25, 80);
}

let index: DemoIndex;
const fileOf = (type: string, width: string): string => {
  const name = index.clips.find((c) => c.slug === 'idle')?.files[type]?.[width];
  if (!name) throw new Error(`demo.json has no idle ${type} at width ${width}`);
  return `${MEDIA}/${name}`;
};

before(async () => {
  const response = await fetch(`${MEDIA}/demo.json`);
  expect(response.ok, 'demo.json is served').to.equal(true);
  index = (await response.json()) as DemoIndex;
});

describe('demo media: VP9+alpha WebM', () => {
  for (const width of ['480', '160']) {
    it(`should keep alpha 0 around Felix and 255 on him through a 2D canvas (${width} px)`, async () => {
      const video = await loadVideo(fileOf('webm', width));
      try {
        expect(video.videoWidth).to.equal(Number(width));
        await seek(video, SEEK_TO);
        expectFelixAlpha(grabFrame(video), `webm ${width}`);
      } finally {
        release(video);
      }
    });
  }

  it('should keep alpha through WebGL2 texImage2D + readPixels', async () => {
    const video = await loadVideo(fileOf('webm', '480'));
    try {
      await seek(video, SEEK_TO);
      // Firefox uploads premultiplied RGB, so only alpha is compared here (colour: 2D path above).
      expectFelixAlpha(readThroughWebGL(video, false), 'webm via WebGL2', false);
    } finally {
      release(video);
    }
  });
});

describe('demo media: stacked-alpha H.264 MP4', () => {
  it('should be twice as tall as the artwork, colour on top and alpha below', async () => {
    const video = await loadVideo(fileOf('stacked_video', '480'));
    try {
      expect([video.videoWidth, video.videoHeight]).to.deep.equal([index.width, index.width * 2]);
      await seek(video, SEEK_TO);
      const stacked = grabFrame(video);
      // Both halves are opaque video; the bottom one is grey: white where Felix is.
      expectNear(at(stacked, { x: 0.5, y: 0.5 + BELLY.y / 2 }).slice(0, 3), [255, 255, 255], COLOUR_TOLERANCE, 'alpha half under the belly');
      expectNear(at(stacked, { x: 0, y: 0.5 }).slice(0, 3), [0, 0, 0], COLOUR_TOLERANCE, 'alpha half at the corner');
    } finally {
      release(video);
    }
  });

  for (const width of ['480', '160']) {
    it(`should composite to Felix with transparency in a 2D canvas (${width} px)`, async () => {
      const video = await loadVideo(fileOf('stacked_video', width));
      try {
        await seek(video, SEEK_TO);
        expectFelixAlpha(compositeStacked(grabFrame(video)), `stacked ${width} (2D)`);
      } finally {
        release(video);
      }
    });
  }

  it('should composite to Felix with transparency in a WebGL2 shader, matching the 2D result', async () => {
    const video = await loadVideo(fileOf('stacked_video', '480'));
    try {
      await seek(video, SEEK_TO);
      const gl = readThroughWebGL(video, true);
      expectFelixAlpha(gl, 'stacked via WebGL2');
      const flat = compositeStacked(grabFrame(video));
      expectNear(at(gl, BELLY), at(flat, BELLY), COLOUR_TOLERANCE, 'WebGL2 vs 2D on the belly');
      expectNear(at(gl, SHADOW), at(flat, SHADOW), COLOUR_TOLERANCE, 'WebGL2 vs 2D in the shadow');
    } finally {
      release(video);
    }
  });
});
