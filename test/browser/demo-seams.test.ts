// Pose switches are seamless: every transition in demo.json starts on the image its source loop
// ends on and ends on the image its target loop starts on, as decoded by the browser.
import { expect } from '@open-wc/testing';
import { meanDifference } from './helpers/frame-diff.js';
import { type Frame, grabFrame, loadVideo, release, seek } from './helpers/video-frames.js';

const MEDIA = '/packages/emulator/media';
const WIDTH = '160'; // the smallest variant: the joins are the same at every size
/** Mean premultiplied RGBA difference allowed for "the same image" (encoder noise is ~1). */
const SAME = 2;
/** A different pose differs by about 16; the check must tell them apart. */
const DIFFERENT = 8;

interface Clip {
  slug: string;
  kind: string;
  pose?: string;
  from?: string;
  to?: string;
  duration: number;
  files: Record<string, Record<string, string>>;
}
interface DemoIndex {
  fps: number;
  clips: Clip[];
}

let index: DemoIndex;
const frames = new Map<string, Frame>();

/** The first or last frame of a clip's WebM (seeks to the middle of that frame). */
async function edgeFrame(clip: Clip, edge: 'first' | 'last'): Promise<Frame> {
  const key = `${clip.slug}:${edge}`;
  const cached = frames.get(key);
  if (cached) return cached;
  const video = await loadVideo(`${MEDIA}/${clip.files.webm![WIDTH]}`);
  try {
    const count = Math.round(clip.duration * index.fps);
    await seek(video, ((edge === 'first' ? 0 : count - 1) + 0.5) / index.fps);
    const frame = grabFrame(video);
    frames.set(key, frame);
    return frame;
  } finally {
    release(video);
  }
}

const poseClip = (pose: string): Clip => {
  const clip = index.clips.find((c) => c.kind === 'pose' && c.pose === pose);
  if (!clip) throw new Error(`demo.json has no loop for pose ${pose}`);
  return clip;
};

before(async () => {
  index = (await (await fetch(`${MEDIA}/demo.json`)).json()) as DemoIndex;
});

describe('demo media: seamless joins', () => {
  it('should tell a different pose apart (the check can fail)', async () => {
    const diff = meanDifference(await edgeFrame(poseClip('Idle'), 'last'), await edgeFrame(poseClip('Wave'), 'first'));
    expect(diff, 'idle end vs wave start').to.be.above(DIFFERENT);
  });

  // These read WebM frames of paused videos after seeks: WebKitGTK decodes them too (no loop involved).
  it('should end every loop on the frame it starts with', async () => {
    for (const clip of index.clips.filter((c) => c.kind === 'pose')) {
      const diff = meanDifference(await edgeFrame(clip, 'first'), await edgeFrame(clip, 'last'));
      expect(diff, `${clip.slug}: first vs last frame`).to.be.below(SAME);
    }
  });

  it('should start every transition where its source loop ends and end where its target loop starts', async () => {
    const transitions = index.clips.filter((c) => c.kind === 'transition');
    expect(transitions.map((c) => c.slug)).to.have.members(['idle-wave', 'wave-idle', 'idle-thumbs-up', 'thumbs-up-idle', 'idle-thinking', 'thinking-idle']);
    for (const clip of transitions) {
      const into = meanDifference(await edgeFrame(poseClip(clip.from!), 'last'), await edgeFrame(clip, 'first'));
      expect(into, `${clip.slug}: ${clip.from} end vs transition start`).to.be.below(SAME);
      const out = meanDifference(await edgeFrame(clip, 'last'), await edgeFrame(poseClip(clip.to!), 'first'));
      expect(out, `${clip.slug}: transition end vs ${clip.to} start`).to.be.below(SAME);
    }
  });
});
