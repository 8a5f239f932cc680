// The other demo formats as a browser sees them: transparent PNG posters, the opaque PNG and
// H.264 on the background colour, the opaque HEVC .mov, and the MIME strings in demo.json.
import { expect } from '@open-wc/testing';
import { type Frame, grabFrame, loadVideo, pixel, type Rgba, release, seek } from './helpers/video-frames.js';

const MEDIA = '/packages/emulator/media';
const BACKGROUND: [number, number, number] = [0xe8, 0xf1, 0xfa];
const TOLERANCE = 16;

interface Meta {
  width: number;
  height: number;
  mime: string;
}
interface Clip {
  slug: string;
  files: Record<string, Record<string, string>>;
  meta: Record<string, Meta>;
}
interface DemoIndex {
  width: number;
  clips: Clip[];
}

let index: DemoIndex;
let idle: Clip;
const url = (type: string, width = String(index.width)): string => `${MEDIA}/${idle.files[type]![width]}`;
const mimeOf = (type: string): string => idle.meta[idle.files[type]![String(index.width)]!]!.mime;
const at = (f: Frame, x: number, y: number): Rgba => pixel(f, Math.round(x * (f.width - 1)), Math.round(y * (f.height - 1)));

function expectNear(actual: number[], expected: number[], what: string): void {
  const off = actual.some((v, i) => Math.abs(v - expected[i]!) > TOLERANCE);
  expect(off, `${what}: got [${actual.join(',')}], expected [${expected.join(',')}] ±${TOLERANCE}`).to.equal(false);
}

async function imageFrame(src: string): Promise<Frame> {
  const img = new Image();
  img.src = src;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(img, 0, 0);
  return { width: canvas.width, height: canvas.height, data: ctx.getImageData(0, 0, canvas.width, canvas.height).data };
}

async function videoFrame(src: string): Promise<Frame> {
  const video = await loadVideo(src);
  try {
    await seek(video, 1);
    return grabFrame(video);
  } finally {
    release(video);
  }
}

/** Opaque everywhere, the background colour in the corner, Felix's cream belly in the middle. */
function expectOpaqueFelix(frame: Frame, what: string): void {
  expect(at(frame, 0, 0)[3], `${what}: corner alpha`).to.equal(255);
  expectNear(at(frame, 0, 0).slice(0, 3), BACKGROUND, `${what}: corner colour`);
  expectNear(at(frame, 0.5, 0.76).slice(0, 3), [0xff, 0xf6, 0xea], `${what}: belly colour`);
}

before(async () => {
  index = (await (await fetch(`${MEDIA}/demo.json`)).json()) as DemoIndex;
  idle = index.clips.find((c) => c.slug === 'idle')!;
});

describe('demo media: stills and opaque formats', () => {
  for (const width of ['480', '160']) {
    it(`should have a transparent poster with Felix opaque on it (${width} px)`, async () => {
      const frame = await imageFrame(url('transparent_image', width));
      expect(frame.width).to.equal(Number(width));
      expect(at(frame, 0, 0)[3], 'corner alpha').to.equal(0);
      expect(at(frame, 0.5, 0.76)[3], 'belly alpha').to.equal(255);
      const shadow = at(frame, 0.5, 0.948)[3];
      expect(shadow, 'ground shadow is partly transparent').to.be.within(25, 80);
    });
  }

  it('should have an opaque PNG on the background colour', async () => {
    expectOpaqueFelix(await imageFrame(url('image')), 'image');
  });

  it('should have an opaque H.264 video on the background colour', async () => {
    expectOpaqueFelix(await videoFrame(url('video')), 'video');
  });

  it('should have an HEVC .mov that plays opaque (no alpha) where HEVC decodes at all', async () => {
    const mime = mimeOf('hevc');
    expect(mime).to.match(/^video\/quicktime; codecs="hvc1\.1\.6\.L\d+\.[0-9A-F.]+"$/);
    const mp4Mime = mime.replace('video/quicktime', 'video/mp4'); // canPlayType knows HEVC by the mp4 type
    if (document.createElement('video').canPlayType(mp4Mime) === '') {
      // Chromium decodes HEVC only through a hardware decoder, which these machines lack.
      expect(navigator.userAgent, `only Chromium may refuse ${mp4Mime}`).to.contain('Chrome');
      return;
    }
    expectOpaqueFelix(await videoFrame(url('hevc')), 'hevc');
  });
});

describe('demo media: MIME strings', () => {
  it('should give WebM and stacked MP4 types that this browser says it can play', () => {
    const video = document.createElement('video');
    for (const type of ['webm', 'stacked_video', 'video']) {
      expect(video.canPlayType(mimeOf(type)), `${type}: ${mimeOf(type)}`).to.equal('probably');
    }
  });
});
